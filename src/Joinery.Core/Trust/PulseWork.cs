using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Trust;

public enum PulseRoundStatus { Open, Closed }

public sealed record PulseItemView(string Id, int Step, string StepTitle, string Text);

public sealed record PulseRoundSummary(Guid Id, int Number, PulseRoundStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, int Respondents, bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Withheld? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Overall);

public sealed record PulseTrendPoint(Guid Round, int Number, int N, bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mean);

public sealed record PulseItemTrend(string Item, int Step, string Text, IReadOnlyList<PulseTrendPoint> Rounds);

public sealed record PulseOverview(IReadOnlyList<PulseRoundSummary> Rounds, IReadOnlyList<PulseItemTrend> Trend, Guid? OpenRound, int Members, bool CanOpen, int MinimumGroup);

public sealed record PulseRoundView(Guid Id, int Number, PulseRoundStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, int Respondents, int Members,
    bool AnsweredByMe, bool CanAnswer, bool CanClose, IReadOnlyList<PulseItemView> Items, IReadOnlyList<string> Scale);

public sealed record PulseResults(Guid Round, int Number, PulseRoundStatus Status, int Respondents, int MinimumGroup, IReadOnlyList<PulseItemView> Items,
    IReadOnlyList<GroupResult> Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Comments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Withheld? CommentsWithheld);

public sealed record PulseAnswerInput(string? Item, int? Score);

public sealed record PulseSubmission(IReadOnlyList<PulseAnswerInput>? Answers, string? Comment);

public sealed record OpenedRound(Guid Id, int Number);

/// <summary>
/// Step 6, trust: the pulse survey. A steward opens a round and closes it; every member, viewers
/// included, answers once per round; the answers are anonymous.
/// <para>
/// Anonymity is in the storage, not only in the screens. A participation row (round, person)
/// stops a second answer; answer rows carry round, statement, score and the answerer's
/// organization and level, nothing else: no person, no time, no submission id, and no automatic
/// audit entry. Rows would still keep the order they were written in (SQLite's rowid,
/// PostgreSQL's heap), which lines up with the participation rows and the audit trail; so each
/// submission rewrites the round's answers and comments under new random ids in a random order.
/// Results are shown only for closed rounds, so nobody can watch the means move as one colleague
/// answers, and every group under five answers shows its n only.
/// </para>
/// </summary>
public sealed class PulseWork(JoineryDb db)
{
    public static IReadOnlyList<PulseItemView> Items { get; } =
        PulseCatalog.Items.Select(i => new PulseItemView(i.Id, i.Step, ComputeRoadmap.StepTitles[i.Step - 1], i.Text)).ToList();

    public async Task<PulseOverview?> OverviewAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var rounds = await db.Set<PulseRound>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var respondents = await RespondentsAsync(partnershipId, cancellationToken);
        var closed = rounds.Where(r => !r.IsOpen).Select(r => r.Id).ToList();
        var votes = (await db.Set<PulseAnswer>().AsNoTracking().Where(a => a.PartnershipId == partnershipId && closed.Contains(a.RoundId))
                .Select(a => new { a.RoundId, Vote = new PulseVote(a.ItemId, a.Score, a.OrganizationId, a.Level) }).ToListAsync(cancellationToken))
            .ToLookup(a => a.RoundId, a => a.Vote);
        var wholes = rounds.ToDictionary(r => r.Id, r => PulseAggregation.Aggregate(PulseCatalog.Items, [], votes[r.Id].ToList(), withheld: r.IsOpen)[0]);

