using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Feedback;

public sealed record FeedbackInput(string? Kind, string? Title, string? Body, bool Anonymous);

public sealed record FeedbackStatusInput(string? Status, string? Reason);

/// <summary>Who wrote a named item: their name, organization and level when they wrote it.</summary>
public sealed record FeedbackAuthor(string Name, string Organization, MemberLevel Level);

/// <summary>
/// An item in the list. <see cref="Author"/> is always null for anonymous items. <see cref="WaitingDays"/>
/// is how many days the item has waited for an answer: null once answered, or closed as won't do.
/// </summary>
public sealed record FeedbackSummary(Guid Id, FeedbackKind Kind, string Title, FeedbackStatus Status, bool Anonymous, FeedbackAuthor? Author,
    string Answer, DateTimeOffset PostedAt, DateTimeOffset? AnsweredAt, int AgeDays, int? WaitingDays, int Supporters);

public sealed record StatusChangeView(FeedbackStatus From, FeedbackStatus To, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record FeedbackDetails(Guid Id, FeedbackKind Kind, string Title, string Body, FeedbackStatus Status, bool Anonymous, FeedbackAuthor? Author,
    string Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, DateTimeOffset PostedAt, int AgeDays, int? WaitingDays, int Supporters,
    bool SupportedByMe, IReadOnlyList<StatusChangeView> History, bool CanRespond);

/// <summary>"You said, we did": a done item, what was said and what was done about it.</summary>
public sealed record YouSaidWeDid(Guid Id, FeedbackKind Kind, string Title, string Body, string Answer, DateTimeOffset PostedAt, DateTimeOffset DoneAt);

/// <summary>A negative item still waiting for an answer, and for how many days.</summary>
public sealed record WaitingFeedback(Guid Id, string Title, DateTimeOffset PostedAt, int DaysWaiting);

/// <summary>
/// Step 7, empowerment: a forum open to every member, viewers too, for positive and negative
/// feedback and ideas, anonymous if the writer wishes. Stewards and executives answer in public and
/// move each item through its statuses; done items make the "you said, we did" list.
/// </summary>
public sealed class FeedbackWork(JoineryDb db)
{
    /// <summary>Negative feedback should be answered within a month (frameworks.md §10.2, S9).</summary>
    public const int AnswerWithinDays = 30;

    /// <summary>Shown on the page and in refusals, so people know who answers.</summary>
    public const string WhoResponds = "Stewards and executives (other than viewers) answer feedback and set its status.";

    /// <summary>The items, newest first, optionally of one kind and status (kebab-case, as in the API).</summary>
    public async Task<Outcome<List<FeedbackSummary>>> ListAsync(Guid partnershipId, string? kind = null, string? status = null, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<List<FeedbackSummary>>.NotFound("No such partnership.");
        }
        var check = new Validation();
        var kindFilter = string.IsNullOrWhiteSpace(kind) ? null : check.Choice<FeedbackKind>("kind", "a kind", kind);
        var statusFilter = string.IsNullOrWhiteSpace(status) ? null : check.Choice<FeedbackStatus>("status", "a status", status);
        if (!check.IsValid)
        {
            return Outcome<List<FeedbackSummary>>.Invalid(check.Errors);
        }
        var query = db.Set<FeedbackItem>().AsNoTracking().Where(f => f.PartnershipId == partnershipId);
        if (kindFilter is { } k)
        {
            query = query.Where(f => f.Kind == k);
        }
        if (statusFilter is { } s)
        {
            query = query.Where(f => f.Status == s);
        }
        var items = await query.ToListAsync(cancellationToken);
        var authors = await AuthorsAsync(items, cancellationToken);
        var supporters = await db.Set<FeedbackSupport>().AsNoTracking().Where(x => x.PartnershipId == partnershipId)
            .GroupBy(x => x.ItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var today = Today;
        // Anonymous items of one day share a time; their random ids, not the order the rows were
        // written in, decide between them, so the list does not give away who posted first.
        return Outcome<List<FeedbackSummary>>.Ok(items.OrderByDescending(i => i.PostedAt).ThenBy(i => i.Id)
            .Select(i => new FeedbackSummary(i.Id, i.Kind, i.Title, i.Status, i.IsAnonymous, AuthorOf(i, authors), i.Answer, i.PostedAt, i.AnsweredAt,
                DaysSince(i.PostedAt, today), Waiting(i, today), supporters.GetValueOrDefault(i.Id)))
            .ToList());
    }

    public async Task<FeedbackDetails?> GetAsync(Guid partnershipId, Guid itemId, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<FeedbackItem>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == itemId && f.PartnershipId == partnershipId, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var authors = await AuthorsAsync([item], cancellationToken);
        var answeredBy = item.AnsweredByUserId is { } a
            ? await db.Users.Where(u => u.Id == a).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var history = await (from c in db.Set<FeedbackStatusChange>().AsNoTracking()
                             join u in db.Users on c.ChangedByUserId equals u.Id
                             where c.ItemId == itemId && c.PartnershipId == partnershipId
                             select new StatusChangeView(c.FromStatus, c.ToStatus, c.Reason, u.DisplayName, c.ChangedAt)).ToListAsync(cancellationToken);
        var supporters = await db.Set<FeedbackSupport>().AsNoTracking().Where(s => s.ItemId == itemId && s.PartnershipId == partnershipId)
            .Select(s => s.UserId).ToListAsync(cancellationToken);
        var today = Today;
        return new FeedbackDetails(item.Id, item.Kind, item.Title, item.Body, item.Status, item.IsAnonymous, AuthorOf(item, authors), item.Answer, answeredBy,
            item.AnsweredAt, item.PostedAt, DaysSince(item.PostedAt, today), Waiting(item, today), supporters.Count,
            db.Tenancy.UserId is { } me && supporters.Contains(me), history.OrderBy(h => h.ChangedAt).ToList(),
            await CanRespondAsync(partnershipId, cancellationToken));
    }

    /// <summary>
    /// Any member may post, viewers included. When <see cref="FeedbackInput.Anonymous"/> is set,
    /// nothing about the writer is stored: not in the item, not in the audit trail, and nothing
    /// whose time or order would point to them (see <see cref="FeedbackItem.Post"/>).
    /// </summary>
    public async Task<Outcome<Guid>> PostAsync(Guid partnershipId, FeedbackInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is null || db.Tenancy.OrganizationId is not { } organizationId)
        {
            return Outcome<Guid>.Forbidden("Members of the partnership post feedback.");
        }
        var check = new Validation();
        var kind = check.Choice<FeedbackKind>("kind", "positive, negative or idea", input.Kind);
        var title = check.Text("title", "a short title", input.Title, FeedbackItem.TitleMax);
        var body = check.Prose("body", "the details", input.Body, FeedbackItem.BodyMax);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var item = FeedbackItem.Post(partnershipId, kind!.Value, title, body, db.Now,
            input.Anonymous ? null : (me.UserId, organizationId, me.Level));
        db.Set<FeedbackItem>().Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(item.Id);
    }

    /// <summary>Writes (or rewrites) the public answer. Answering a new item acknowledges it.</summary>
    public async Task<Outcome<FeedbackStatus>> AnswerAsync(Guid partnershipId, Guid itemId, string? answer, CancellationToken cancellationToken = default)
    {
        if (await db.RefuseUnseenAsync(partnershipId, cancellationToken) is { } unseen)
        {
            return unseen.As<FeedbackStatus>();
        }
        if (await ResponderAsync(partnershipId, cancellationToken) is not { } me)
        {
            return Outcome<FeedbackStatus>.Forbidden(WhoResponds);
        }
        var item = await db.Set<FeedbackItem>().FirstOrDefaultAsync(f => f.Id == itemId && f.PartnershipId == partnershipId, cancellationToken);
        if (item is null)
        {
            return Outcome<FeedbackStatus>.NotFound("No such feedback item.");
        }
        var check = new Validation();
        var text = check.Prose("answer", "the answer", answer, FeedbackItem.AnswerMax, required: true);
        if (!check.IsValid)
        {
            return Outcome<FeedbackStatus>.Invalid(check.Errors);
        }
        item.Answer = text;
        item.AnsweredByUserId = me;
        item.AnsweredAt = db.Now;
        if (item.Status == FeedbackStatus.New)
        {
            Move(item, FeedbackStatus.Acknowledged, "", me);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<FeedbackStatus>.Ok(item.Status);
    }

    /// <summary>Moves an item on. Won't do needs the reason; done needs the public answer first, so "you said, we did" can say what was done.</summary>
    public async Task<Outcome<FeedbackStatus>> SetStatusAsync(Guid partnershipId, Guid itemId, FeedbackStatusInput input, CancellationToken cancellationToken = default)
    {
        if (await db.RefuseUnseenAsync(partnershipId, cancellationToken) is { } unseen)
        {
            return unseen.As<FeedbackStatus>();
        }
        if (await ResponderAsync(partnershipId, cancellationToken) is not { } me)
        {
            return Outcome<FeedbackStatus>.Forbidden(WhoResponds);
        }
        var item = await db.Set<FeedbackItem>().FirstOrDefaultAsync(f => f.Id == itemId && f.PartnershipId == partnershipId, cancellationToken);
        if (item is null)
        {
            return Outcome<FeedbackStatus>.NotFound("No such feedback item.");
        }
        var check = new Validation();
        var status = check.Choice<FeedbackStatus>("status", "a status", input.Status);
        var reason = check.Prose("reason", "the reason", input.Reason, FeedbackStatusChange.ReasonMax);
        if (status == FeedbackStatus.WontDo && reason.Length == 0)
        {
            check.Add("reason", "Give the reason it will not be done; everyone can read it.");
        }
        if (status == FeedbackStatus.New)
        {
            check.Add("status", "New is for items nobody has looked at yet; choose acknowledged or in progress to reopen one.");
        }
        if (status == FeedbackStatus.Done && item.Answer.Length == 0)
        {
            check.Add("status", "Answer the item first: say what was done, so it can appear on \"you said, we did\".");
        }
        if (!check.IsValid)
        {
            return Outcome<FeedbackStatus>.Invalid(check.Errors);
        }
        if (status == item.Status)
        {
            return Outcome<FeedbackStatus>.Conflict("status", $"The item is already {item.Status.Label().ToLowerInvariant()}.");
        }
        Move(item, status!.Value, reason, me);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<FeedbackStatus>.Ok(item.Status);
    }

    /// <summary>"Me too" from the current member; saying it twice counts once. Returns how many support the item.</summary>
    public async Task<Outcome<int>> SupportAsync(Guid partnershipId, Guid itemId, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<FeedbackItem>().AnyAsync(f => f.Id == itemId && f.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<int>.NotFound("No such feedback item.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is null)
        {
            return Outcome<int>.Forbidden("Members of the partnership support feedback.");
        }
        if (!await db.Set<FeedbackSupport>().AnyAsync(s => s.ItemId == itemId && s.UserId == me.UserId, cancellationToken))
        {
            db.Set<FeedbackSupport>().Add(new FeedbackSupport { PartnershipId = partnershipId, ItemId = itemId, UserId = me.UserId, SupportedAt = db.Now });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome<int>.Ok(await db.Set<FeedbackSupport>().CountAsync(s => s.ItemId == itemId, cancellationToken));
    }

    /// <summary>What changed because of feedback: done items with their answer, most recent first; null when the partnership is not visible.</summary>
    public async Task<List<YouSaidWeDid>?> YouSaidWeDidAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var done = await db.Set<FeedbackItem>().AsNoTracking().Where(f => f.PartnershipId == partnershipId && f.Status == FeedbackStatus.Done)
            .ToListAsync(cancellationToken);
        return done.OrderByDescending(f => f.StatusChangedAt)
            .Select(f => new YouSaidWeDid(f.Id, f.Kind, f.Title, f.Body, f.Answer, f.PostedAt, f.StatusChangedAt)).ToList();
    }

    /// <summary>For the health view: negative items still waiting for an answer, longest wait first (empty when the partnership is not visible).</summary>
    public async Task<IReadOnlyList<WaitingFeedback>> UnansweredNegativeAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var negative = await db.Set<FeedbackItem>().AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId && f.Kind == FeedbackKind.Negative && f.Answer == "")
            .ToListAsync(cancellationToken);
        var today = Today;
        return negative.Where(f => Waiting(f, today) is not null)
            .Select(f => new WaitingFeedback(f.Id, f.Title, f.PostedAt, Waiting(f, today)!.Value))
            .OrderByDescending(f => f.DaysWaiting).ThenBy(f => f.PostedAt).ThenBy(f => f.Id).ToList();
    }

    /// <summary>For the health view: when the last negative item was posted, or null if there never was one. Long silence may mean people do not feel safe to speak.</summary>
    public async Task<DateTimeOffset?> LastNegativeFeedbackAtAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var posted = await db.Set<FeedbackItem>().AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId && f.Kind == FeedbackKind.Negative)
            .Select(f => f.PostedAt).ToListAsync(cancellationToken);
        return posted.Count == 0 ? null : posted.Max();
    }

    /// <summary>Whether the current person may answer and set statuses here (see <see cref="WhoResponds"/>).</summary>
    public async Task<bool> CanRespondAsync(Guid partnershipId, CancellationToken cancellationToken = default) =>
        await ResponderAsync(partnershipId, cancellationToken) is not null;

    /// <summary>The current person's user id when they are a steward, or an executive who is not a viewer.</summary>
    private async Task<Guid?> ResponderAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        return me is not null && (me.Role == MemberRole.Steward || (me.Level == MemberLevel.Executive && me.Role != MemberRole.Viewer))
            ? me.UserId
            : null;
    }

    private void Move(FeedbackItem item, FeedbackStatus to, string reason, Guid by)
    {
        db.Set<FeedbackStatusChange>().Add(new FeedbackStatusChange
        {
            PartnershipId = item.PartnershipId,
            ItemId = item.Id,
            FromStatus = item.Status,
            ToStatus = to,
            Reason = reason,
            ChangedByUserId = by,
            ChangedAt = db.Now,
        });
        item.Status = to;
        item.StatusChangedAt = db.Now;
    }

    private async Task<Dictionary<Guid, FeedbackAuthor>> AuthorsAsync(IReadOnlyList<FeedbackItem> items, CancellationToken cancellationToken)
    {
        var userIds = items.Where(i => i.AuthorUserId is not null).Select(i => i.AuthorUserId!.Value).Distinct().ToList();
        if (userIds.Count == 0)
        {
            return [];
        }
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organizationIds = items.Where(i => i.AuthorOrganizationId is not null).Select(i => i.AuthorOrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return items.Where(i => i.AuthorUserId is not null).ToDictionary(i => i.Id, i => new FeedbackAuthor(
            names.GetValueOrDefault(i.AuthorUserId!.Value, ""), organizations.GetValueOrDefault(i.AuthorOrganizationId ?? Guid.Empty, ""),
            i.AuthorLevel ?? MemberLevel.Frontline));
    }

    private static FeedbackAuthor? AuthorOf(FeedbackItem item, Dictionary<Guid, FeedbackAuthor> authors) =>
        item.IsAnonymous ? null : authors.GetValueOrDefault(item.Id);

    private DateOnly Today => DateOnly.FromDateTime(db.Now.UtcDateTime);

    private static int DaysSince(DateTimeOffset at, DateOnly today) => Math.Max(0, today.DayNumber - DateOnly.FromDateTime(at.UtcDateTime).DayNumber);

    /// <summary>Days waiting for an answer: none once answered, or declined (won't do carries its reason).</summary>
    private static int? Waiting(FeedbackItem item, DateOnly today) =>
        item.Answer.Length > 0 || item.Status == FeedbackStatus.WontDo ? null : DaysSince(item.PostedAt, today);
}
