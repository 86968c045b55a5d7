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
