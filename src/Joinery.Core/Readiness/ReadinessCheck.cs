using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Readiness;

public sealed record ReadinessSubmission(IReadOnlyDictionary<string, string?> Answers, IReadOnlyDictionary<string, string?> Comments);

public sealed record PartnerProgress(Guid OrganizationId, string Name, int Respondents)
{
    public bool Completed => Respondents > 0;
}

public sealed record RoundSummary(Guid Id, int Number, DateTimeOffset OpenedAt, bool Revealed);

public sealed record SectionComment(Guid OrganizationId, string OrganizationName, string FactorCode, string Text);

public sealed record ReadinessView(
    IReadOnlyList<RoundSummary> Rounds,
    RoundSummary? Round,
    IReadOnlyList<PartnerProgress> Partners,
    bool Revealed,
    IReadOnlyList<Guid> VisibleOrganizations,
    IReadOnlyList<FactorScores> Results,
    IReadOnlyList<SectionComment> Comments,
    IReadOnlyDictionary<string, int?>? MyAnswers,
    IReadOnlyDictionary<string, string>? MyComments,
    bool CanAnswer,
    bool CanOpenRound);

/// <summary>
/// The Explore phase's readiness and alignment check. Leaders (executives and managers) of each
/// partner answer on their own; each organization's answers stay hidden from the others until
/// every partner has completed the round, so nobody anchors on the other side.
/// </summary>
public sealed class ReadinessCheck(JoineryDb db)
{
    public const string DontKnow = "dont-know";

    public async Task<ReadinessView?> GetAsync(Guid partnershipId, int? roundNumber = null, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var myOrganization = db.Tenancy.OrganizationId;
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var rounds = await db.Set<ReadinessRound>().AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        var completedBy = await db.Set<ReadinessResponse>().AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .GroupBy(r => new { r.RoundId, r.OrganizationId }).Select(g => new { g.Key.RoundId, g.Key.OrganizationId, Count = g.Count() })
            .ToListAsync(cancellationToken);

        bool IsRevealed(Guid roundId) => partners.All(p => completedBy.Any(c => c.RoundId == roundId && c.OrganizationId == p.OrganizationId));
        var summaries = rounds.Select(r => new RoundSummary(r.Id, r.Number, r.OpenedAt, IsRevealed(r.Id))).ToList();
        var round = roundNumber is { } n ? summaries.FirstOrDefault(r => r.Number == n) : summaries.FirstOrDefault();
        var canAnswer = me is { Level: MemberLevel.Executive or MemberLevel.Manager };
        var canOpen = me?.Role == MemberRole.Steward && (summaries.Count == 0 || summaries[0].Revealed);
        if (round is null)
        {
            return new ReadinessView(summaries, null,
                partners.Select(p => new PartnerProgress(p.OrganizationId, p.Name, 0)).ToList(), false, [], [], [], null, null,
                canAnswer && summaries.Count == 0, canOpen);
        }

        var revealed = round.Revealed;
        var visible = revealed
            ? partners.Select(p => p.OrganizationId).ToList()
            : partners.Where(p => p.OrganizationId == myOrganization).Select(p => p.OrganizationId).ToList();
        var responses = await db.Set<ReadinessResponse>().AsNoTracking().Include(r => r.Answers).Include(r => r.Comments)
            .Where(r => r.RoundId == round.Id).ToListAsync(cancellationToken);
        var shown = responses.Where(r => visible.Contains(r.OrganizationId)).ToList();
        var results = ReadinessScoring.Score(visible,
            shown.Select(r => new RespondentAnswers(r.OrganizationId, r.Answers.ToDictionary(a => a.ItemCode, a => a.Score))).ToList());
        var names = partners.ToDictionary(p => p.OrganizationId, p => p.Name);
        var comments = shown.SelectMany(r => r.Comments.Select(c => new SectionComment(r.OrganizationId, names.GetValueOrDefault(r.OrganizationId, ""), c.FactorCode, c.Text)))
            .OrderBy(c => c.OrganizationName, StringComparer.Ordinal).ToList();
        var mine = responses.FirstOrDefault(r => r.UserId == db.Tenancy.UserId);
        var isLatest = summaries[0].Id == round.Id;

        return new ReadinessView(summaries, round,
            partners.Select(p => new PartnerProgress(p.OrganizationId, p.Name, completedBy.Where(c => c.RoundId == round.Id && c.OrganizationId == p.OrganizationId).Sum(c => c.Count))).ToList(),
            revealed, visible, results, comments,
            mine?.Answers.ToDictionary(a => a.ItemCode, a => a.Score),
            mine?.Comments.ToDictionary(c => c.FactorCode, c => c.Text),
            canAnswer && isLatest && !revealed, canOpen);
    }

