using Joinery.Core.Data;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Formalize;

/// <summary>The agreements register: what the partnership needs (from its services) beside what it has; null when the partnership is not the caller's.</summary>
public sealed class ShowAgreementsRegister(JoineryDb db, AgreementList list, ServicesWork services)
{
    public async Task<AgreementsRegister?> RunAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var agreements = await list.ReadAsync(partnershipId, cancellationToken);
        var catalog = await services.ServicesAsync(partnershipId, cancellationToken);
        return new AgreementsRegister(RequiredAgreements.For(catalog, agreements), agreements, me is not null && me.Role != MemberRole.Viewer);
    }
}
