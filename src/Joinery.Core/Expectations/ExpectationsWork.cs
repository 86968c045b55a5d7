using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Expectations;

public sealed record PairInput(string? First, string? Second, string? Relation, string? Note);

/// <summary>An agreed expectation: the statement, the owner (a member), an optional measure of this partnership, an optional re-evaluation date, and the items it was drawn from.</summary>
public sealed record AgreedInput(string? Statement, string? Owner, string? Measure, string? ReevaluateOn, IReadOnlyList<string>? Items);

public sealed record PilotReviewInput(string? From, string? To, string? HeldOn, string? Summary);

public sealed record EvaluationInput(string? Expectation, string? Result, string? Response);

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

/// <summary>
/// Step 5, expectations. Each partner writes the results it expects on its own; a list stays with
/// its organization until every partner has submitted, so nobody anchors on the other side (as in
/// the readiness check). Then the lists are shown side by side, members pair items as the same,
/// related or conflicting, and the partners record agreed expectations with an owner, a measure and
/// a re-evaluation date; the pilot review re-evaluates each of them (frameworks.md §0 step 5, §10.1 F3).
/// </summary>
public sealed class ExpectationsWork(JoineryDb db)
{
    private const string ViewerMessage = "Viewers read the expectations; members record them.";

    /// <summary>A list holds at most this many items; expectations are few and concrete.</summary>
    public const int MaxItems = 50;

    public async Task<ExpectationsView?> GetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var data = await LoadAsync(partnershipId, cancellationToken);
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

    /// <summary>The facts behind step 5's health signals; null when the partnership is not the current person's to see.</summary>
    public async Task<ExpectationHealthFacts?> HealthFactsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var data = await LoadAsync(partnershipId, cancellationToken);
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

    /// <summary>Whether a pilot review is complete: held, summarised, and every agreed expectation re-evaluated in it.</summary>
    public async Task<bool> HasCompletePilotReviewAsync(Guid partnershipId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(partnershipId, cancellationToken))?.ReviewViews().Any(r => r.Complete) == true;

