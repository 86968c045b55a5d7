using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Expectations;
using Joinery.Core.Feedback;
using Joinery.Core.Glossary;
using Joinery.Core.Launch;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Health;

/// <summary>A record a signal points at, so people can see why it fired.</summary>
public sealed record Evidence(string Kind, Guid? Id, string Label);

/// <summary>One warning sign: which step it threatens, how serious, what it means in plain words, which records show it, and where to fix it.</summary>
public sealed record HealthSignal(string Code, Severity Severity, int Step, string Message, IReadOnlyList<Evidence> Evidence, string Link);

public sealed record SettingsInput(IReadOnlyDictionary<string, string?> Values);

/// <summary>
/// Partnership health: the warning signs of product.md and frameworks.md §10.2 computed from what
/// the partners have recorded, with each partnership's own thresholds. Transparent rules, no
/// composite score: each signal says what it saw.
/// </summary>
public sealed class PartnershipHealth(JoineryDb db, MeasuresWork measures, FeedbackWork feedback, TrustWork trust, PulseWork pulse, ExpectationsWork expectations, LaunchWork launch)
{
    /// <summary>The thresholds people may set, with their labels and allowed ranges.</summary>
    public static readonly IReadOnlyList<(string Name, string Label, int Min, int Max)> Thresholds =
    [
        (nameof(HealthSettings.MissionAcknowledgedPercent), "Share of members who should have read the published mission (%)", 1, 100),
        (nameof(HealthSettings.MissionAcknowledgeDays), "Days members have to read a published mission", 1, 365),
        (nameof(HealthSettings.DisputedTermDays), "Days a term may stay disputed", 1, 365),
        (nameof(HealthSettings.CadenceSlackPercent), "Gap between joint meetings that counts as slipping (% of the cadence)", 100, 500),
        (nameof(HealthSettings.AttendancePercent), "Lowest share of recent meetings a partner should attend (%)", 1, 100),
        (nameof(HealthSettings.RecentMeetings), "Meetings counted as recent", 2, 12),
        (nameof(HealthSettings.SignOffDays), "Days a decision may wait for sign-off", 1, 365),
        (nameof(HealthSettings.FaceToFaceDays), "Days without face-to-face contact below executive level", 7, 365),
        (nameof(HealthSettings.NegativeUnansweredDays), "Days negative feedback may wait for an answer", 1, 365),
        (nameof(HealthSettings.SilenceDays), "Days without any negative feedback before asking whether people feel safe", 14, 730),
        (nameof(HealthSettings.MissedPeriods), "Reporting periods a measure may miss in a row", 1, 12),
        (nameof(HealthSettings.LowPulseScoreTenths), "Pulse item mean counted as low (tenths: 30 = 3.0)", 10, 50),
        (nameof(HealthSettings.LaunchWarningDays), "Days before the start date when training, announcements and baselines should be done", 1, 180),
    ];

