using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>
/// A steward or planner submits the organization's list. The value is true when this was the last
/// list, so every list is now shown side by side (and the reveal is audited).
/// </summary>
public sealed class SubmitExpectations(JoineryDb db)
{
    public async Task<Outcome<bool>> RunAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<bool>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me?.Role is not (MemberRole.Steward or MemberRole.Planner) || await db.MyPartnerOrganizationAsync(partnershipId, cancellationToken) is not { } organizationId)
        {
            return Outcome<bool>.Forbidden("A steward or planner of your organization submits its list.");
        }
        var submitted = await db.Set<ExpectationSubmission>().Where(s => s.PartnershipId == partnershipId).Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        if (submitted.Contains(organizationId))
        {
            return Outcome<bool>.Conflict("", "Your organization's list is already submitted.");
        }
        var inList = await db.Set<ExpectationItem>().CountAsync(i => i.PartnershipId == partnershipId && i.OrganizationId == organizationId, cancellationToken);
        if (inList == 0)
        {
            return Outcome<bool>.Invalid("text", "Add at least one expectation before submitting the list.");
        }
        db.Set<ExpectationSubmission>().Add(ExpectationSubmission.Submit(partnershipId, organizationId, inList, alreadySubmitted: false, me.UserId, db.Now));
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        var revealed = partners.All(p => p == organizationId || submitted.Contains(p));
        if (revealed)
        {
            db.Audit("expectations.revealed", "partnership", partnershipId.ToString(), partnershipId);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(revealed);
    }
}