    /// <summary>Adds an item to the caller's organization's list, until the lists are shown.</summary>
    public async Task<Outcome<Guid>> AddItemAsync(Guid partnershipId, string? text, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (await MyPartnerOrganizationAsync(partnershipId, cancellationToken) is not { } organizationId)
        {
            return Outcome<Guid>.Forbidden("Only people of a partner organization write its expectations.");
        }
        if (await RevealedAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.Conflict("", "Every partner has submitted; the lists are shown side by side and no longer change.");
        }
        var check = new Validation();
        var value = check.Prose("text", "the result you expect", text, ExpectationItem.TextMax, required: true);
        if (check.IsValid && await db.Set<ExpectationItem>().CountAsync(i => i.PartnershipId == partnershipId && i.OrganizationId == organizationId, cancellationToken) >= MaxItems)
        {
            check.Add("text", $"A list holds at most {MaxItems} expectations. Combine or remove some first.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var item = new ExpectationItem
        {
            PartnershipId = partnershipId,
            OrganizationId = organizationId,
            Text = value,
            CreatedByUserId = db.Tenancy.UserId!.Value,
            CreatedAt = db.Now,
            UpdatedAt = db.Now,
        };
        db.Set<ExpectationItem>().Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(item.Id);
    }

    /// <summary>Rewords one of the organization's items. A submitted list may still be revised until the lists are shown.</summary>
    public async Task<Outcome<Guid>> UpdateItemAsync(Guid partnershipId, Guid itemId, string? text, CancellationToken cancellationToken = default)
    {
        var (item, refusal) = await OwnItemAsync(partnershipId, itemId, cancellationToken);
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
        item!.Text = value;
        item.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(item.Id);
    }

    public async Task<Outcome<Guid>> DeleteItemAsync(Guid partnershipId, Guid itemId, CancellationToken cancellationToken = default)
    {
        var (item, refusal) = await OwnItemAsync(partnershipId, itemId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var submitted = await db.Set<ExpectationSubmission>().AnyAsync(s => s.PartnershipId == partnershipId && s.OrganizationId == item!.OrganizationId, cancellationToken);
        if (submitted && await db.Set<ExpectationItem>().CountAsync(i => i.PartnershipId == partnershipId && i.OrganizationId == item!.OrganizationId, cancellationToken) == 1)
        {
            return Outcome<Guid>.Conflict("", "Your list is submitted and keeps at least one expectation; reword this one instead.");
        }
        db.Set<ExpectationItem>().Remove(item!);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(itemId);
    }

    /// <summary>A steward or planner submits the organization's list. True when this was the last list, so all are now shown.</summary>
    public async Task<Outcome<bool>> SubmitAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<bool>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me?.Role is not (MemberRole.Steward or MemberRole.Planner) || await MyPartnerOrganizationAsync(partnershipId, cancellationToken) is not { } organizationId)
        {
            return Outcome<bool>.Forbidden("A steward or planner of your organization submits its list.");
        }
        var submitted = await db.Set<ExpectationSubmission>().Where(s => s.PartnershipId == partnershipId).Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        if (submitted.Contains(organizationId))
        {
            return Outcome<bool>.Conflict("", "Your organization's list is already submitted.");
        }
        if (!await db.Set<ExpectationItem>().AnyAsync(i => i.PartnershipId == partnershipId && i.OrganizationId == organizationId, cancellationToken))
        {
            return Outcome<bool>.Invalid("text", "Add at least one expectation before submitting the list.");
        }
        db.Set<ExpectationSubmission>().Add(new ExpectationSubmission
        {
            PartnershipId = partnershipId,
            OrganizationId = organizationId,
            SubmittedByUserId = me.UserId,
            SubmittedAt = db.Now,
        });
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        var revealed = partners.All(p => p == organizationId || submitted.Contains(p));
        if (revealed)
        {
            db.Audit("expectations.revealed", "partnership", partnershipId.ToString(), partnershipId);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(revealed);
    }

    /// <summary>Pairs two revealed items of different partners as the same, related or conflicting.</summary>
    public async Task<Outcome<Guid>> PairAsync(Guid partnershipId, PairInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await RefuseBeforeRevealAsync(partnershipId, "Items can be paired once every partner has submitted its list.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var first = await ItemAsync(check, partnershipId, "first", input.First, cancellationToken);
        var second = await ItemAsync(check, partnershipId, "second", input.Second, cancellationToken);
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
        var pair = new ExpectationPair
        {
            PartnershipId = partnershipId,
            FirstItemId = first!.Id,
            SecondItemId = second!.Id,
            Relation = relation!.Value,
            Note = note,
            CreatedByUserId = db.Tenancy.UserId!.Value,
            CreatedAt = db.Now,
        };
        db.Set<ExpectationPair>().Add(pair);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(pair.Id);
    }

    /// <summary>Removes a pairing made by mistake; the items stay.</summary>
    public async Task<Outcome<Guid>> UnpairAsync(Guid partnershipId, Guid pairId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var pair = await db.Set<ExpectationPair>().FirstOrDefaultAsync(p => p.Id == pairId && p.PartnershipId == partnershipId, cancellationToken);
        if (pair is null)
        {
            return Outcome<Guid>.NotFound("No such pair.");
        }
        db.Set<ExpectationPair>().Remove(pair);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(pairId);
    }

    /// <summary>Records an expectation both partners agreed, drawn from one or more revealed items (a pair, or a single item).</summary>
    public async Task<Outcome<Guid>> AgreeAsync(Guid partnershipId, AgreedInput input, CancellationToken cancellationToken = default) =>
        await SaveAgreedAsync(partnershipId, null, input, cancellationToken);

    public async Task<Outcome<Guid>> UpdateAgreedAsync(Guid partnershipId, Guid agreedId, AgreedInput input, CancellationToken cancellationToken = default) =>
        await SaveAgreedAsync(partnershipId, agreedId, input, cancellationToken);

    /// <summary>Records a pilot period and, once held, its review.</summary>
    public async Task<Outcome<Guid>> CreatePilotReviewAsync(Guid partnershipId, PilotReviewInput input, CancellationToken cancellationToken = default) =>
        await SaveReviewAsync(partnershipId, null, input, cancellationToken);

    public async Task<Outcome<Guid>> UpdatePilotReviewAsync(Guid partnershipId, Guid reviewId, PilotReviewInput input, CancellationToken cancellationToken = default) =>
        await SaveReviewAsync(partnershipId, reviewId, input, cancellationToken);

    /// <summary>Re-evaluates one agreed expectation in a pilot review; doing it again corrects it. True when new.</summary>
    public async Task<Outcome<bool>> EvaluateAsync(Guid partnershipId, Guid reviewId, EvaluationInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<bool>();
        }
        if (!await db.Set<PilotReview>().AnyAsync(r => r.Id == reviewId && r.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<bool>.NotFound("No such pilot review.");
        }
        var check = new Validation();
        Guid expectationId = default;
        if (string.IsNullOrWhiteSpace(input.Expectation))
        {
            check.Add("expectation", "Choose the agreed expectation to re-evaluate.");
        }
        else if (!Guid.TryParse(input.Expectation, out expectationId)
                 || !await db.Set<AgreedExpectation>().AnyAsync(a => a.Id == expectationId && a.PartnershipId == partnershipId, cancellationToken))
        {
            check.Add("expectation", "There is no such agreed expectation in this partnership.");
        }
        var result = check.Choice<PilotResult>("result", "what the review found", input.Result);
        var response = check.Prose("response", "what the partners will do in response", input.Response, PilotEvaluation.ResponseMax,
            required: result is not null and not PilotResult.Met);
        if (!check.IsValid)
        {
            return Outcome<bool>.Invalid(check.Errors);
        }
        var evaluation = await db.Set<PilotEvaluation>().FirstOrDefaultAsync(e => e.ReviewId == reviewId && e.AgreedExpectationId == expectationId, cancellationToken);
        var created = evaluation is null;
        if (evaluation is null)
        {
            evaluation = new PilotEvaluation { PartnershipId = partnershipId, ReviewId = reviewId, AgreedExpectationId = expectationId, RecordedByUserId = db.Tenancy.UserId!.Value };
            db.Set<PilotEvaluation>().Add(evaluation);
        }
        evaluation.Result = result!.Value;
        evaluation.Response = response;
        evaluation.RecordedByUserId = db.Tenancy.UserId!.Value;
        evaluation.RecordedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(created);
    }

    private async Task<Outcome<Guid>> SaveAgreedAsync(Guid partnershipId, Guid? agreedId, AgreedInput input, CancellationToken cancellationToken)
    {
        var refusal = await RefuseBeforeRevealAsync(partnershipId, "Expectations are agreed once every partner has submitted its list.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        AgreedExpectation? agreed = null;
        if (agreedId is { } id)
        {
            agreed = await db.Set<AgreedExpectation>().FirstOrDefaultAsync(a => a.Id == id && a.PartnershipId == partnershipId, cancellationToken);
            if (agreed is null)
            {
                return Outcome<Guid>.NotFound("No such agreed expectation.");
            }
        }
        var check = new Validation();
        var statement = check.Prose("statement", "the agreed expectation", input.Statement, AgreedExpectation.StatementMax, required: true);
        var owner = await db.MemberIdAsync(partnershipId, input.Owner, cancellationToken) ?? default;
        if (string.IsNullOrWhiteSpace(input.Owner))
        {
            check.Add("owner", "Choose the member who owns this expectation.");
        }
        else if (owner == default)
        {
            check.Add("owner", "The owner must be a member of this partnership.");
        }
        Guid? measure = null;
        if (!string.IsNullOrWhiteSpace(input.Measure))
        {
            if (Guid.TryParse(input.Measure, out var measureId) && await db.Set<Measure>().AnyAsync(m => m.Id == measureId && m.PartnershipId == partnershipId, cancellationToken))
            {
                measure = measureId;
            }
            else
            {
                check.Add("measure", "Choose a measure of this partnership, or none yet.");
            }
        }
        var reevaluateOn = check.Date("reevaluateOn", "the re-evaluation date", input.ReevaluateOn, required: false);
        var itemIds = new List<Guid>();
        var given = (input.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (given.Count == 0)
        {
            check.Add("items", "Choose the expectation or pair of expectations this agreement comes from.");
        }
        else if (given.Count > MaxItems)
        {
            check.Add("items", $"Choose at most {MaxItems} expectations.");
        }
        else
        {
            var parsed = given.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Distinct().ToList();
            var known = await db.Set<ExpectationItem>().Where(i => i.PartnershipId == partnershipId && parsed.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
            if (parsed.Any(p => !known.Contains(p)))
            {
                check.Add("items", "Choose expectations from this partnership's lists.");
            }
            itemIds = parsed;
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (agreed is null)
        {
            agreed = new AgreedExpectation
            {
                PartnershipId = partnershipId,
                Statement = statement,
                OwnerUserId = owner,
                CreatedByUserId = db.Tenancy.UserId!.Value,
                CreatedAt = db.Now,
            };
            db.Set<AgreedExpectation>().Add(agreed);
        }
        agreed.Statement = statement;
        agreed.OwnerUserId = owner;
        agreed.MeasureId = measure;
        agreed.ReevaluateOn = reevaluateOn;
        agreed.UpdatedAt = db.Now;
        var links = await db.Set<AgreedSource>().Where(l => l.AgreedExpectationId == agreed.Id).ToListAsync(cancellationToken);
        db.Set<AgreedSource>().RemoveRange(links.Where(l => !itemIds.Contains(l.ItemId)));
        db.Set<AgreedSource>().AddRange(itemIds.Where(i => links.All(l => l.ItemId != i))
            .Select(i => new AgreedSource { PartnershipId = partnershipId, AgreedExpectationId = agreed.Id, ItemId = i }));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreed.Id);
    }

    private async Task<Outcome<Guid>> SaveReviewAsync(Guid partnershipId, Guid? reviewId, PilotReviewInput input, CancellationToken cancellationToken)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        PilotReview? review = null;
        if (reviewId is { } id)
        {
            review = await db.Set<PilotReview>().FirstOrDefaultAsync(r => r.Id == id && r.PartnershipId == partnershipId, cancellationToken);
            if (review is null)
            {
                return Outcome<Guid>.NotFound("No such pilot review.");
            }
        }
        var check = new Validation();
        var from = check.Date("from", "the first day of the pilot", input.From);
        var to = check.Date("to", "the last day of the pilot", input.To);
        var held = check.Date("heldOn", "the day the review was held", input.HeldOn, required: false);
        var summary = check.Prose("summary", "the summary", input.Summary, PilotReview.SummaryMax);
        if (from > to)
        {
            check.Add("to", "The pilot ends before it starts.");
        }
        if (held is { } h && from is { } f && h < f)
        {
            check.Add("heldOn", "The review cannot be held before the pilot starts.");
        }
        if (held > DateOnly.FromDateTime(db.Now.UtcDateTime))
        {
            check.Add("heldOn", "The review is in the future: record the day once it has been held.");
        }
        if (summary.Length > 0 && held is null)
        {
            check.Add("heldOn", "Give the day the review was held with its summary.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (review is null)
        {
            review = new PilotReview { PartnershipId = partnershipId, CreatedByUserId = db.Tenancy.UserId!.Value, CreatedAt = db.Now };
            db.Set<PilotReview>().Add(review);
        }
        review.PilotFrom = from!.Value;
        review.PilotTo = to!.Value;
        review.HeldOn = held;
        review.Summary = summary;
        review.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(review.Id);
    }

    /// <summary>The caller's own item, editable: 404 when it is another partner's (hidden) item, 403 for viewers, 409 once the lists are shown.</summary>
    private async Task<(ExpectationItem? Item, Outcome<Guid>? Refusal)> OwnItemAsync(Guid partnershipId, Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.Set<ExpectationItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.PartnershipId == partnershipId, cancellationToken);
        var revealed = item is not null && await RevealedAsync(partnershipId, cancellationToken);
        if (item is null || (!revealed && !db.Tenancy.Unrestricted && item.OrganizationId != db.Tenancy.OrganizationId))
        {
            return (null, Outcome<Guid>.NotFound("No such expectation."));
        }
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }
        if (revealed)
        {
            return (null, Outcome<Guid>.Conflict("", "Every partner has submitted; the lists are shown side by side and no longer change."));
        }
        return (item, null);
    }

    private async Task<Outcome<Guid>?> RefuseBeforeRevealAsync(Guid partnershipId, string message, CancellationToken cancellationToken)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await RevealedAsync(partnershipId, cancellationToken) ? null : Outcome<Guid>.Conflict("", message);
    }

    private async Task<bool> RevealedAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        var submitted = await db.Set<ExpectationSubmission>().Where(s => s.PartnershipId == partnershipId).Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        return partners.Count > 0 && partners.All(submitted.Contains);
    }

    private async Task<Guid?> MyPartnerOrganizationAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        db.Tenancy.OrganizationId is { } organizationId
        && await db.PartnerOrganizations.AnyAsync(p => p.PartnershipId == partnershipId && p.OrganizationId == organizationId, cancellationToken)
            ? organizationId
            : null;

    private async Task<ExpectationItem?> ItemAsync(Validation check, Guid partnershipId, string field, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            check.Add(field, "Choose an expectation.");
            return null;
        }
        var item = Guid.TryParse(text, out var id)
            ? await db.Set<ExpectationItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.PartnershipId == partnershipId, cancellationToken)
            : null;
        if (item is null)
        {
            check.Add(field, "There is no such expectation in this partnership.");
        }
        return item;
    }

    private async Task<Loaded?> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
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

    private sealed record Partner(Guid Id, string Name, string Letter);

    /// <summary>Everything step 5 holds for one partnership, read once; the views and the health facts are computed from it.</summary>
    private sealed record Loaded(List<Partner> Partners, List<ExpectationItem> Items, List<ExpectationSubmission> Submissions, List<ExpectationPair> Pairs,
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
