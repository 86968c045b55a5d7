using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.IntegrationLevels;

public sealed record PartnerFinding(Guid OrganizationId, string OrganizationName, int? Level, string? FoundBy, DateTimeOffset? FoundAt,
    IReadOnlyList<FinderStep> Path, bool Hidden);

public sealed record DecisionView(int CurrentLevel, int TargetLevel, string Note, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record IntegrationLevelView(
    IReadOnlyList<PartnerFinding> Findings,
    string? DivergedAt,
    DecisionView? Agreed,
    IReadOnlyList<DecisionView> History,
    bool CanFind,
    bool CanDecide);

public sealed record LevelChoice(string? CurrentLevel, string? TargetLevel, string? Note);

/// <summary>
/// Level of integration for the Explore phase: each partner runs the level finder on its own (the
/// other's result stays hidden until both have one); the partners then record the agreed current
/// and target level, with history.
/// </summary>
public sealed class IntegrationLevels(JoineryDb db)
{
    public async Task<IntegrationLevelView?> GetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var findings = await (from f in db.Set<LevelFinding>().AsNoTracking()
                              join u in db.Users on f.UserId equals u.Id
                              where f.PartnershipId == partnershipId
                              select new { f.OrganizationId, f.Answers, f.Level, f.FoundAt, u.DisplayName })
            .ToListAsync(cancellationToken);
        var latest = partners.Select(p => (Partner: p, Finding: findings.Where(f => f.OrganizationId == p.OrganizationId).MaxBy(f => f.FoundAt))).ToList();
        var allFound = latest.All(l => l.Finding is not null);
        var partnerFindings = latest.Select(l =>
        {
            var hidden = !allFound && l.Partner.OrganizationId != db.Tenancy.OrganizationId;
            if (l.Finding is null || hidden)
            {
                return new PartnerFinding(l.Partner.OrganizationId, l.Partner.Name, null, null, null, [], hidden && l.Finding is not null);
            }
            var path = LevelFinder.Evaluate(LevelFinder.Decode(l.Finding.Answers)).Path;
            return new PartnerFinding(l.Partner.OrganizationId, l.Partner.Name, l.Finding.Level, l.Finding.DisplayName, l.Finding.FoundAt, path, false);
        }).ToList();
        string? diverged = null;
        if (allFound && partnerFindings.Select(f => f.Level).Distinct().Count() > 1)
        {
            diverged = LevelFinder.Divergence(partnerFindings[0].Path, partnerFindings.First(f => f.Level != partnerFindings[0].Level).Path);
        }
        var decisions = await (from d in db.Set<LevelDecision>().AsNoTracking()
                               join u in db.Users on d.DecidedByUserId equals u.Id
                               where d.PartnershipId == partnershipId
                               select new { d.CurrentLevel, d.TargetLevel, d.Note, u.DisplayName, d.DecidedAt })
            .ToListAsync(cancellationToken);
        var history = decisions.OrderByDescending(d => d.DecidedAt)
            .Select(d => new DecisionView(d.CurrentLevel, d.TargetLevel, d.Note, d.DisplayName, d.DecidedAt)).ToList();
        return new IntegrationLevelView(partnerFindings, diverged, history.FirstOrDefault(), history,
            me is not null && me.Role != MemberRole.Viewer,
            me?.Role is MemberRole.Steward or MemberRole.Planner);
    }

    /// <summary>Records where the finder placed the practice in the eyes of the member's organization.</summary>
    public async Task<Outcome<int>> RecordFindingAsync(Guid partnershipId, IReadOnlyDictionary<string, string?> answers, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<int>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is null || me.Role == MemberRole.Viewer || db.Tenancy.OrganizationId is not { } organizationId)
        {
            return Outcome<int>.Forbidden("Viewers cannot record a level finding.");
        }
        var check = new Validation();
        var parsed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (code, value) in answers)
        {
            if (LevelFinder.Find(code) is null)
            {
                check.Add("answers", $"There is no question '{code}'.");
            }
            else if (value is "yes" or "no")
            {
                parsed[code] = value == "yes";
            }
            else if (!string.IsNullOrEmpty(value))
            {
                check.Add($"answers.{code}", "Answer yes or no.");
            }
        }
        var result = LevelFinder.Evaluate(parsed);
        if (check.IsValid && result.Level is null)
        {
            check.Add($"answers.{result.NextQuestion!.Code}", $"Answer: {result.NextQuestion.Text}");
        }
        if (!check.IsValid)
        {
            return Outcome<int>.Invalid(check.Errors);
        }
        db.Set<LevelFinding>().Add(new LevelFinding
        {
            PartnershipId = partnershipId,
            OrganizationId = organizationId,
            UserId = me.UserId,
            Answers = LevelFinder.Encode(result.Path),
            Level = result.Level!.Value,
            FoundAt = db.Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Ok(result.Level.Value);
    }

    /// <summary>Stewards and planners record the agreed current and target level.</summary>
    public async Task<Outcome<Guid>> DecideAsync(Guid partnershipId, LevelChoice input, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me?.Role is not (MemberRole.Steward or MemberRole.Planner))
        {
            return Outcome<Guid>.Forbidden("Stewards and planners record the agreed levels.");
        }
        var check = new Validation();
        var current = ParseLevel(check, "currentLevel", "the current level", input.CurrentLevel);
        var target = ParseLevel(check, "targetLevel", "the target level", input.TargetLevel);
        var note = check.Prose("note", "the note", input.Note, LevelDecision.NoteMax);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var decision = new LevelDecision
        {
            PartnershipId = partnershipId,
            CurrentLevel = current,
            TargetLevel = target,
            Note = note,
            DecidedByUserId = me.UserId,
            DecidedAt = db.Now,
        };
        db.Set<LevelDecision>().Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(decision.Id);
    }

    private static int ParseLevel(Validation check, string field, string label, string? text)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 6)
        {
            return level;
        }
        check.Add(field, $"Choose {label}, from 1 to 6.");
        return 0;
    }
}