        var summaries = rounds.Select(r => Summary(r, respondents.GetValueOrDefault(r.Id), wholes[r.Id])).ToList();
        var trend = PulseCatalog.Items.Select(item => new PulseItemTrend(item.Id, item.Step, item.Text, rounds.Select(r =>
        {
            var whole = wholes[r.Id];
            var score = whole.Items?.FirstOrDefault(s => s.Item == item.Id);
            return new PulseTrendPoint(r.Id, r.Number, whole.N, score?.Mean is null, score?.Mean);
        }).ToList())).ToList();
        var members = await db.Memberships.CountAsync(m => m.PartnershipId == partnershipId, cancellationToken);
        return new PulseOverview(summaries, trend, rounds.FirstOrDefault(r => r.IsOpen)?.Id, members,
            await db.CanStewardAsync(partnershipId, cancellationToken), PulseAggregation.MinimumGroup);
    }

    /// <summary>The latest closed round, for the health view: when, how many answered, and the overall mean unless withheld.</summary>
    public async Task<PulseRoundSummary?> LatestClosedRoundAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var round = await db.Set<PulseRound>().AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.ClosedAt != null)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }
        var votes = await VotesAsync(round.Id, cancellationToken);
        var respondents = await db.Set<PulseParticipation>().CountAsync(p => p.RoundId == round.Id, cancellationToken);
        return Summary(round, respondents, PulseAggregation.Aggregate(PulseCatalog.Items, [], votes, withheld: false)[0]);
    }

    public async Task<PulseRoundView?> GetRoundAsync(Guid partnershipId, Guid roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.Set<PulseRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.PartnershipId == partnershipId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var respondents = await db.Set<PulseParticipation>().CountAsync(p => p.RoundId == roundId, cancellationToken);
        var answered = me is not null && await db.Set<PulseParticipation>().AnyAsync(p => p.RoundId == roundId && p.UserId == me.UserId, cancellationToken);
        var members = await db.Memberships.CountAsync(m => m.PartnershipId == partnershipId, cancellationToken);
        return new PulseRoundView(round.Id, round.Number, Status(round), round.OpenedAt, round.ClosedAt, respondents, members,
            answered, me is not null && round.IsOpen && !answered, round.IsOpen && await db.CanStewardAsync(partnershipId, cancellationToken),
            Items, PulseCatalog.Scale);
    }

    /// <summary>Results by whole partnership, organization and level; scores only for a closed round and for groups of five or more.</summary>
    public async Task<PulseResults?> ResultsAsync(Guid partnershipId, Guid roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.Set<PulseRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.PartnershipId == partnershipId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var organizations = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var votes = await VotesAsync(roundId, cancellationToken);
        var respondents = await db.Set<PulseParticipation>().CountAsync(p => p.RoundId == roundId, cancellationToken);
        var groups = PulseAggregation.Aggregate(PulseCatalog.Items, organizations.Select(o => (o.OrganizationId, o.Name)).ToList(), votes, withheld: round.IsOpen);

        // Comments are shown all together, never by group, and only where the whole round's scores are.
        var commentsWithheld = groups[0].Reason;
        List<string>? comments = null;
        if (commentsWithheld is null)
        {
            comments = (await db.Set<PulseComment>().AsNoTracking().Where(c => c.RoundId == roundId).Select(c => c.Text).ToListAsync(cancellationToken))
                .Order(StringComparer.Ordinal).ToList();
        }
        return new PulseResults(round.Id, round.Number, Status(round), respondents, PulseAggregation.MinimumGroup, Items, groups, comments, commentsWithheld);
    }

    public async Task<Outcome<OpenedRound>> OpenRoundAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<OpenedRound>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken) || db.Tenancy.UserId is not { } me)
        {
            return Outcome<OpenedRound>.Forbidden("Stewards open and close pulse rounds; every member answers them.");
        }
        await using var transaction = await SerialisedAsync(cancellationToken);
        var rounds = await db.Set<PulseRound>().AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .Select(r => new { r.Number, r.ClosedAt }).ToListAsync(cancellationToken);
        if (rounds.FirstOrDefault(r => r.ClosedAt == null) is { } open)
        {
            return Outcome<OpenedRound>.Conflict("round", $"Round {open.Number} is still open. Close it before opening another.");
        }
        var round = new PulseRound
        {
            PartnershipId = partnershipId,
            Number = rounds.Count == 0 ? 1 : rounds.Max(r => r.Number) + 1,
            OpenedAt = db.Now,
            OpenedByUserId = me,
        };
        db.Set<PulseRound>().Add(round);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<OpenedRound>.Ok(new OpenedRound(round.Id, round.Number));
    }

    /// <summary>Closes a round: no more answers; its results are shown from now on. Gives the number who answered.</summary>
    public async Task<Outcome<int>> CloseRoundAsync(Guid partnershipId, Guid roundId, CancellationToken cancellationToken = default)
    {
        if (await db.RefuseUnseenAsync(partnershipId, cancellationToken) is { } unseen)
        {
            return unseen.As<int>();
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken) || db.Tenancy.UserId is not { } me)
        {
            return Outcome<int>.Forbidden("Stewards open and close pulse rounds; every member answers them.");
        }
        if (!await db.Set<PulseRound>().AnyAsync(r => r.Id == roundId && r.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<int>.NotFound("No such pulse round.");
        }
        await using var transaction = await SerialisedAsync(cancellationToken);
        var round = await db.Set<PulseRound>().FirstAsync(r => r.Id == roundId, cancellationToken);
        if (!round.IsOpen)
        {
            return Outcome<int>.Conflict("round", $"Round {round.Number} was closed on {ShownDates.Of(round.ClosedAt)}.");
        }
        round.ClosedAt = db.Now;
        round.ClosedByUserId = me;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<int>.Ok(await db.Set<PulseParticipation>().CountAsync(p => p.RoundId == roundId, cancellationToken));
    }

    /// <summary>
    /// A member's answers to an open round: every statement scored 1–5 and an optional comment.
    /// Once per person per round (409 the second time); nothing is saved unless all is well.
    /// Gives the number of scores received.
    /// </summary>
    public async Task<Outcome<int>> SubmitAsync(Guid partnershipId, Guid roundId, PulseSubmission input, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<PulseRound>().AnyAsync(r => r.Id == roundId && r.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<int>.NotFound("No such pulse round.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var organizationId = me is null ? null : await db.Users.Where(u => u.Id == me.UserId).Select(u => (Guid?)u.OrganizationId).FirstOrDefaultAsync(cancellationToken);
        if (me is null || organizationId is null)
        {
            return Outcome<int>.Forbidden("Only members of the partnership answer its pulse survey.");
        }
        if (await RefuseAsync(roundId, me.UserId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var check = new Validation();
        var scores = Validate(check, input.Answers);
        var comment = check.Prose("comment", "your comment", input.Comment, PulseComment.TextMax);
        if (!check.IsValid)
        {
            return Outcome<int>.Invalid(check.Errors);
        }

        await using var transaction = await SerialisedAsync(cancellationToken);
        // Checked again now that submissions to this partnership are one at a time.
        if (await RefuseAsync(roundId, me.UserId, cancellationToken) is { } late)
        {
            return late;
        }
        var answers = await db.Set<PulseAnswer>().AsNoTracking().Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
        var comments = await db.Set<PulseComment>().AsNoTracking().Where(c => c.RoundId == roundId).ToListAsync(cancellationToken);
        await db.Set<PulseAnswer>().Where(a => a.RoundId == roundId && a.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<PulseComment>().Where(c => c.RoundId == roundId && c.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);

        // New ids are random (Guid v4, never a time-ordered v7) and the rows go in in a random order.
        var rewritten = answers.Select(a => new PulseAnswer
        {
            PartnershipId = partnershipId,
            RoundId = roundId,
            ItemId = a.ItemId,
            Score = a.Score,
            OrganizationId = a.OrganizationId,
            Level = a.Level,
        }).Concat(scores.Select(s => new PulseAnswer
        {
            PartnershipId = partnershipId,
            RoundId = roundId,
            ItemId = s.Key,
            Score = s.Value,
            OrganizationId = organizationId.Value,
            Level = me.Level,
        })).ToArray();
        RandomNumberGenerator.Shuffle(rewritten.AsSpan());
        var texts = comments.Select(c => c.Text).Concat(comment.Length > 0 ? [comment] : []).ToArray();
        RandomNumberGenerator.Shuffle(texts.AsSpan());
        db.Set<PulseAnswer>().AddRange(rewritten);
        db.Set<PulseComment>().AddRange(texts.Select(t => new PulseComment { PartnershipId = partnershipId, RoundId = roundId, Text = t }));
        db.Set<PulseParticipation>().Add(new PulseParticipation { PartnershipId = partnershipId, RoundId = roundId, UserId = me.UserId });
        // Who took part is no secret (it is what stops a second answer); the entry names the round only, never an answer.
        db.Audit("pulse-round.answered", "pulse-round", roundId.ToString(), partnershipId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<int>.Ok(scores.Count);
    }

    private async Task<Outcome<int>?> RefuseAsync(Guid roundId, Guid userId, CancellationToken cancellationToken)
    {
        var round = await db.Set<PulseRound>().AsNoTracking().FirstAsync(r => r.Id == roundId, cancellationToken);
        if (!round.IsOpen)
        {
            return Outcome<int>.Conflict("round", $"Round {round.Number} closed on {ShownDates.Of(round.ClosedAt)}; it takes no more answers.");
        }
        if (await db.Set<PulseParticipation>().AnyAsync(p => p.RoundId == roundId && p.UserId == userId, cancellationToken))
        {
            return Outcome<int>.Conflict("answers", $"You have already answered round {round.Number}. Each member answers once per round.");
        }
        return null;
    }

    /// <summary>Every statement of the survey exactly once, each with a whole score from 1 to 5.</summary>
    private static Dictionary<string, int> Validate(Validation check, IReadOnlyList<PulseAnswerInput>? answers)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        if (answers is null || answers.Count == 0)
        {
            check.Add("answers", $"Answer each of the {PulseCatalog.Items.Count} statements with a score from 1 to 5.");
            return scores;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var item = PulseCatalog.Find(answer?.Item);
            if (item is null)
            {
                var shown = (answer?.Item ?? "").Trim();
                check.Add("answers", shown.Length == 0
                    ? "Each answer names the statement it is for (its id)."
                    : $"There is no statement '{(shown.Length > 40 ? shown[..40] + "…" : shown)}' in the pulse survey.");
                continue;
            }
            if (!seen.Add(item.Id))
            {
                check.Add($"answers.{item.Id}", $"Answer '{item.Text}' once only.");
                continue;
            }
            if (answer!.Score is not { } score || score is < 1 or > 5)
            {
                check.Add($"answers.{item.Id}", $"Score '{item.Text}' from 1 (strongly disagree) to 5 (strongly agree).");
                continue;
            }
            scores[item.Id] = score;
        }
        foreach (var item in PulseCatalog.Items.Where(i => !seen.Contains(i.Id)))
        {
            check.Add($"answers.{item.Id}", $"Score '{item.Text}' from 1 (strongly disagree) to 5 (strongly agree).");
        }
        return scores;
    }

    /// <summary>
    /// Begins a transaction that first touches the audit chain's head row, exactly as
    /// <see cref="JoineryDb.SaveChangesAsync(bool, CancellationToken)"/> does: that takes SQLite's write lock or
    /// PostgreSQL's row lock, so round changes and submissions run one at a time across processes
    /// and the checks made inside still hold when the rows are written.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> SerialisedAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_heads SET last_id = last_id WHERE id = 1", cancellationToken);
        return transaction;
    }

    private async Task<List<PulseVote>> VotesAsync(Guid roundId, CancellationToken cancellationToken) =>
        await db.Set<PulseAnswer>().AsNoTracking().Where(a => a.RoundId == roundId)
            .Select(a => new PulseVote(a.ItemId, a.Score, a.OrganizationId, a.Level)).ToListAsync(cancellationToken);

    private async Task<Dictionary<Guid, int>> RespondentsAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Set<PulseParticipation>().AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .GroupBy(p => p.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private static PulseRoundStatus Status(PulseRound round) => round.IsOpen ? PulseRoundStatus.Open : PulseRoundStatus.Closed;

    private static PulseRoundSummary Summary(PulseRound round, int respondents, GroupResult whole) =>
        new(round.Id, round.Number, Status(round), round.OpenedAt, round.ClosedAt, respondents, whole.Suppressed, whole.Reason, whole.Overall);
}
