using Joinery.Core.Common;
using Joinery.Core.Data;

namespace Joinery.Core.Expectations;

/// <summary>Rewords one of the organization's expectations. A submitted list may still be revised until the lists are shown.</summary>
public sealed class ChangeExpectation(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid itemId, string? text, CancellationToken cancellationToken = default)
    {
        var (item, refusal) = await db.OwnItemAsync(partnershipId, itemId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var value = check.Prose("text", "the result you expect", text, ExpectationItem.TextMax, required: true);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        item!.Reword(value, listsShown: false, db.Now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(item.Id);
    }
}
