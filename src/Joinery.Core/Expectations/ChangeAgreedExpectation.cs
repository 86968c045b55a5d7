using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>Changes an agreed expectation: its statement, owner, measure, re-evaluation date and the items it is drawn from.</summary>
public sealed class ChangeAgreedExpectation(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, Guid agreedId, AgreedInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseUntilListsShownAsync(partnershipId, "Expectations are agreed once every partner has submitted its list.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var agreed = await db.Set<AgreedExpectation>().FirstOrDefaultAsync(a => a.Id == agreedId && a.PartnershipId == partnershipId, cancellationToken);
        if (agreed is null)
        {
            return Outcome<Guid>.NotFound("No such agreed expectation.");
        }
        var check = new Validation();
        var terms = await db.AgreedTermsAsync(check, partnershipId, input, cancellationToken);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        agreed.Change(terms.Statement, terms.Owner, terms.Measure, terms.ReevaluateOn, db.Now);
        var links = await db.Set<AgreedSource>().Where(l => l.AgreedExpectationId == agreed.Id).ToListAsync(cancellationToken);
        var (add, remove) = agreed.DrawFrom(terms.Items, links);
        db.Set<AgreedSource>().RemoveRange(remove);
        db.Set<AgreedSource>().AddRange(add);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreed.Id);
    }
}
