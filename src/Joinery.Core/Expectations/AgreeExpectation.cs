using Joinery.Core.Common;
using Joinery.Core.Data;

namespace Joinery.Core.Expectations;

/// <summary>An agreed expectation: the statement, the owner (a member), an optional measure of this partnership, an optional re-evaluation date, and the items it was drawn from.</summary>
public sealed record AgreedInput(string? Statement, Guid? Owner, Guid? Measure, DateOnly? ReevaluateOn, IReadOnlyList<Guid>? Items);

/// <summary>Records an expectation both partners agreed, drawn from one or more shown expectations (a pair, or a single item).</summary>
public sealed class AgreeExpectation(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, AgreedInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseUntilListsShownAsync(partnershipId, "Expectations are agreed once every partner has submitted its list.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var terms = await db.AgreedTermsAsync(check, partnershipId, input, cancellationToken);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var agreed = AgreedExpectation.Agree(partnershipId, terms.Statement, terms.Owner, terms.Measure, terms.ReevaluateOn, listsShown: true,
            db.Tenancy.UserId!.Value, db.Now);
        db.Set<AgreedExpectation>().Add(agreed);
        db.Set<AgreedSource>().AddRange(agreed.DrawFrom(terms.Items, []).Add);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreed.Id);
    }
}
