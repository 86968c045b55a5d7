using System.Security.Claims;
using System.Text.Encodings.Web;
using Joinery.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Joinery.Web.Infrastructure;

/// <summary>Authenticates API calls by <c>Authorization: Bearer jny_…</c> personal access tokens.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PersonalAccessTokens tokens, AuthenticationCounters counters)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private string? _problem;

    public const string SchemeName = "Bearer";

    /// <summary>The default scheme: picks the cookie or the bearer token by the request's door.</summary>
    public const string ByDoor = "ByDoor";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var check = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check.User is not { } user)
        {
            counters.Failed();
            _problem = check.Problem;
            return AuthenticateResult.Fail(check.Problem ?? "The token is not valid, has expired or was revoked.");
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Email ?? "")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => _problem is { } problem
        ? Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Two-step sign-in required", problem)
        : Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign-in required",
            "Send a personal access token: Authorization: Bearer <token>. Create one on your profile page or with 'joinery token create'.");

    /// <summary>The base handler notes every failed authentication at Information; a flood of bogus tokens would fill the disk, so failures are counted instead (<see cref="AuthenticationCounters"/>).</summary>
    public static void CountFailuresInsteadOfLogging(ILoggingBuilder logging) =>
        logging.AddFilter(typeof(PersonalAccessTokenHandler).FullName, LogLevel.Warning);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", "Your account may not do this.");
}