    public async Task<HealthSettings?> SettingsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        return await db.Set<HealthSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.PartnershipId == partnershipId, cancellationToken)
            ?? HealthSettings.Defaults(partnershipId);
    }

    /// <summary>Stewards set the thresholds; fields left out keep their value.</summary>
    public async Task<Outcome<Guid>> SaveSettingsAsync(Guid partnershipId, SettingsInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden("Only the partnership's stewards change the health thresholds.");
        }
        var settings = await db.Set<HealthSettings>().FirstOrDefaultAsync(s => s.PartnershipId == partnershipId, cancellationToken);
        var isNew = settings is null;
        settings ??= HealthSettings.Defaults(partnershipId);
        var check = new Validation();
        var known = Thresholds.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in input.Values.Keys.Where(k => !known.Contains(k)))
        {
            check.Add(unknown, "There is no such threshold.");
        }
        foreach (var (name, label, min, max) in Thresholds)
        {
            var given = input.Values.FirstOrDefault(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase));
            if (given.Key is null)
            {
                continue;
            }
            var field = char.ToLowerInvariant(name[0]) + name[1..];
            if (check.Number(field, label.ToLowerInvariant(), given.Value, min, max, decimals: 0) is { } value)
            {
                typeof(HealthSettings).GetProperty(name)!.SetValue(settings, (int)value);
            }
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        settings.UpdatedAt = db.Now;
        if (isNew)
        {
            db.Set<HealthSettings>().Add(settings);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(settings.Id);
    }

    /// <summary>
    /// The active warning signs, most serious first; null when the partnership is not visible.
    /// Every member sees the same signals, so they are computed once per change to the partnership
    /// and day (<see cref="PartnershipVersions.SharedViewAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<HealthSignal>?> SignalsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        return await db.SharedViewAsync(partnershipId, nameof(PartnershipHealth), () => ComputeAsync(partnershipId, cancellationToken));
    }

    private async Task<IReadOnlyList<HealthSignal>> ComputeAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var settings = (await SettingsAsync(partnershipId, cancellationToken))!;
        var context = await ContextAsync(partnershipId, cancellationToken);
        var signals = new List<HealthSignal>();
        if (context.Archived)
        {
            // An archived partnership cannot act on a warning any more.
            return signals;
        }
        signals.AddRange(await MissionAsync(context, settings, cancellationToken));
        signals.AddRange(Champions(context));
        signals.AddRange(await GlossaryAsync(context, settings, cancellationToken));
        signals.AddRange(await MeetingsAsync(context, settings, cancellationToken));
        signals.AddRange(await DecisionsAsync(context, settings, cancellationToken));
        signals.AddRange(await ExpectationsAsync(context, cancellationToken));
        signals.AddRange(await TrustAsync(context, settings, cancellationToken));
        signals.AddRange(await FeedbackAsync(context, settings, cancellationToken));
        signals.AddRange(await MeasuresAsync(context, settings, cancellationToken));
        signals.AddRange(context.Phase == Phase.Close ? await CloseAsync(context, cancellationToken) : await LaunchAsync(context, settings, cancellationToken));
        signals.AddRange(await new Formalize.AgreementsWork(db).SignalsAsync(partnershipId, cancellationToken));
        return signals.OrderByDescending(s => s.Severity).ThenBy(s => s.Step).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
    }

    private sealed record Member(Guid UserId, Guid OrganizationId, MemberLevel Level, bool IsChampion);

    private sealed record Context(Guid PartnershipId, string Path, DateOnly Today, DateTimeOffset CreatedAt, Phase Phase, bool Archived,
        IReadOnlyList<(Guid Id, string Name)> Partners, IReadOnlyList<Member> Members);

    private async Task<Context> ContextAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var members = await db.Memberships.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new Member(m.UserId, m.User!.OrganizationId, m.Level, m.IsChampion)).ToListAsync(cancellationToken);
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId)
            .Select(p => new { p.CreatedAt, p.Phase, p.ArchivedAt }).FirstAsync(cancellationToken);
        return new Context(partnershipId, $"/partnerships/{partnershipId}", DateOnly.FromDateTime(db.Now.UtcDateTime), partnership.CreatedAt,
            partnership.Phase, partnership.ArchivedAt is not null, partners.Select(p => (p.OrganizationId, p.Name)).ToList(), members);
    }

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");

    private async Task<IEnumerable<HealthSignal>> MissionAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var latest = await db.Set<MissionVersion>().AsNoTracking().Where(v => v.PartnershipId == c.PartnershipId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            signals.Add(new("mission-missing", Severity.Warning, 1,
                "There is no shared vision and mission yet. Partners who rely on their two separate missions tend to drift apart.", [], c.Path + "/mission"));
            return signals;
        }
        var endorsed = await db.Set<MissionEndorsement>().AsNoTracking()
            .Where(e => e.PartnershipId == c.PartnershipId && e.VersionId == latest.Id && e.VoidedAt == null)
            .Select(e => e.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var missing = c.Partners.Where(p => !endorsed.Contains(p.Id)).ToList();
        if (missing.Count > 0)
        {
            signals.Add(new("mission-not-endorsed", Severity.Warning, 1,
                $"The mission (version {latest.Number}) is not endorsed by an executive of {string.Join(" and ", missing.Select(p => p.Name))}.",
                missing.Select(p => new Evidence("organization", p.Id, p.Name)).ToList(), c.Path + "/mission"));
        }
        if (latest.PublishedAt is { } published && (db.Now - published).TotalDays > settings.MissionAcknowledgeDays && c.Members.Count > 0)
        {
            var read = await db.Set<MissionAcknowledgement>().AsNoTracking()
                .Where(a => a.PartnershipId == c.PartnershipId && a.VersionId == latest.Id).Select(a => a.UserId).Distinct().CountAsync(cancellationToken);
            var percent = 100 * read / c.Members.Count;
            if (percent < settings.MissionAcknowledgedPercent)
            {
                signals.Add(new("mission-not-acknowledged", Severity.Warning, 1,
                    $"Only {percent}% of members have read the mission published {Days((int)(db.Now - published).TotalDays)} ago (aim: {settings.MissionAcknowledgedPercent}%).",
                    [new Evidence("mission-version", latest.Id, $"Version {latest.Number}")], c.Path + "/mission"));
            }
        }
        return signals;
    }

    private static IEnumerable<HealthSignal> Champions(Context c)
    {
        var none = c.Partners.Where(p => !c.Members.Any(m => m.IsChampion && m.OrganizationId == p.Id)).ToList();
        if (none.Count > 0)
        {
            yield return new("no-champion", Severity.Warning, 1,
                $"{string.Join(" and ", none.Select(p => p.Name))} {(none.Count == 1 ? "has" : "have")} no champion for the partnership.",
                none.Select(p => new Evidence("organization", p.Id, p.Name)).ToList(), c.Path + "/members");
        }
        var noFrontline = c.Partners.Where(p => none.All(n => n.Id != p.Id) && !c.Members.Any(m => m.IsChampion && m.OrganizationId == p.Id && m.Level == MemberLevel.Frontline)).ToList();
        if (noFrontline.Count > 0)
        {
            yield return new("no-frontline-champion", Severity.Info, 7,
                $"No frontline champion in {string.Join(" and ", noFrontline.Select(p => p.Name))}: problems seen on the floor may surface late.",
                noFrontline.Select(p => new Evidence("organization", p.Id, p.Name)).ToList(), c.Path + "/members");
        }
    }

    private async Task<IEnumerable<HealthSignal>> GlossaryAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var since = db.Now.AddDays(-settings.DisputedTermDays);
        var disputed = await db.Set<GlossaryTerm>().AsNoTracking()
            .Where(t => t.PartnershipId == c.PartnershipId && t.Status == TermStatus.Disputed)
            .Select(t => new { t.Id, t.Term, t.StatusChangedAt }).ToListAsync(cancellationToken);
        var old = disputed.Where(t => t.StatusChangedAt < since).OrderBy(t => t.StatusChangedAt).ToList();
        if (old.Count == 0)
        {
            return [];
        }
        return [new("terms-disputed", old.Count >= 3 ? Severity.Warning : Severity.Info, 2,
            $"{old.Count} term(s) disputed for more than {Days(settings.DisputedTermDays)}: the partners may mean different things by the same words.",
            old.Select(t => new Evidence("glossary-term", t.Id, t.Term)).ToList(), c.Path + "/glossary")];
    }

    private async Task<IEnumerable<HealthSignal>> MeetingsAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var series = await db.Set<MeetingSeries>().AsNoTracking().Where(s => s.PartnershipId == c.PartnershipId).ToListAsync(cancellationToken);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == c.PartnershipId && m.Date <= c.Today)
            .OrderByDescending(m => m.Date).Select(m => new { m.Id, m.Title, m.Date, m.SeriesId }).ToListAsync(cancellationToken);
        foreach (var s in series.Where(s => s.FirstDate <= c.Today))
        {
            var last = meetings.Where(m => m.SeriesId == s.Id).Select(m => (DateOnly?)m.Date).FirstOrDefault() ?? s.FirstDate;
            var allowed = MeetingsWork.CadenceDays(s.Cadence) * settings.CadenceSlackPercent / 100;
            var gap = c.Today.DayNumber - last.DayNumber;
            if (gap > allowed)
            {
                signals.Add(new("cadence-lapsed", Severity.Warning, 3,
                    $"“{s.Title}” meets {s.Cadence.Words().ToLowerInvariant()}, but the last meeting was {Days(gap)} ago.",
                    [new Evidence("meeting-series", s.Id, s.Title)], c.Path + "/meetings"));
            }
        }

        var recent = meetings.Take(settings.RecentMeetings).ToList();
        if (recent.Count >= settings.RecentMeetings)
        {
            var ids = recent.Select(m => m.Id).ToList();
            var attendance = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.PartnershipId == c.PartnershipId && ids.Contains(a.MeetingId))
                .Select(a => new { a.MeetingId, a.UserId }).ToListAsync(cancellationToken);
            var byUser = c.Members.ToDictionary(m => m.UserId);
            foreach (var partner in c.Partners)
            {
                var present = recent.Count(m => attendance.Any(a => a.MeetingId == m.Id && byUser.TryGetValue(a.UserId, out var who) && who.OrganizationId == partner.Id));
                if (100 * present / recent.Count < settings.AttendancePercent)
                {
                    signals.Add(new("attendance-falling", Severity.Warning, 3,
                        $"{partner.Name} attended {present} of the last {recent.Count} joint meetings.",
                        recent.Select(m => new Evidence("meeting", m.Id, $"{m.Date:yyyy-MM-dd} {m.Title}")).ToList(), c.Path + "/meetings"));
                }
                else if (!recent.Any(m => attendance.Any(a => a.MeetingId == m.Id && byUser.TryGetValue(a.UserId, out var who)
                    && who.OrganizationId == partner.Id && who.Level == MemberLevel.Executive)))
                {
                    signals.Add(new("executives-absent", Severity.Warning, 6,
                        $"No executive of {partner.Name} attended any of the last {recent.Count} joint meetings.",
                        [new Evidence("organization", partner.Id, partner.Name)], c.Path + "/meetings"));
                }
            }
        }

        var overdue = await db.Set<ActionItem>().AsNoTracking()
            .Where(a => a.PartnershipId == c.PartnershipId && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueDate < c.Today)
            .OrderBy(a => a.DueDate).Select(a => new { a.Id, a.Title, a.DueDate }).ToListAsync(cancellationToken);
        if (overdue.Count > 0)
        {
            signals.Add(new("actions-overdue", overdue.Count >= 5 ? Severity.Warning : Severity.Info, 3,
                $"{overdue.Count} action item(s) are overdue; the oldest was due {overdue[0].DueDate:yyyy-MM-dd}.",
                overdue.Select(a => new Evidence("action-item", a.Id, a.Title)).ToList(), c.Path + "/actions"));
        }
        return signals;
    }

    private async Task<IEnumerable<HealthSignal>> DecisionsAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.PartnershipId == c.PartnershipId)
            .Select(d => new { d.Id, d.Title, d.Status, d.Version, d.UpdatedAt }).ToListAsync(cancellationToken);
        var signOffs = await db.Set<DecisionSignOff>().AsNoTracking().Where(s => s.PartnershipId == c.PartnershipId && s.VoidedAt == null)
            .Select(s => new { s.DecisionId, s.Version, s.OrganizationId }).ToListAsync(cancellationToken);
        var waiting = decisions.Where(d => d.Status == DecisionStatus.Proposed && (db.Now - d.UpdatedAt).TotalDays > settings.SignOffDays).ToList();
        if (waiting.Count > 0)
        {
            signals.Add(new("decisions-waiting", Severity.Info, 4,
                $"{waiting.Count} proposed decision(s) have waited more than {Days(settings.SignOffDays)} for sign-off.",
                waiting.Select(d => new Evidence("decision", d.Id, d.Title)).ToList(), c.Path + "/decisions"));
        }
        var oneSided = decisions.Where(d => d.Status != DecisionStatus.Rejected)
            .Where(d => signOffs.Where(s => s.DecisionId == d.Id && s.Version == d.Version).Select(s => s.OrganizationId).Distinct().Count() is var n
                && n > 0 && n < c.Partners.Count)
            .ToList();
        if (oneSided.Count > 0)
        {
            signals.Add(new("decision-one-sided", Severity.Warning, 4,
                $"{oneSided.Count} decision(s) are signed by only one partner: a decision that affects both needs both.",
                oneSided.Select(d => new Evidence("decision", d.Id, d.Title)).ToList(), c.Path + "/decisions"));
        }
        return signals;
    }

    private async Task<IEnumerable<HealthSignal>> ExpectationsAsync(Context c, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        if (await expectations.HealthFactsAsync(c.PartnershipId, cancellationToken) is not { } facts)
        {
            return signals;
        }
        var link = c.Path + "/expectations";
        if (!facts.Revealed && facts.PartnersNotSubmitted.Count > 0 && facts.PartnersNotSubmitted.Count < c.Partners.Count)
        {
            signals.Add(new("expectations-waiting", Severity.Info, 5,
                $"Waiting for {string.Join(" and ", facts.PartnersNotSubmitted)} to submit their expected results; the lists stay hidden until then.", [], link));
        }
        if (facts.ConflictsWithoutAgreement.Count > 0)
        {
            signals.Add(new("expectations-conflict-open", Severity.Warning, 5,
                $"{facts.ConflictsWithoutAgreement.Count} conflicting pair(s) of expectations have no agreement yet. Different expected results, left unspoken, are a common reason partnerships fail.",
                facts.ConflictsWithoutAgreement.Select(x => new Evidence("expectation-pair", x.PairId, $"{x.FirstLabel} and {x.SecondLabel}")).ToList(), link));
        }
        if (facts.UnpairedItems.Count > 0)
        {
            signals.Add(new("expectations-unmatched", Severity.Warning, 5,
                $"{facts.UnpairedItems.Count} expected result(s) are matched with nothing from the other partner and not agreed.",
                facts.UnpairedItems.Select(x => new Evidence("expectation-item", x.ItemId, $"{x.Label} ({x.OrganizationName})")).ToList(), link));
        }
        if (facts.WithoutMeasure.Count > 0)
        {
            signals.Add(new("expectations-without-measure", Severity.Warning, 5,
                $"{facts.WithoutMeasure.Count} agreed expectation(s) have no measure: nobody will be able to tell whether they were met.",
                facts.WithoutMeasure.Select(x => new Evidence("agreed-expectation", x.Id, x.Statement)).ToList(), link));
        }
        if (facts.WithoutReevaluationDate.Count > 0)
        {
            signals.Add(new("expectations-without-reevaluation", Severity.Info, 5,
                $"{facts.WithoutReevaluationDate.Count} agreed expectation(s) have no date to look at them again.",
                facts.WithoutReevaluationDate.Select(x => new Evidence("agreed-expectation", x.Id, x.Statement)).ToList(), link));
        }
        if (facts.ReevaluationOverdue.Count > 0)
        {
            signals.Add(new("expectations-reevaluation-overdue", Severity.Warning, 5,
                $"{facts.ReevaluationOverdue.Count} agreed expectation(s) are past their re-evaluation date.",
                facts.ReevaluationOverdue.Select(x => new Evidence("agreed-expectation", x.Id, $"{x.Statement} (due {x.ReevaluateOn:yyyy-MM-dd})")).ToList(), link));
        }
        return signals;
    }

    private async Task<IEnumerable<HealthSignal>> TrustAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var last = await trust.LastCrossPartnerContactBelowExecutiveAsync(c.PartnershipId, cancellationToken);
        var since = last ?? DateOnly.FromDateTime(c.CreatedAt.UtcDateTime);
        var days = c.Today.DayNumber - since.DayNumber;
        if (days > settings.FaceToFaceDays)
        {
            signals.Add(new("no-face-to-face-below-executive", Severity.Warning, 6,
                last is null
                    ? "Managers and frontline staff of the partners have never met in person. Trust between executives alone does not carry a partnership."
                    : $"Managers and frontline staff of the partners last met in person {Days(days)} ago (on {last:yyyy-MM-dd}).",
                [], c.Path + "/trust"));
        }
        var round = await pulse.LatestClosedRoundAsync(c.PartnershipId, cancellationToken);
        if (round is not null && await pulse.ResultsAsync(c.PartnershipId, round.Id, cancellationToken) is { } results)
        {
            var threshold = settings.LowPulseScoreTenths / 10.0;
            var whole = results.Groups.FirstOrDefault(g => g.Kind == GroupKind.Partnership && !g.Suppressed);
            var low = (whole?.Items ?? []).Where(i => i.Mean is { } mean && mean < threshold)
                .Select(i => (Score: i, Item: results.Items.First(x => x.Id == i.Item))).ToList();
            foreach (var step in low.GroupBy(x => x.Item.Step))
            {
                signals.Add(new("pulse-low", Severity.Warning, step.Key,
                    $"In pulse round {round.Number}, {step.Count()} statement(s) about this step scored below {threshold:0.0} on average.",
                    step.Select(x => new Evidence("pulse-item", null, $"{x.Item.Text} ({x.Score.Mean:0.0})")).ToList(), $"{c.Path}/pulse/{round.Id}"));
            }
            var lowPartners = results.Groups.Where(g => g.Kind == GroupKind.Organization && !g.Suppressed && g.Overall < threshold).ToList();
            if (lowPartners.Count > 0)
            {
                signals.Add(new("pulse-low-partner", Severity.Warning, 6,
                    $"In pulse round {round.Number}, {string.Join(" and ", lowPartners.Select(g => g.Name))} rated the partnership below {threshold:0.0} overall.",
                    lowPartners.Select(g => new Evidence("organization", g.OrganizationId, g.Name)).ToList(), $"{c.Path}/pulse/{round.Id}"));
            }
        }
        return signals;
    }

    private async Task<IEnumerable<HealthSignal>> FeedbackAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var waiting = (await feedback.UnansweredNegativeAsync(c.PartnershipId, cancellationToken)).Where(w => w.DaysWaiting > settings.NegativeUnansweredDays).ToList();
        if (waiting.Count > 0)
        {
            signals.Add(new("negative-feedback-unanswered", Severity.Warning, 7,
                $"{waiting.Count} negative feedback item(s) have waited more than {Days(settings.NegativeUnansweredDays)} for an answer (the longest {Days(waiting.Max(w => w.DaysWaiting))}). Unanswered complaints teach people to stop speaking up.",
                waiting.Select(w => new Evidence("feedback", w.Id, w.Title)).ToList(), c.Path + "/feedback"));
        }
        var last = await feedback.LastNegativeFeedbackAtAsync(c.PartnershipId, cancellationToken);
        var since = last ?? c.CreatedAt;
        var quiet = (int)(db.Now - since).TotalDays;
        if (quiet > settings.SilenceDays)
        {
            signals.Add(new("no-negative-feedback", Severity.Info, 7,
                last is null
                    ? $"No negative feedback in the {Days(quiet)} since the partnership began. Silence is more often a sign that people do not feel safe to speak than that all is well."
                    : $"No negative feedback for {Days(quiet)}. Silence is more often a sign that people do not feel safe to speak than that all is well.",
                [], c.Path + "/feedback"));
        }
        return signals;
    }

    private async Task<IEnumerable<HealthSignal>> MeasuresAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var charts = await measures.ChartsAsync(c.PartnershipId, cancellationToken);
        var noBaseline = charts.Where(x => x.Measure.BaselineValue is null).ToList();
        if (noBaseline.Count > 0)
        {
            signals.Add(new("measure-no-baseline", Severity.Warning, 8,
                $"{noBaseline.Count} measure(s) have no baseline: without one, nobody can tell whether the partnership made a difference.",
                noBaseline.Select(x => new Evidence("measure", x.Measure.Id, x.Measure.Name)).ToList(), c.Path + "/measures"));
        }
        var thisMonth = new DateOnly(c.Today.Year, c.Today.Month, 1);
        var stale = charts.Where(x =>
        {
            var step = x.Measure.Frequency == ReportingFrequency.Quarterly ? 3 : 1;
            var due = thisMonth.AddMonths(-step * settings.MissedPeriods);
            var latest = x.Chart.Points.Count > 0 ? DateOnly.ParseExact(x.Chart.Points[^1].Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
            var created = DateOnly.FromDateTime(x.Measure.CreatedAt.UtcDateTime);
            return latest is { } l ? l < due : created < due;
        }).ToList();
        if (stale.Count > 0)
        {
            signals.Add(new("measure-no-recent-data", Severity.Warning, 8,
                $"{stale.Count} measure(s) have missed {settings.MissedPeriods} or more reporting periods in a row.",
                stale.Select(x => new Evidence("measure", x.Measure.Id, x.Measure.Name)).ToList(), c.Path + "/measures"));
        }
        foreach (var (measure, chart) in charts)
        {
            // Only signals that reach the latest points: a dip two years ago that recovered is history.
            var recentFrom = chart.Points.Count - 3;
            var against = chart.Signals.Where(s => s.Favourable == false && s.Points.Any(i => i >= recentFrom)).ToList();
            if (against.Count > 0)
            {
                signals.Add(new("measure-unfavourable", Severity.Critical, 8,
                    $"“{measure.Name}” is moving the wrong way: {string.Join(" ", against.Select(s => s.Description))}",
                    [new Evidence("measure", measure.Id, measure.Name)], $"{c.Path}/measures/{measure.Id}"));
            }
        }
        return signals;
    }

    /// <summary>
    /// Prepare and Pilot: close to the start date (within <see cref="HealthSettings.LaunchWarningDays"/>,
    /// or after it), training not completed, referral sources not told, measures without a baseline;
    /// and the pilot period over without a complete pilot review.
    /// </summary>
    private async Task<IEnumerable<HealthSignal>> LaunchAsync(Context c, HealthSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        if (await launch.GetAsync(c.PartnershipId, cancellationToken) is not { StartDate: { } start } view)
        {
            return signals;
        }
        var link = c.Path + "/launch";
        var daysLeft = start.DayNumber - c.Today.DayNumber;
        var when = daysLeft > 0 ? $"The start date is in {Days(daysLeft)}" : daysLeft == 0 ? "The start date is today" : "Services have started";
        if (daysLeft <= settings.LaunchWarningDays && view.Pilot is not { Ended: true })
        {
            var untrained = view.Training.Where(t => t.CompletedOn is null).ToList();
            if (untrained.Count > 0)
            {
                signals.Add(new("launch-training-incomplete", daysLeft <= 0 ? Severity.Critical : Severity.Warning, 3,
                    $"{when} and {untrained.Count} training course(s) are not completed.",
                    untrained.Select(t => new Evidence("training", t.Id, t.Course)).ToList(), link + "#training-heading"));
            }
            var untold = view.ReferralSources.Where(s => s.ToldOn is null).ToList();
            if (untold.Count > 0)
            {
                signals.Add(new("launch-sources-not-told", Severity.Warning, 3,
                    $"{when} and {untold.Count} referral source(s) have not been told that the service starts.",
                    untold.Select(s => new Evidence("referral-source", s.Id, s.Name)).ToList(), link + "#sources-heading"));
            }
            var unsigned = (await new Formalize.AgreementsWork(db).RegisterAsync(c.PartnershipId, cancellationToken))!.Required.Where(r => !r.InForce).ToList();
            if (unsigned.Count > 0)
            {
                signals.Add(new("launch-agreements-unsigned", daysLeft <= 0 ? Severity.Critical : Severity.Warning, 4,
                    $"{when} and {unsigned.Count} required agreement(s) are not signed or in force: services should not start on handshakes.",
                    unsigned.Select(r => new Evidence("agreement", r.AgreementId, $"{Formalize.AgreementsWork.Label(r.Type)} ({(r.Missing ? "missing" : r.Status!.Value.Words().ToLowerInvariant())})")).ToList(),
                    c.Path + "/agreements"));
            }
            if (view.MeasuresWithoutBaseline.Count > 0)
            {
                signals.Add(new("launch-baseline-missing", Severity.Warning, 8,
                    $"{when} and {view.MeasuresWithoutBaseline.Count} measure(s) have no baseline: without one, nobody can show what the partnership changed.",
                    view.MeasuresWithoutBaseline.Select(m => new Evidence("measure", null, m)).ToList(), c.Path + "/measures"));
            }
        }
        if (view.Pilot is { Ended: true, ReviewComplete: false } pilot)
        {
            signals.Add(new("pilot-review-overdue", Severity.Warning, 5,
                $"The pilot ended on {pilot.To:yyyy-MM-dd} and its review is not complete: the partners have not yet re-evaluated what they expected.",
                pilot.ReviewId is { } r ? [new Evidence("pilot-review", r, $"Pilot review due {pilot.ReviewDue:yyyy-MM-dd}")] : [],
                pilot.ReviewId is { } id ? c.Path + "/expectations/pilot-reviews/" + id : c.Path + "/expectations#pilot-heading"));
        }
        return signals;
    }

    /// <summary>
    /// Close: services whose people have no transition plan yet, and transitions past their due
    /// date; a closing partnership must not leave anyone it serves without care.
    /// </summary>
    private async Task<IEnumerable<HealthSignal>> CloseAsync(Context c, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        if (await new Close.CloseWork(db).GetAsync(c.PartnershipId, cancellationToken) is not { } close)
        {
            return signals;
        }
        var link = c.Path + "/close";
        var unplanned = close.Transitions.Where(t => t.Progress == Close.TransitionProgress.NotPlanned).ToList();
        if (unplanned.Count > 0)
        {
            signals.Add(new("close-service-without-plan", Severity.Critical, 4,
                $"The partnership is closing and {unplanned.Count} service(s) have no transition plan: the people they serve do not yet know who continues their care.",
                unplanned.Select(t => new Evidence("service", t.ServiceId, t.Service)).ToList(), link));
        }
        var overdue = close.Transitions.Where(t => t.Overdue).ToList();
        if (overdue.Count > 0)
        {
            signals.Add(new("close-transition-overdue", Severity.Warning, 4,
                $"{overdue.Count} service transition(s) are past their due date and not carried out.",
                overdue.Select(t => new Evidence("service", t.ServiceId, $"{t.Service} (due {t.DueOn:yyyy-MM-dd})")).ToList(), link));
        }
        return signals;
    }
}
