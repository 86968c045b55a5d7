using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Launch;

public sealed record MilestoneInput(string? Title, string? PlannedOn, string? AchievedOn);

public sealed record CelebrationInput(string? CelebratedOn, string? How, string? Thanked);

/// <summary>A milestone Joinery proposes; <see cref="Derived"/> when its achieved date can come from the data.</summary>
public sealed record NaturalMilestone(string Code, string Title, bool Derived);

public sealed record CelebrationView(Guid Id, Guid MilestoneId, string Milestone, DateOnly CelebratedOn, string How, string Thanked, string RecordedBy);

/// <summary>A milestone; <see cref="AchievedFromData"/> when the achieved date was derived from the partnership's records rather than set by hand.</summary>
public sealed record MilestoneView(Guid Id, string Code, string Title, DateOnly? PlannedOn, DateOnly? AchievedOn, bool AchievedFromData, bool Late,
    IReadOnlyList<CelebrationView> Celebrations);

/// <summary>The milestones with their celebrations (a read model a report can use as it is), and the natural ones not yet on the list.</summary>
public sealed record MilestonesView(IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<NaturalMilestone> NotYetProposed, bool CanWrite)
{
    public IReadOnlyList<CelebrationView> LatestCelebrations(int count) =>
        Milestones.SelectMany(m => m.Celebrations).OrderByDescending(c => c.CelebratedOn).Take(count).ToList();
}

/// <summary>What the data says about the natural milestones, gathered once for <see cref="MilestonesWork.Derive"/>.</summary>
public sealed record MilestoneFacts(DateOnly Today, DateOnly? FirstMeeting, DateOnly? MissionPublished, DateOnly? StartDate, bool LaunchGo, DateOnly? FirstDataAfterLaunch,
    DateOnly? MouSigned = null);

/// <summary>
/// Operate: milestones with planned and achieved dates. Joinery proposes the natural ones and marks
/// them achieved from the data where it can (<see cref="Derive"/>); members add their own, plan
/// them, mark them achieved by hand, and record how they celebrated and whom they thanked.
/// </summary>
public sealed class MilestonesWork(JoineryDb db, LaunchWork launchWork)
{
    private const string ViewerMessage = "Viewers read the milestones; members keep them.";

    public const int Anniversaries = 3;
    public const int MaxMilestones = 100;

    public static readonly IReadOnlyList<NaturalMilestone> Natural =
    [
        new("first-joint-meeting", "First joint meeting", true),
        new("mission-endorsed", "Mission endorsed by every partner", true),
        new("mou-signed", "Memorandum of understanding signed", true),
        new("launch", "Launch: services start", true),
        new("first-people-served", "First people served together", false),
        new("first-outcome-report", "First outcome report", true),
        .. Enumerable.Range(1, Anniversaries).Select(n => new NaturalMilestone($"anniversary-{n}", $"{Counting.Ordinal(n, capital: true)} anniversary of the launch", true)),
    ];

    /// <summary>
    /// The one place where a natural milestone's achieved date comes from the data; null means
    /// "set by hand". The MOU counts as signed on the day its last signatory signed (or, without
    /// signature dates, its effective date) once the register marks it signed or later. First
    /// people served stays manual (Joinery keeps no people-served data).
    /// </summary>
    public static DateOnly? Derive(string code, MilestoneFacts f)
    {
        var launched = f.StartDate is { } start && f.LaunchGo && start <= f.Today ? start : (DateOnly?)null;
        switch (code)
        {
            case "first-joint-meeting": return f.FirstMeeting;
            case "mission-endorsed": return f.MissionPublished;
            case "mou-signed": return f.MouSigned;
            case "launch": return launched;
            case "first-outcome-report": return launched is null ? null : f.FirstDataAfterLaunch;
            default:
                if (code.StartsWith("anniversary-", StringComparison.Ordinal) && int.TryParse(code["anniversary-".Length..], out var years) && launched is { } l)
                {
                    var day = l.AddYears(years);
                    return day <= f.Today ? day : null;
                }
                return null;
        }
    }

    /// <summary>When a natural milestone is planned, from the start date; null when it has no natural date.</summary>
    public static DateOnly? PlannedFor(string code, DateOnly? startDate) => startDate is not { } start ? null : code switch
    {
        "launch" => start,
        "first-outcome-report" => start.AddMonths(1),
        _ when code.StartsWith("anniversary-", StringComparison.Ordinal) && int.TryParse(code["anniversary-".Length..], out var years) => start.AddYears(years),
        _ => null,
    };

