using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Features.Account;

public sealed record MeResponse(Guid Id, string Email, string Name, bool IsSiteAdmin, bool MfaEnabled, OrganizationView Organization, IReadOnlyList<PartnershipSummary> Partnerships);

internal static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", GetMeAsync).WithName("GetMe").WithSummary("Who the token belongs to, and their partnerships.").WithTags("Account");

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(JoineryDb db, Tenancy tenancy, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == tenancy.UserId, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == user.OrganizationId, cancellationToken);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, user.IsSiteAdmin, user.TwoFactorEnabled,
            new OrganizationView(organization.Id, organization.Name, organization.Kind, organization.Mission, organization.Vision),
            await db.ListMyPartnershipsAsync(cancellationToken)));
    }
}
