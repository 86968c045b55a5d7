using Joinery.Core.Data;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Expectations;

/// <summary>An item as its reader may see it. <see cref="Label"/> ("A2") names it without its text: partner letter and position.</summary>
public sealed record ExpectationItemView(Guid Id, string Label, string Text, bool Paired, bool Agreed);

/// <summary>
/// One partner's list. Before every partner has submitted, another partner's <see cref="Items"/> is
/// null: the count and the status are shown, never the text.
/// </summary>
public sealed record PartnerListView(Guid OrganizationId, string Name, string Letter, bool Submitted, DateTimeOffset? SubmittedAt, string? SubmittedBy,
    int ItemCount, bool Visible, IReadOnlyList<ExpectationItemView>? Items);

public sealed record PairView(Guid Id, Guid First, Guid Second, string FirstLabel, string SecondLabel, ExpectationRelation Relation, string Note, bool Agreed);

public sealed record AgreedView(Guid Id, string Statement, Guid OwnerUserId, string Owner, Guid? MeasureId, string? Measure, DateOnly? ReevaluateOn,
    bool ReevaluationOverdue, IReadOnlyList<Guid> Items, IReadOnlyList<string> ItemLabels, DateTimeOffset AgreedAt);

public sealed record EvaluationView(Guid AgreedExpectationId, PilotResult Result, string Response, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A pilot review; complete once held, summarised, and every agreed expectation re-evaluated in it.</summary>
public sealed record PilotReviewView(Guid Id, DateOnly From, DateOnly To, DateOnly? HeldOn, string Summary, bool Complete,
    IReadOnlyList<EvaluationView> Evaluations, IReadOnlyList<Guid> AwaitingEvaluation);

public sealed record ExpectationsView(bool Revealed, Guid? MyOrganizationId, IReadOnlyList<PartnerListView> Partners, IReadOnlyList<PairView> Pairs,
    IReadOnlyList<AgreedView> Agreed, IReadOnlyList<PilotReviewView> PilotReviews, bool CanWrite, bool CanEditItems, bool CanSubmit);

/// <summary>An agreed expectation linked to a measure, for the measure's page (<see cref="MeasureDetails.Expectations"/>).</summary>
public sealed record LinkedExpectation(Guid Id, string Statement, DateOnly? ReevaluateOn);

/// <summary>
/// Step 5 as the current person may see it: each partner's list (its text only once every partner has
/// submitted, or for the person's own organization), the pairs, the agreed expectations and the pilot
/// reviews, and what the person may do. Null when the partnership is not theirs to see.
/// </summary>
public sealed class ShowExpectations(JoineryDb db)
{
    public async Task<ExpectationsView?> RunAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var data = await db.LoadExpectationsAsync(partnershipId, cancellationToken);
        if (data is null)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var myOrganization = db.Tenancy.OrganizationId is { } o && data.Partners.Any(p => p.Id == o) ? o : (Guid?)null;
        var canWrite = me is not null && me.Role != MemberRole.Viewer;
        var canEditItems = canWrite && myOrganization is not null && !data.Revealed;
        var canSubmit = canEditItems && me!.Role is MemberRole.Steward or MemberRole.Planner && !data.Submissions.Any(s => s.OrganizationId == myOrganization);

        var partners = data.Partners.Select(p =>
        {
            var submission = data.Submissions.FirstOrDefault(s => s.OrganizationId == p.Id);
            var items = data.Items.Where(i => i.OrganizationId == p.Id).ToList();
            var visible = data.Revealed || p.Id == myOrganization;
            return new PartnerListView(p.Id, p.Name, p.Letter, submission is not null, submission?.SubmittedAt,
                submission is null ? null : data.Names.GetValueOrDefault(submission.SubmittedByUserId), items.Count, visible,
                visible ? items.Select(i => new ExpectationItemView(i.Id, data.Labels[i.Id], i.Text, data.IsPaired(i.Id), data.IsAgreed(i.Id))).ToList() : null);
        }).ToList();
        // Pairs and agreed expectations only exist after the reveal; they are withheld before it all the same.
        return new ExpectationsView(data.Revealed, myOrganization, partners,
            data.Revealed ? data.PairViews() : [], data.Revealed ? data.AgreedViews() : [], data.ReviewViews(), canWrite, canEditItems, canSubmit);
    }
}