    public async Task<MilestonesView?> GetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken)
            || await db.SharedViewAsync(partnershipId, nameof(MilestonesView), () => LoadAsync(partnershipId, cancellationToken)) is not { } shared)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        return shared with { CanWrite = db.Tenancy.Unrestricted || (me is not null && me.Role != MemberRole.Viewer) };
    }

    private async Task<MilestonesView?> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(partnershipId, cancellationToken);
        var names = await db.Memberships.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);
        var milestones = await db.Set<Milestone>().AsNoTracking().Where(m => m.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var titles = milestones.ToDictionary(m => m.Id, m => m.Title);
        var celebrations = (await db.Set<Celebration>().AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.CelebratedOn).ThenByDescending(c => c.RecordedAt)
            .Select(c => new CelebrationView(c.Id, c.MilestoneId, titles.GetValueOrDefault(c.MilestoneId, ""), c.CelebratedOn, c.How, c.Thanked,
                names.GetValueOrDefault(c.RecordedByUserId, "A former member")))
            .ToLookup(c => c.MilestoneId);
        var views = milestones.Select(m =>
        {
            var derived = m.Code.Length > 0 ? Derive(m.Code, facts) : null;
            var achieved = derived ?? m.AchievedOn;
            var planned = m.PlannedOn ?? (m.Code.Length > 0 ? PlannedFor(m.Code, facts.StartDate) : null);
            return new MilestoneView(m.Id, m.Code, m.Title, planned, achieved, derived is not null, achieved is null && planned < facts.Today, celebrations[m.Id].ToList());
        })
            .OrderBy(m => m.AchievedOn ?? m.PlannedOn ?? DateOnly.MaxValue).ThenBy(m => Order(m.Code)).ThenBy(m => m.Title, StringComparer.OrdinalIgnoreCase).ToList();
        var present = milestones.Select(m => m.Code).ToHashSet();
        return new MilestonesView(views, Natural.Where(n => !present.Contains(n.Code)).ToList(), CanWrite: false);
    }

    private static int Order(string code)
    {
        for (var i = 0; i < Natural.Count; i++)
        {
            if (Natural[i].Code == code)
            {
                return i;
            }
        }
        return Natural.Count;
    }

    private async Task<MilestoneFacts> FactsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == partnershipId && m.Date <= today).Select(m => m.Date).ToListAsync(cancellationToken);
        var published = (await db.Set<MissionVersion>().AsNoTracking().Where(v => v.PartnershipId == partnershipId && v.PublishedAt != null)
            .Select(v => v.PublishedAt).ToListAsync(cancellationToken)).Min();
        var launch = await launchWork.GetAsync(partnershipId, cancellationToken);
        DateOnly? firstData = null;
        if (launch?.StartDate is { } start)
        {
            // Data for the launch month or later, recorded on or after the start date: the first report on the pilot's outcomes.
            var month = new DateOnly(start.Year, start.Month, 1);
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var recorded = (await db.Set<MeasurePoint>().AsNoTracking().Where(p => p.PartnershipId == partnershipId && p.Period >= month)
                .Select(p => p.RecordedAt).ToListAsync(cancellationToken)).Where(r => r >= since).ToList();
            firstData = recorded.Count == 0 ? null : DateOnly.FromDateTime(recorded.Min().UtcDateTime);
        }
        return new MilestoneFacts(today, meetings.Count == 0 ? null : meetings.Min(), published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null,
            launch?.StartDate, launch?.Decision == LaunchDecision.Go, firstData, await MouSignedAsync(partnershipId, cancellationToken));
    }

    private static readonly AgreementStatus[] SignedOrLater = [AgreementStatus.Signed, AgreementStatus.InForce, AgreementStatus.Expiring, AgreementStatus.Expired, AgreementStatus.Terminated];

    private async Task<DateOnly?> MouSignedAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var mous = await db.Set<Agreement>().AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.Type == AgreementType.Mou && SignedOrLater.Contains(a.Status))
            .Select(a => new { a.Id, a.EffectiveOn }).ToListAsync(cancellationToken);
        if (mous.Count == 0)
        {
            return null;
        }
        var ids = mous.Select(m => m.Id).ToList();
        var signed = await db.Set<AgreementSignatory>().AsNoTracking().Where(s => s.PartnershipId == partnershipId && ids.Contains(s.AgreementId) && s.SignedOn != null)
            .Select(s => new { s.AgreementId, s.SignedOn }).ToListAsync(cancellationToken);
        // The first MOU signed: each one's date is its last signature, or its effective date.
        return mous.Select(m => signed.Where(s => s.AgreementId == m.Id).Max(s => s.SignedOn) ?? m.EffectiveOn).Where(d => d is not null).Min();
    }

    /// <summary>Adds the natural milestones not on the list yet; answers how many were added.</summary>
    public async Task<Outcome<int>> ProposeAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<int>();
        }
        var have = await db.Set<Milestone>().Where(m => m.PartnershipId == partnershipId && m.Code != "").Select(m => m.Code).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var natural in Natural.Where(n => !have.Contains(n.Code)))
        {
            db.Set<Milestone>().Add(new Milestone { PartnershipId = partnershipId, Code = natural.Code, Title = natural.Title, CreatedAt = db.Now, UpdatedAt = db.Now });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Ok(added);
    }

    /// <summary>Adds a milestone of the members' own (<paramref name="milestoneId"/> null) or changes one's title, planned or achieved date.</summary>
    public async Task<Outcome<Guid>> SaveAsync(Guid partnershipId, Guid? milestoneId, MilestoneInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Milestone? milestone = null;
        if (milestoneId is { } id && (milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == id && m.PartnershipId == partnershipId, cancellationToken)) is null)
        {
            return Outcome<Guid>.NotFound("No such milestone.");
        }
        var check = new Validation();
        var title = milestone is not null && string.IsNullOrWhiteSpace(input.Title) ? milestone.Title : check.Text("title", "the milestone", input.Title, Milestone.TitleMax);
        var planned = check.Date("plannedOn", "the planned date", input.PlannedOn, required: false);
        var achieved = check.Date("achievedOn", "the date it was achieved", input.AchievedOn, required: false);
        if (achieved > DateOnly.FromDateTime(db.Now.UtcDateTime.AddDays(1)))
        {
            check.Add("achievedOn", "A milestone cannot be achieved in the future.");
        }
        if (milestone is null && await db.Set<Milestone>().CountAsync(m => m.PartnershipId == partnershipId, cancellationToken) >= MaxMilestones)
        {
            check.Add("title", $"A partnership keeps at most {MaxMilestones} milestones.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (milestone is null)
        {
            milestone = new Milestone { PartnershipId = partnershipId, Title = title, CreatedAt = db.Now };
            db.Set<Milestone>().Add(milestone);
        }
        milestone.Title = title;
        milestone.PlannedOn = planned;
        milestone.AchievedOn = achieved;
        milestone.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(milestone.Id);
    }

    /// <summary>Removes a milestone and its celebrations; a natural one can be proposed again.</summary>
    public async Task<Outcome<Guid>> RemoveAsync(Guid partnershipId, Guid milestoneId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == milestoneId && m.PartnershipId == partnershipId, cancellationToken);
        if (milestone is null)
        {
            return Outcome<Guid>.NotFound("No such milestone.");
        }
        db.Set<Celebration>().RemoveRange(await db.Set<Celebration>().Where(c => c.MilestoneId == milestoneId && c.PartnershipId == partnershipId).ToListAsync(cancellationToken));
        db.Set<Milestone>().Remove(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(milestoneId);
    }

    /// <summary>Removes a celebration recorded by mistake.</summary>
    public async Task<Outcome<Guid>> RemoveCelebrationAsync(Guid partnershipId, Guid milestoneId, Guid celebrationId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var celebration = await db.Set<Celebration>()
            .FirstOrDefaultAsync(c => c.Id == celebrationId && c.MilestoneId == milestoneId && c.PartnershipId == partnershipId, cancellationToken);
        if (celebration is null)
        {
            return Outcome<Guid>.NotFound("No such celebration.");
        }
        db.Set<Celebration>().Remove(celebration);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(celebrationId);
    }

    /// <summary>Records how a milestone was celebrated and who was thanked (no information about people served).</summary>
    public async Task<Outcome<Guid>> CelebrateAsync(Guid partnershipId, Guid milestoneId, CelebrationInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!await db.Set<Milestone>().AnyAsync(m => m.Id == milestoneId && m.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such milestone.");
        }
        var check = new Validation();
        var on = check.Date("celebratedOn", "the date of the celebration", input.CelebratedOn);
        var how = check.Prose("how", "how it was celebrated", input.How, Celebration.TextMax, required: true);
        var thanked = check.Prose("thanked", "who was thanked", input.Thanked, Celebration.TextMax);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var celebration = new Celebration
        {
            PartnershipId = partnershipId,
            MilestoneId = milestoneId,
            CelebratedOn = on!.Value,
            How = how,
            Thanked = thanked,
            RecordedByUserId = db.Tenancy.UserId!.Value,
            RecordedAt = db.Now,
        };
        db.Set<Celebration>().Add(celebration);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(celebration.Id);
    }
}