    /// <summary>Stewards start a new round once the previous one is complete; the first round opens with the first answers.</summary>
    public async Task<Outcome<int>> OpenRoundAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(partnershipId, cancellationToken: cancellationToken);
        if (view is null)
        {
            return Outcome<int>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken) || db.Tenancy.UserId is null)
        {
            return Outcome<int>.Forbidden("Only stewards can start a new round.");
        }
        if (view.Rounds.Count > 0 && !view.Rounds[0].Revealed)
        {
            return Outcome<int>.Conflict("round", $"Round {view.Rounds[0].Number} is still open: every partner must complete it first.");
        }
        var number = view.Rounds.Count == 0 ? 1 : view.Rounds[0].Number + 1;
        db.Set<ReadinessRound>().Add(new ReadinessRound { PartnershipId = partnershipId, Number = number, OpenedAt = db.Now, OpenedByUserId = db.Tenancy.UserId.Value });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Ok(number);
    }

    /// <summary>A leader submits (or, until the round is revealed, revises) their answers.</summary>
    public async Task<Outcome<Guid>> SubmitAsync(Guid partnershipId, ReadinessSubmission input, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is null || me.Level == MemberLevel.Frontline || db.Tenancy.OrganizationId is not { } organizationId)
        {
            return Outcome<Guid>.Forbidden("The readiness check is answered by executives and managers of each partner.");
        }

        var check = new Validation();
        var scores = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var item in ReadinessCatalog.Items)
        {
            var value = input.Answers.GetValueOrDefault(item.Code)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                check.Add($"answers.{item.Code}", $"Answer \"{item.Text}\" (or choose don't know).");
            }
            else if (value == DontKnow)
            {
                scores[item.Code] = null;
            }
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
            {
                scores[item.Code] = score;
            }
            else
            {
                check.Add($"answers.{item.Code}", $"Answer \"{item.Text}\" from 1 (strongly disagree) to 5 (strongly agree), or don't know.");
            }
        }
        foreach (var unknown in input.Answers.Keys.Where(k => ReadinessCatalog.Items.All(i => i.Code != k)))
        {
            check.Add("answers", $"There is no question '{unknown}'.");
        }
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (factorCode, text) in input.Comments)
        {
            var factor = ReadinessCatalog.Factors.FirstOrDefault(f => f.Code == factorCode);
            if (factor is null)
            {
                check.Add("comments", $"There is no section '{factorCode}'.");
                continue;
            }
            var comment = check.Prose($"comments.{factorCode}", $"the comment on {factor.Title}", text, ReadinessResponse.CommentMax);
            if (comment.Length > 0)
            {
                comments[factorCode] = comment;
            }
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }

        var view = (await GetAsync(partnershipId, cancellationToken: cancellationToken))!;
        Guid roundId;
        if (view.Round is null)
        {
            var round = new ReadinessRound { PartnershipId = partnershipId, Number = 1, OpenedAt = db.Now, OpenedByUserId = me.UserId };
            db.Set<ReadinessRound>().Add(round);
            roundId = round.Id;
        }
        else if (view.Round.Revealed)
        {
            return Outcome<Guid>.Conflict("round", $"Round {view.Round.Number} is complete and its results are shared. A steward can start a new round.");
        }
        else
        {
            roundId = view.Round.Id;
        }

        var existing = await db.Set<ReadinessResponse>().FirstOrDefaultAsync(r => r.RoundId == roundId && r.UserId == me.UserId, cancellationToken);
        if (existing is not null)
        {
            db.Set<ReadinessResponse>().Remove(existing);
        }
        var response = new ReadinessResponse
        {
            PartnershipId = partnershipId,
            RoundId = roundId,
            OrganizationId = organizationId,
            UserId = me.UserId,
            SubmittedAt = db.Now,
        };
        response.Answers.AddRange(scores.Select(s => new ReadinessAnswer { PartnershipId = partnershipId, ResponseId = response.Id, ItemCode = s.Key, Score = s.Value }));
        response.Comments.AddRange(comments.Select(c => new ReadinessComment { PartnershipId = partnershipId, ResponseId = response.Id, FactorCode = c.Key, Text = c.Value }));
        db.Set<ReadinessResponse>().Add(response);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(response.Id);
    }
}
