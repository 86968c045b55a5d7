using System.Security.Claims;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// Fills the request's <see cref="Tenancy"/> from the signed-in person: who they are, their
/// organization, and the partnerships they belong to. The data context's query filters read it.
/// </summary>
internal sealed class TenancyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, Tenancy tenancy, JoineryDb db)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        tenancy.Door = isApi ? Door.Api : Door.Web;
        // The API is opened by bearer tokens only. Its policy authenticates them at authorization,
        // after this point, so read the token here: otherwise an API call would run with no tenancy
        // (or with the tenancy of a cookie the caller also sent).
        var principal = isApi
            ? (await context.AuthenticateAsync(PersonalAccessTokenHandler.SchemeName)).Principal
            : context.User;
        if (principal?.Identity?.IsAuthenticated == true
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.OrganizationId, u.IsSiteAdmin }).FirstOrDefaultAsync(context.RequestAborted);
            if (user is not null)
            {
                var partnerships = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == userId)
                    .Select(m => m.PartnershipId).ToListAsync(context.RequestAborted);
                tenancy.SignIn(userId, user.OrganizationId, user.IsSiteAdmin, partnerships);
            }
        }
        await next(context);
    }
}
