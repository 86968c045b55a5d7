using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>Adds a result the caller's organization expects to its own list, until every partner has submitted and the lists are shown.</summary>
public sealed class AddExpectation(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, string? text, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ExpectationLists.ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (await db.MyPartnerOrganizationAsync(partnershipId, cancellationToken) is not { } organizationId)
        {
            return Outcome<Guid>.Forbidden("Only people of a partner organization write its expectations.");
        }
        if (await db.ListsShownAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.Conflict("", ExpectationLists.Frozen);
        }
        var check = new Validation();
        var value = check.Prose("text", "the result you expect", text, ExpectationItem.TextMax, required: true);
        var inList = await db.Set<ExpectationItem>().CountAsync(i => i.PartnershipId == partnershipId && i.OrganizationId == organizationId, cancellationToken);
        if (check.IsValid && inList >= ExpectationItem.ListMax)
        {
            check.Add("text", $"A list holds at most {ExpectationItem.ListMax} expectations. Combine or remove some first.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var item = ExpectationItem.Write(partnershipId, organizationId, value, inList, listsShown: false, db.Tenancy.UserId!.Value, db.Now);
        db.Set<ExpectationItem>().Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(item.Id);
    }
}
