using System.Text.Json.Serialization;
using Joinery.Core;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Web.Features.Account;
using Joinery.Web.Features.Audit;
using Joinery.Web.Features.Close;
using Joinery.Web.Features.Decisions;
using Joinery.Web.Features.Expectations;
using Joinery.Web.Features.Feedback;
using Joinery.Web.Features.Formalize;
using Joinery.Web.Features.Glossary;
using Joinery.Web.Features.Health;
using Joinery.Web.Features.Inbox;
using Joinery.Web.Features.IntegrationLevels;
using Joinery.Web.Features.Launch;
using Joinery.Web.Features.Measures;
using Joinery.Web.Features.Meetings;
using Joinery.Web.Features.Mission;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Readiness;
using Joinery.Web.Features.Reports;
using Joinery.Web.Features.Search;
using Joinery.Web.Features.Shared;
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
    .AddDefaultTokenProviders()
    // Authenticator codes are checked on the app's clock (TimeProvider), like everything else.
    .AddTokenProvider<ClockedAuthenticator>(TokenOptions.DefaultAuthenticatorProvider)
    // Password-reset links last an hour, on the app's clock too.
    .AddTokenProvider<PasswordResetTokens>(PasswordResetTokenOptions.ProviderName);
builder.Services.Configure<IdentityOptions>(options => options.Tokens.PasswordResetTokenProvider = PasswordResetTokenOptions.ProviderName);

// Sign-in: a cookie for the pages (checked on every request, see SessionEvents), bearer tokens for the API.
// The API door takes only bearer tokens (so no cookie can ride along on a forged request); pages take only the cookie.
builder.Services.AddAuthentication(PersonalAccessTokenHandler.ByDoor)
    .AddPolicyScheme(PersonalAccessTokenHandler.ByDoor, "Cookie for pages, bearer token for the API", options =>
        options.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api")
            ? PersonalAccessTokenHandler.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
    .AddIdentityCookies();
SessionEvents.AddTo(builder.Services, builder.Configuration);
PersonalAccessTokenHandler.CountFailuresInsteadOfLogging(builder.Logging);
// Values classified personal ([Personal]) are erased from every log line.
builder.Logging.AddJoineryRedaction();
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
    options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
    options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
    options.Conventions.AllowAnonymousToPage("/Account/Denied");
    options.Conventions.AllowAnonymousToPage("/Notifications/Unsubscribe");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AuthorizeFolder("/Admin", SiteAdmin.Policy);
}).AddMvcOptions(options =>
{
    options.Filters.Add<RequireMfaFilter>();
    options.Filters.Add<ArchivedPartnerships>();
    // Typed form fields (dates, numbers, ids) that cannot be read say so without repeating what was
    // typed; rules (required, ranges) belong to the operations, not to implicit attributes.
    options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    var messages = options.ModelBindingMessageProvider;
    messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"Enter a valid value for {field}.");
    messages.SetUnknownValueIsInvalidAccessor(field => $"Enter a valid value for {field}.");
    messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Enter a valid value.");
    messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Enter a valid value.");
    messages.SetValueIsInvalidAccessor(_ => "Enter a valid value.");
    messages.SetValueMustBeANumberAccessor(field => $"Enter {field} as a number.");
    messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number.");
});
builder.Services.AddProblemDetails();
// Bodies over the limit, and posts no page handler takes, get a plain 4xx (Infrastructure/RequestGuards).
builder.Services.AddRequestGuards();
// A JSON body that does not bind (a number sent as text) is thrown to the error page, which names the field.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
builder.Services.AddOpenApi();
builder.Services.AddSingleton<InvitationMailer>();
builder.Services.AddSingleton<WorkspaceNavigation>();
builder.Services.AddHostedService<NotificationSender>();
builder.Services.AddSingleton<AfterTheAnswer>();
builder.Services.AddHostedService(services => services.GetRequiredService<AfterTheAnswer>());

// Behind a TLS proxy; slow down password guessing and API floods.
builder.Services.AddBehindProxy(builder.Configuration);
builder.Services.AddJoineryRateLimits(builder.Configuration);

var app = builder.Build();

// A bad setting stops the app here with one line naming the key (Core/Common/Settings), before
// the host would log it with a stack trace.
if (Settings.Check(app.Services) is { } problem)
{
    await Console.Error.WriteLineAsync($"error: {problem}");
    return 2;
}

await Startup.PrepareDatabaseAsync(app);

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    // A write refused because the partnership is archived is answered 409 by the error page, not logged as a failure,
    // and a request the API could not bind is the caller's mistake, answered 400.
    SuppressDiagnosticsCallback = context => context.Exception is Joinery.Core.Partnerships.PartnershipArchivedException or BadHttpRequestException,
});
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UseBehindProxy();
app.UseMiddleware<SecurityHeaders>();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
// After authentication, so the API budget belongs to the person the token authenticated.
app.UseRateLimiter();
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
api.MapInboxApi();
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
api.MapSearchApi();

await app.RunAsync();
return 0;

/// <summary>The web host; public so integration tests can start it.</summary>
public partial class Program;
