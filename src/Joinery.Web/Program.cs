using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Joinery.Core;
using Joinery.Web.Features.Account;
using Joinery.Web.Features.Audit;
using Joinery.Web.Features.Close;
using Joinery.Web.Features.Decisions;
using Joinery.Web.Features.Expectations;
using Joinery.Web.Features.Feedback;
using Joinery.Web.Features.Formalize;
using Joinery.Web.Features.Glossary;
using Joinery.Web.Features.Health;
using Joinery.Web.Features.IntegrationLevels;
using Joinery.Web.Features.Launch;
using Joinery.Web.Features.Measures;
using Joinery.Web.Features.Meetings;
using Joinery.Web.Features.Mission;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Readiness;
using Joinery.Web.Features.Reports;
using Joinery.Web.Features.Trust;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

// The content root is the build output (appsettings.json is copied there), so the app behaves the
// same whether started with `dotnet run --project src/Joinery.Web`, from bin, or by the tests.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();

// Data, accounts and operations (shared with the CLI).
builder.Services.AddJoineryCore(builder.Configuration)
    .AddSignInManager()
    .AddDefaultTokenProviders();

// Sign-in: a cookie for the pages (ends after the idle timeout), bearer tokens for the API.
var idleMinutes = Math.Clamp(builder.Configuration.GetValue("Auth:IdleTimeoutMinutes", 15), 1, 24 * 60);
// The API door takes only bearer tokens (so no cookie can ride along on a forged request); pages take only the cookie.
builder.Services.AddAuthentication(PersonalAccessTokenHandler.ByDoor)
    .AddPolicyScheme(PersonalAccessTokenHandler.ByDoor, "Cookie for pages, bearer token for the API", options =>
        options.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api")
            ? PersonalAccessTokenHandler.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "joinery";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
    options.SlidingExpiration = true;
    options.LoginPath = "/account/sign-in";
    options.LogoutPath = "/account/sign-out";
    options.AccessDeniedPath = "/account/denied";
});
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(ApiAccess.Policy, policy => policy
        .AddAuthenticationSchemes(PersonalAccessTokenHandler.SchemeName)
        .RequireAuthenticatedUser())
    .AddPolicy(SiteAdmin.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new SiteAdmin()));
builder.Services.AddScoped<IAuthorizationHandler, SiteAdminHandler>();

// Pages live in feature folders; everything needs a signed-in person unless it says otherwise.
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AllowAnonymousToFolder("/Setup");
    options.Conventions.AllowAnonymousToPage("/Account/SignIn");
    options.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
    options.Conventions.AllowAnonymousToPage("/Account/Invitation");
    options.Conventions.AllowAnonymousToPage("/Account/Denied");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AuthorizeFolder("/Admin", SiteAdmin.Policy);
}).AddMvcOptions(options =>
{
    options.Filters.Add<RequireMfaFilter>();
    options.Filters.Add<ArchivedPartnerships>();
});
builder.Services.AddProblemDetails();
// Bodies over the limit, and posts no page handler takes, get a plain 4xx (Infrastructure/RequestGuards).
builder.Services.AddRequestGuards();
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
builder.Services.AddOpenApi();
builder.Services.AddSingleton<InvitationMailer>();

// Slow down password guessing and API floods.
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.AddPolicy(RateLimits.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
    options.AddPolicy(RateLimits.Api, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Request.Headers.Authorization.ToString() is { Length: > 0 } token ? token : context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = builder.Configuration.GetValue("RateLimits:ApiPerMinute", 600), Window = TimeSpan.FromMinutes(1) }));
});

var app = builder.Build();

await Startup.PrepareDatabaseAsync(app);

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    // A write refused because the partnership is archived is answered 409 by the error page, not logged as a failure.
    SuppressDiagnosticsCallback = context => context.Exception is Joinery.Core.Partnerships.PartnershipArchivedException,
});
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UseMiddleware<SecurityHeaders>();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseMiddleware<TenancyMiddleware>();
app.UseAuthorization();

app.MapGet("/health", Startup.HealthAsync).AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapRazorPages();

var api = app.MapGroup("/api/v1")
    .AddEndpointFilter<ArchivedPartnerships>()
    .RequireAuthorization(ApiAccess.Policy)
    .RequireRateLimiting(RateLimits.Api);
api.MapAccountApi();
api.MapPartnershipsApi();
api.MapAuditApi();
api.MapReadinessApi();
api.MapIntegrationLevelsApi();
api.MapMissionApi();
api.MapGlossaryApi();
api.MapMeetingsApi();
api.MapDecisionsApi();
api.MapMeasuresApi();
api.MapHealthApi();
api.MapReportsApi();
api.MapMouApi();
api.MapFeedbackApi();
api.MapTrustApi();
api.MapExpectationsApi();
api.MapLaunchApi();
api.MapFormalizeApi();
api.MapCloseApi();

await app.RunAsync();

/// <summary>The web host; public so integration tests can start it.</summary>
public partial class Program;
