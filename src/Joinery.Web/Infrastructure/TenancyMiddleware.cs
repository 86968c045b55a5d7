using System.Security.Claims;
using Joinery.Core.Common;
using Joinery.Core.Data;
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
        tenancy.Door = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? Door.Api : Door.Web;
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            // One round trip on every request: the person and the partnerships they belong to.
            var user = await db.Users.Where(u => u.Id == userId)
                .Select(u => new
                {
                    u.OrganizationId,
                    u.IsSiteAdmin,
                    Partnerships = db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == u.Id).Select(m => m.PartnershipId).ToList(),
                })
                .FirstOrDefaultAsync(context.RequestAborted);
            if (user is not null)
            {
                tenancy.SignIn(userId, user.OrganizationId, user.IsSiteAdmin, user.Partnerships);
            }
        }
        await next(context);
    }
}
