using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

/// <summary>
/// What step 5's use cases share. Each partner writes the results it expects on its own; a list stays
/// with its organization until every partner has submitted ("the lists are shown"), so nobody anchors
/// on the other side (as in the readiness check). Then the lists are shown side by side, members pair
/// items as the same, related or conflicting, and the partners record agreed expectations with an
/// owner, a measure and a re-evaluation date; the pilot review re-evaluates each of them
/// (frameworks.md §0 step 5, §10.1 F3).
/// </summary>
internal static class ExpectationLists
{
    public const string ViewerMessage = "Viewers read the expectations; members record them.";

    public const string Frozen = "Every partner has submitted; the lists are shown side by side and no longer change.";

    /// <summary>Whether every partner has submitted its list, so all lists are shown.</summary>
    public static async Task<bool> ListsShownAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken)
    {
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        var submitted = await db.Set<ExpectationSubmission>().Where(s => s.PartnershipId == partnershipId).Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        return partners.Count > 0 && partners.All(submitted.Contains);
    }

    /// <summary>The current person's organization when it is a partner of the partnership; only its people write its list.</summary>
    public static async Task<Guid?> MyPartnerOrganizationAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken) =>
        db.Tenancy.OrganizationId is { } organizationId
        && await db.PartnerOrganizations.AnyAsync(p => p.PartnershipId == partnershipId && p.OrganizationId == organizationId, cancellationToken)
            ? organizationId
            : null;

    /// <summary>404 or 403 as <see cref="PartnershipAccess.RefuseWriteAsync"/>, then 409 with <paramref name="message"/> while the lists are still hidden.</summary>
    public static async Task<Outcome<Guid>?> RefuseUntilListsShownAsync(this JoineryDb db, Guid partnershipId, string message, CancellationToken cancellationToken)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await db.ListsShownAsync(partnershipId, cancellationToken) ? null : Outcome<Guid>.Conflict("", message);
    }

    /// <summary>
    /// The caller's own item, to reword or remove: 404 or 403 as <see cref="PartnershipAccess.RefuseWriteAsync"/>,
    /// then 404 when there is no such item or it is another partner's (still hidden), then 409 once the lists are shown.
    /// </summary>
    public static async Task<(ExpectationItem? Item, Outcome<Guid>? Refusal)> OwnItemAsync(this JoineryDb db, Guid partnershipId, Guid itemId,
        CancellationToken cancellationToken)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }
        var item = await db.Set<ExpectationItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.PartnershipId == partnershipId, cancellationToken);
        var shown = item is not null && await db.ListsShownAsync(partnershipId, cancellationToken);
        if (item is null || (!shown && !db.Tenancy.Unrestricted && item.OrganizationId != db.Tenancy.OrganizationId))
        {
            return (null, Outcome<Guid>.NotFound("No such expectation."));
        }
        return shown ? (null, Outcome<Guid>.Conflict("", Frozen)) : (item, null);
    }

    /// <summary>An item of this partnership named in a field, or null with the field's message.</summary>
    public static async Task<ExpectationItem?> ItemAsync(this JoineryDb db, Validation check, Guid partnershipId, string field, Guid? itemId,
        CancellationToken cancellationToken)
    {
        if (itemId is not { } id)
        {
            check.Add(field, "Choose an expectation.");
            return null;
        }
        var item = await db.Set<ExpectationItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.PartnershipId == partnershipId, cancellationToken);
        if (item is null)
        {
            check.Add(field, "There is no such expectation in this partnership.");
        }
        return item;
    }

    /// <summary>The terms of an agreed expectation, checked: a statement, a member owner, a measure of this partnership or none, a date or none, its items.</summary>
    public static async Task<AgreedTerms> AgreedTermsAsync(this JoineryDb db, Validation check, Guid partnershipId, AgreedInput input, CancellationToken cancellationToken)
    {
        var statement = check.Prose("statement", "the agreed expectation", input.Statement, AgreedExpectation.StatementMax, required: true);
        Guid owner = default;
        if (input.Owner is not { } ownerId)
        {
            check.Add("owner", "Choose the member who owns this expectation.");
        }
        else if (await db.Memberships.AnyAsync(m => m.PartnershipId == partnershipId && m.UserId == ownerId, cancellationToken))
        {
            owner = ownerId;
        }
        else
        {
            check.Add("owner", "The owner must be a member of this partnership.");
        }
        if (input.Measure is { } measureId && !await db.Set<Measure>().AnyAsync(m => m.Id == measureId && m.PartnershipId == partnershipId, cancellationToken))
        {
            check.Add("measure", "Choose a measure of this partnership, or none yet.");
        }
        var reevaluateOn = check.Date("reevaluateOn", "the re-evaluation date", input.ReevaluateOn);
        var items = (input.Items ?? []).Distinct().ToList();
        if (items.Count == 0)
        {
            check.Add("items", "Choose the expectation or pair of expectations this agreement comes from.");
        }
        else if (items.Count > ExpectationItem.ListMax)
        {
            check.Add("items", $"Choose at most {ExpectationItem.ListMax} expectations.");
        }
        else if (await db.Set<ExpectationItem>().CountAsync(i => i.PartnershipId == partnershipId && items.Contains(i.Id), cancellationToken) != items.Count)
        {
            check.Add("items", "Choose expectations from this partnership's lists.");
        }
        return new AgreedTerms(statement, owner, input.Measure, reevaluateOn, items);
    }

    public sealed record AgreedTerms(string Statement, Guid Owner, Guid? Measure, DateOnly? ReevaluateOn, IReadOnlyList<Guid> Items);

    /// <summary>A pilot period and its review, checked: both days of the period, the day it was held (not in the future) and the summary that needs it.</summary>
    public static ReviewTerms PilotReviewTerms(this Validation check, PilotReviewInput input, DateTimeOffset now)
    {
        var from = check.Date("from", "the first day of the pilot", input.From, required: true);
        var to = check.Date("to", "the last day of the pilot", input.To, required: true);
        var held = check.Date("heldOn", "the day the review was held", input.HeldOn);
        var summary = check.Prose("summary", "the summary", input.Summary, PilotReview.SummaryMax);
        if (from > to)
        {
            check.Add("to", "The pilot ends before it starts.");
        }
        if (held < from)
        {
            check.Add("heldOn", "The review cannot be held before the pilot starts.");
        }
        if (held > DateOnly.FromDateTime(now.UtcDateTime))
        {
            check.Add("heldOn", "The review is in the future: record the day once it has been held.");
        }
        if (summary.Length > 0 && held is null && input.HeldOn is null)
        {
            check.Add("heldOn", "Give the day the review was held with its summary.");
        }
        return new ReviewTerms(from ?? default, to ?? default, held, summary);
    }

    public sealed record ReviewTerms(DateOnly From, DateOnly To, DateOnly? HeldOn, string Summary);

    /// <summary>Everything step 5 holds for one partnership, read once; null when the partnership is not the current person's to see.</summary>
    public static async Task<Loaded?> LoadExpectationsAsync(this JoineryDb db, Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var partners = (await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
                .Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select((p, i) => new Partner(p.OrganizationId, p.Name, ((char)('A' + i)).ToString()))
            .ToList();
        var items = (await db.Set<ExpectationItem>().AsNoTracking().Where(i => i.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToList();
        var submissions = await db.Set<ExpectationSubmission>().AsNoTracking().Where(s => s.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var pairs = (await db.Set<ExpectationPair>().AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList();
        var agreed = (await db.Set<AgreedExpectation>().AsNoTracking().Where(a => a.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();
        var links = await db.Set<AgreedSource>().AsNoTracking().Where(l => l.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var reviews = (await db.Set<PilotReview>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.PilotFrom).ThenBy(r => r.Id).ToList();
        var evaluations = await db.Set<PilotEvaluation>().AsNoTracking().Where(e => e.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var measureIds = agreed.Select(a => a.MeasureId).OfType<Guid>().Distinct().ToList();
        var measures = measureIds.Count == 0 ? []
            : await db.Set<Measure>().AsNoTracking().Where(m => measureIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var userIds = agreed.Select(a => a.OwnerUserId).Concat(submissions.Select(s => s.SubmittedByUserId)).Concat(evaluations.Select(e => e.RecordedByUserId)).Distinct().ToList();
        var names = userIds.Count == 0 ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var revealed = partners.Count > 0 && partners.All(p => submissions.Any(s => s.OrganizationId == p.Id));
        return new Loaded(partners, items, submissions, pairs, agreed, links, reviews, evaluations, measures, names, revealed,
            DateOnly.FromDateTime(db.Now.UtcDateTime));
    }

    public sealed record Partner(Guid Id, string Name, string Letter);

    /// <summary>Everything step 5 holds for one partnership; the views and the health facts are computed from it.</summary>
    public sealed record Loaded(List<Partner> Partners, List<ExpectationItem> Items, List<ExpectationSubmission> Submissions, List<ExpectationPair> Pairs,
        List<AgreedExpectation> Agreed, List<AgreedSource> Links, List<PilotReview> Reviews, List<PilotEvaluation> Evaluations,
        Dictionary<Guid, string> Measures, Dictionary<Guid, string> Names, bool Revealed, DateOnly Today)
    {
        public Dictionary<Guid, string> Labels { get; } = Partners
            .SelectMany(p => Items.Where(i => i.OrganizationId == p.Id).Select((i, n) => (i.Id, Label: $"{p.Letter}{n + 1}")))
            .ToDictionary(x => x.Id, x => x.Label);

        public bool IsPaired(Guid itemId) => Pairs.Any(p => p.FirstItemId == itemId || p.SecondItemId == itemId);

        public bool IsAgreed(Guid itemId) => Links.Any(l => l.ItemId == itemId);

        /// <summary>A pair is agreed when one agreed expectation draws on both of its items.</summary>
        public List<PairView> PairViews() => Pairs.Select(p => new PairView(p.Id, p.FirstItemId, p.SecondItemId, Labels.GetValueOrDefault(p.FirstItemId, "?"),
            Labels.GetValueOrDefault(p.SecondItemId, "?"), p.Relation, p.Note,
            Agreed.Any(a => Links.Any(l => l.AgreedExpectationId == a.Id && l.ItemId == p.FirstItemId)
                            && Links.Any(l => l.AgreedExpectationId == a.Id && l.ItemId == p.SecondItemId)))).ToList();

        /// <summary>Overdue: the re-evaluation date has passed and no evaluation was recorded on or after it.</summary>
        public List<AgreedView> AgreedViews() => Agreed.Select(a =>
        {
            var from = Links.Where(l => l.AgreedExpectationId == a.Id).Select(l => l.ItemId)
                .OrderBy(i => Labels.GetValueOrDefault(i, ""), StringComparer.Ordinal).ToList();
            var overdue = a.ReevaluateOn is { } due && due < Today
                && !Evaluations.Any(e => e.AgreedExpectationId == a.Id && DateOnly.FromDateTime(e.RecordedAt.UtcDateTime) >= due);
            return new AgreedView(a.Id, a.Statement, a.OwnerUserId, Names.GetValueOrDefault(a.OwnerUserId, ""), a.MeasureId,
                a.MeasureId is { } m ? Measures.GetValueOrDefault(m) : null, a.ReevaluateOn, overdue, from,
                from.Select(i => Labels.GetValueOrDefault(i, "?")).ToList(), a.CreatedAt);
        }).ToList();

        /// <summary>A review is complete once held, summarised, and every agreed expectation re-evaluated in it.</summary>
        public List<PilotReviewView> ReviewViews() => Reviews.Select(r =>
        {
            var own = Evaluations.Where(e => e.ReviewId == r.Id).ToList();
            var awaiting = Agreed.Where(a => own.All(e => e.AgreedExpectationId != a.Id)).Select(a => a.Id).ToList();
            var complete = r.HeldOn is not null && r.Summary.Length > 0 && Agreed.Count > 0 && awaiting.Count == 0;
            return new PilotReviewView(r.Id, r.PilotFrom, r.PilotTo, r.HeldOn, r.Summary, complete,
                own.OrderBy(e => Agreed.FindIndex(a => a.Id == e.AgreedExpectationId))
                    .Select(e => new EvaluationView(e.AgreedExpectationId, e.Result, e.Response, Names.GetValueOrDefault(e.RecordedByUserId, ""), e.RecordedAt)).ToList(),
                awaiting);
        }).ToList();
    }
}
