using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>Two items of different partners; <see cref="Relation"/> is same, related or conflicting.</summary>
public sealed record PairInput(Guid? First, Guid? Second, string? Relation, string? Note);

/// <summary>Pairs two shown expectations of different partners as the same, related or conflicting, with a note.</summary>
public sealed class PairExpectations(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, PairInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseUntilListsShownAsync(partnershipId, "Items can be paired once every partner has submitted its list.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var first = await db.ItemAsync(check, partnershipId, "first", input.First, cancellationToken);
        var second = await db.ItemAsync(check, partnershipId, "second", input.Second, cancellationToken);
        var relation = check.Choice<ExpectationRelation>("relation", "how the two relate", input.Relation);
        var note = check.Prose("note", "the note", input.Note, ExpectationPair.NoteMax);
        if (first is not null && second is not null && first.OrganizationId == second.OrganizationId)
        {
            check.Add("second", "Pair expectations of two different partners.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (await db.Set<ExpectationPair>().AnyAsync(p => p.PartnershipId == partnershipId
                && ((p.FirstItemId == first!.Id && p.SecondItemId == second!.Id) || (p.FirstItemId == second!.Id && p.SecondItemId == first.Id)), cancellationToken))
        {
            return Outcome<Guid>.Conflict("second", "These two expectations are already paired.");
        }
        var pair = ExpectationPair.Pair(first!, second!, relation!.Value, note, listsShown: true, db.Tenancy.UserId!.Value, db.Now);
        db.Set<ExpectationPair>().Add(pair);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(pair.Id);
    }
}
