using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Joinery.Web.Infrastructure;

/// <summary>Section <c>Auth</c>: how long a sign-in lasts without a request, and at most.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Range(1, 24 * 60, ErrorMessage = "Auth:IdleTimeoutMinutes must be a whole number of minutes from 1 to 1440.")]
    public int IdleTimeoutMinutes { get; set; } = 15;

    [Range(1, 7 * 24, ErrorMessage = "Auth:AbsoluteSessionHours must be a whole number of hours from 1 to 168.")]
    public int AbsoluteSessionHours { get; set; } = 12;
}

/// <summary>How long a sign-in lasts: <see cref="AuthOptions"/> as time spans.</summary>
internal sealed record SessionLimits(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionLimits From(AuthOptions options) => new(
        TimeSpan.FromMinutes(options.IdleTimeoutMinutes), TimeSpan.FromHours(options.AbsoluteSessionHours));
}

/// <summary>
/// The one place where a sign-in cookie is judged, on every request: it must carry the person's
/// current security stamp (sign-out, a password change or the loss of their last membership
/// renews it, so a copied cookie dies with the session it was copied from), the person must be
/// active, and the session must be younger than the absolute lifetime, however busy it was.
/// </summary>
internal sealed class SessionEvents(JoineryDb db, TimeProvider clock, SessionLimits limits, IOptions<IdentityOptions> identity)
    : CookieAuthenticationEvents
{
    private const string SignedInAt = "joinery.signed-in-at";

    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AuthOptions>(configuration, AuthOptions.Section);
        services.AddSingleton(provider => SessionLimits.From(provider.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.AddScoped<SessionEvents>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<SessionLimits>((options, limits) =>
        {
            options.Cookie.Name = "joinery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = limits.Idle;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";
            options.EventsType = typeof(SessionEvents);
        });
    }

    /// <summary>Notes when the person signed in; a refreshed sign-in (after a password change) keeps the first time.</summary>
    public override Task SigningIn(CookieSigningInContext context)
    {
        context.Properties.Items.TryAdd(SignedInAt, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (!await IsCurrentAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    private async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        if (!context.Properties.Items.TryGetValue(SignedInAt, out var text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || clock.GetUtcNow() - signedInAt > limits.Absolute)
        {
            return false;
        }
        var stamp = context.Principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (!Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || string.IsNullOrEmpty(stamp))
        {
            return false;
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DeactivatedAt }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        return person is { DeactivatedAt: null } && person.SecurityStamp == stamp;
    }
}
