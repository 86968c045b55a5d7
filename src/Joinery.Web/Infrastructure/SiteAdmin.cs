using System.Security.Claims;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Infrastructure;

/// <summary>Site administrators manage organizations, people and partnerships.</summary>
internal sealed class SiteAdmin : IAuthorizationRequirement
{
    public const string Policy = "site-admin";
}

internal sealed class SiteAdminHandler(JoineryDb db, Tenancy tenancy) : AuthorizationHandler<SiteAdmin>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SiteAdmin requirement)
    {
        if (Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await db.Users.AnyAsync(u => u.Id == userId && u.IsSiteAdmin))
        {
            // Administration works across partnerships: organizations, people and partners, not their data.
            tenancy.ActAcrossPartnerships();
            context.Succeed(requirement);
        }
    }
}
