using Joinery.Core.Data;

namespace Joinery.Core.Expectations;

public sealed record AgreedFact(Guid Id, string Statement, DateOnly? ReevaluateOn);

public sealed record UnpairedItemFact(Guid ItemId, string Label, Guid OrganizationId, string OrganizationName);

public sealed record ConflictFact(Guid PairId, string FirstLabel, string SecondLabel);

/// <summary>
/// What the health view needs from step 5, with ids and labels only (no item text): agreed
/// expectations without a measure or a re-evaluation date, or whose re-evaluation is overdue;
/// revealed items nobody has responded to (in no pair and behind no agreed expectation); conflicting
/// pairs that no agreed expectation resolves yet; partners whose list is not submitted.
/// </summary>
public sealed record ExpectationHealthFacts(bool Revealed, IReadOnlyList<string> PartnersNotSubmitted, IReadOnlyList<AgreedFact> WithoutMeasure,
    IReadOnlyList<AgreedFact> WithoutReevaluationDate, IReadOnlyList<AgreedFact> ReevaluationOverdue, IReadOnlyList<UnpairedItemFact> UnpairedItems,
    IReadOnlyList<ConflictFact> ConflictsWithoutAgreement);

/// <summary>The facts behind step 5's health signals (<see cref="ExpectationsSignals"/>); null when the partnership is not the current person's to see.</summary>
public sealed class CheckExpectationsHealth(JoineryDb db)
{
    public async Task<ExpectationHealthFacts?> RunAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var data = await db.LoadExpectationsAsync(partnershipId, cancellationToken);
        if (data is null)
        {
            return null;
        }
        var agreed = data.AgreedViews();
        static AgreedFact Fact(AgreedView a) => new(a.Id, a.Statement, a.ReevaluateOn);
        var partnerNames = data.Partners.ToDictionary(p => p.Id, p => p.Name);
        return new ExpectationHealthFacts(
            data.Revealed,
            data.Partners.Where(p => data.Submissions.All(s => s.OrganizationId != p.Id)).Select(p => p.Name).ToList(),
            agreed.Where(a => a.MeasureId is null).Select(Fact).ToList(),
            agreed.Where(a => a.ReevaluateOn is null).Select(Fact).ToList(),
            agreed.Where(a => a.ReevaluationOverdue).Select(Fact).ToList(),
            data.Revealed
                ? data.Items.Where(i => !data.IsPaired(i.Id) && !data.IsAgreed(i.Id))
                    .Select(i => new UnpairedItemFact(i.Id, data.Labels[i.Id], i.OrganizationId, partnerNames.GetValueOrDefault(i.OrganizationId, ""))).ToList()
                : [],
            data.PairViews().Where(p => p.Relation == ExpectationRelation.Conflicting && !p.Agreed)
                .Select(p => new ConflictFact(p.Id, p.FirstLabel, p.SecondLabel)).ToList());
    }
}
