using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Expectations;
using Joinery.Core.Feedback;
using Joinery.Core.Glossary;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Readiness;
using Joinery.Core.Trust;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

/// <summary>Met and not met come from the partnership's data; not started means nothing has been recorded for it yet.</summary>
public enum CriterionStatus { Met, NotMet, NotStarted }

public enum StepStatus { NotStarted, InProgress, Done }

public sealed record Criterion(string Code, string Text, CriterionStatus Status, string Evidence);

public sealed record PhaseGate(Phase Phase, string Summary, bool IsCurrent, bool IsPast, IReadOnlyList<Criterion> Criteria)
{
    public bool IsMet => Criteria.All(c => c.Status == CriterionStatus.Met);
}

public sealed record StepProgress(int Number, string Title, StepStatus Status, string Evidence);

public sealed record RoadmapView(Phase Current, IReadOnlyList<PhaseGate> Phases, IReadOnlyList<StepProgress> Steps)
{
    public PhaseGate CurrentGate => Phases.First(p => p.Phase == Current);
}

/// <summary>
/// The lifecycle and the eight steps (product.md), with each gate criterion computed from what the
/// partnership has recorded. Criteria whose features have no data yet show as not started.
/// </summary>
public sealed class ComputeRoadmap(JoineryDb db)
{
    public static readonly IReadOnlyDictionary<Phase, string> Summaries = new Dictionary<Phase, string>
    {
        [Phase.Explore] = "Find the fit before committing: missions, readiness, level of integration.",
        [Phase.Plan] = "The eight steps, done together by people at every level.",
        [Phase.Formalize] = "Legal and regulatory work with counsel: MOU, BAA, data sharing, finances, services.",
        [Phase.Prepare] = "The plan becomes the business plan: start date, equipment, training, announcements, baseline.",
        [Phase.Pilot] = "Services start as a pilot; results are evaluated against expectations.",
        [Phase.Operate] = "Regular meetings, feedback, measurement, re-evaluation, milestones celebrated.",
        [Phase.Close] = "A transition plan so that nobody served is left without care.",
    };

    public static readonly IReadOnlyList<string> StepTitles =
    [
        "Establish the mission of the partnership",
        "Identify a common language",
        "Maintain pacing, flexibility and capacity",
        "Develop shared solutions",
        "Determine expectations",
        "Delegate trust",
        "Create empowerment",
        "Measure outcomes",
    ];

    /// <summary>The roadmap of a partnership the current person can see, or null.</summary>
    public async Task<RoadmapView?> RunAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        return await db.CanSeePartnershipAsync(partnershipId, cancellationToken)
            ? await db.SharedViewAsync(partnershipId, nameof(ComputeRoadmap), () => ComputeAsync(partnershipId, cancellationToken))
            : null;
    }

    private async Task<RoadmapView?> ComputeAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return null;
        }
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var champions = await db.Memberships.AsNoTracking().Where(m => m.PartnershipId == partnershipId && m.IsChampion)
            .Select(m => new { m.User!.OrganizationId, m.Level }).ToListAsync(cancellationToken);

        var withoutChampion = partners.Where(p => champions.All(c => c.OrganizationId != p.OrganizationId)).Select(p => p.Name).ToList();
        var championsNamed = new Criterion("champions-named", "Champions named in each partner",
            withoutChampion.Count == 0 ? CriterionStatus.Met : CriterionStatus.NotMet,
            withoutChampion.Count == 0
                ? $"{champions.Count} champion(s) across {partners.Count} partners."
                : $"No champion yet in {string.Join(", ", withoutChampion)}.");
        var withoutFrontline = partners.Where(p => !champions.Any(c => c.OrganizationId == p.OrganizationId && c.Level == MemberLevel.Frontline))
            .Select(p => p.Name).ToList();

        static Criterion Later(string code, string text) => new(code, text, CriterionStatus.NotStarted, "Nothing recorded yet.");

        var readiness = await ReadinessCriterionAsync(partnershipId, partners.Select(p => (p.OrganizationId, p.Name)).ToList(), cancellationToken);
        var agreedLevel = await db.Set<LevelDecision>().AsNoTracking().Where(d => d.PartnershipId == partnershipId)
            .OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(cancellationToken);
        var (missionEndorsed, missionStep) = await MissionProgressAsync(partnershipId, partners.Select(p => (p.OrganizationId, p.Name)).ToList(), cancellationToken);
        var (teamsMet, pacingStep) = await PacingAsync(partnershipId, partners.Select(p => (p.OrganizationId, p.Name)).ToList(), cancellationToken);
        var (measuresDefined, baselineCollected, measuresStep) = await MeasuresProgressAsync(partnershipId, cancellationToken);
        var pilotReviewed = await new Expectations.ExpectationsWork(db).HasCompletePilotReviewAsync(partnershipId, cancellationToken)
            ? new Criterion("pilot-review", "Pilot review recorded", CriterionStatus.Met, "A pilot review re-evaluated every agreed expectation.")
            : Later("pilot-review", "Pilot review recorded");
        var (readinessChecklist, goNoGo) = await new Launch.LaunchWork(db).GateAsync(partnershipId, cancellationToken);
        var (expectationsAgreed, expectationsStep) = await ExpectationsProgressAsync(partnershipId, partners.Select(p => (p.OrganizationId, p.Name)).ToList(), cancellationToken);
        var targetChosen = agreedLevel is null
            ? Later("target-level-chosen", "Target level of integration chosen")
            : new Criterion("target-level-chosen", "Target level of integration chosen", CriterionStatus.Met,
                $"Agreed: now level {agreedLevel.CurrentLevel}, aiming for level {agreedLevel.TargetLevel}.");

        var gates = new Dictionary<Phase, IReadOnlyList<Criterion>>
        {
            [Phase.Explore] =
            [
                readiness,
                targetChosen,
            ],
            [Phase.Plan] =
            [
                missionEndorsed,
                championsNamed,
                expectationsAgreed,
                measuresDefined,
                teamsMet,
            ],
            [Phase.Formalize] = [await new Formalize.AgreementsWork(db).GateAsync(partnershipId, cancellationToken)],
            [Phase.Prepare] =
            [
                readinessChecklist,
                baselineCollected,
                goNoGo,
            ],
            [Phase.Pilot] = [pilotReviewed],
            [Phase.Operate] = [],
            [Phase.Close] = await new Close.CloseWork(db).GateAsync(partnershipId, cancellationToken),
        };

        var phases = Enum.GetValues<Phase>()
            .Select(p => new PhaseGate(p, Summaries[p], p == partnership.Phase, p < partnership.Phase, gates[p]))
            .ToList();

        var steps = StepTitles.Select((title, i) => new StepProgress(i + 1, title, StepStatus.NotStarted, "Nothing recorded yet.")).ToList();
        if (missionStep is not null)
        {
            steps[0] = missionStep;
        }
        steps[1] = await GlossaryStepAsync(partnershipId, steps[1], cancellationToken);
        steps[2] = pacingStep ?? steps[2];
        steps[3] = await SharedSolutionsStepAsync(partnershipId, partners.Count, steps[3], cancellationToken);
        steps[5] = await TrustStepAsync(partnershipId, steps[5], cancellationToken);
        steps[4] = expectationsStep ?? steps[4];
        steps[7] = measuresStep ?? steps[7];
        if (champions.Count > 0)
        {
            if (missionStep is null)
            {
                steps[0] = steps[0] with { Status = StepStatus.InProgress, Evidence = championsNamed.Evidence };
            }
            steps[6] = steps[6] with
            {
                Status = StepStatus.InProgress,
                Evidence = withoutFrontline.Count == 0
                    ? "Every partner has a frontline champion."
                    : $"No frontline champion yet in {string.Join(", ", withoutFrontline)}.",
            };
        }
        steps[6] = await EmpowermentStepAsync(partnershipId, champions.Count > 0 && withoutFrontline.Count == 0, steps[6], cancellationToken);
        return new RoadmapView(partnership.Phase, phases, steps);
    }

    /// <summary>The mission gate criterion and step 1: endorsed by an executive of each partner, then read by most members.</summary>
    private async Task<(Criterion Gate, StepProgress? Step)> MissionProgressAsync(Guid partnershipId, IReadOnlyList<(Guid Id, string Name)> partners, CancellationToken cancellationToken)
    {
        const string Code = "mission-endorsed";
        const string Text = "Partnership mission endorsed by an executive of each partner";
        var current = await db.Set<MissionVersion>().AsNoTracking().Where(v => v.PartnershipId == partnershipId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return (new Criterion(Code, Text, CriterionStatus.NotStarted, "No draft yet."), null);
        }
        var endorsedBy = await db.Set<MissionEndorsement>().AsNoTracking().Where(e => e.VersionId == current.Id && e.VoidedAt == null)
            .Select(e => e.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var missing = partners.Where(p => !endorsedBy.Contains(p.Id)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            var evidence = $"Version {current.Number} is waiting for an endorsement from {string.Join(", ", missing)}.";
            return (new Criterion(Code, Text, CriterionStatus.NotMet, evidence),
                new StepProgress(1, StepTitles[0], StepStatus.InProgress, evidence));
        }
        var members = await db.Memberships.CountAsync(m => m.PartnershipId == partnershipId, cancellationToken);
        var read = await db.Set<MissionAcknowledgement>().CountAsync(a => a.VersionId == current.Id, cancellationToken);
        var share = members == 0 ? 0 : (double)read / members;
        return (new Criterion(Code, Text, CriterionStatus.Met, $"Version {current.Number} endorsed by every partner."),
            new StepProgress(1, StepTitles[0], share >= AcknowledgedShare ? StepStatus.Done : StepStatus.InProgress,
                $"Published; {read} of {members} members have read it."));
    }

    /// <summary>
    /// The Plan gate's "teams have met face to face": a face-to-face or hybrid meeting attended by
    /// managers or frontline staff of every partner. Step 3: meetings held, and held on cadence.
    /// </summary>
    private async Task<(Criterion, StepProgress?)> PacingAsync(Guid partnershipId, IReadOnlyList<(Guid Id, string Name)> partners, CancellationToken cancellationToken)
    {
        const string Code = "teams-met";
        const string Text = "The teams who will deliver the service have met face to face";
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == partnershipId && m.Date <= today)
            .Select(m => new { m.Id, m.Date, m.Format, m.SeriesId }).ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return (new Criterion(Code, Text, CriterionStatus.NotStarted, "No meeting recorded yet."), null);
        }
        var inPerson = meetings.Where(m => m.Format != MeetingFormat.Virtual).Select(m => m.Id).ToList();
        var teams = await (from a in db.Set<MeetingAttendance>().AsNoTracking()
                           join m in db.Memberships on new { a.UserId, a.PartnershipId } equals new { m.UserId, m.PartnershipId }
                           join u in db.Users on a.UserId equals u.Id
                           where a.PartnershipId == partnershipId && inPerson.Contains(a.MeetingId) && m.Level != MemberLevel.Executive
                           select new { a.MeetingId, u.OrganizationId }).ToListAsync(cancellationToken);
        var met = teams.GroupBy(t => t.MeetingId).Where(g => partners.All(p => g.Any(t => t.OrganizationId == p.Id)))
            .MinBy(g => meetings.First(m => m.Id == g.Key).Date);
        var gate = met is not null
            ? new Criterion(Code, Text, CriterionStatus.Met, $"Managers and frontline staff of every partner met on {meetings.First(m => m.Id == met.Key).Date:yyyy-MM-dd}.")
            : new Criterion(Code, Text, CriterionStatus.NotMet, "No face-to-face meeting yet with managers or frontline staff of every partner.");

        var series = await db.Set<MeetingSeries>().AsNoTracking().Where(s => s.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var last = meetings.Max(m => m.Date);
        var onCadence = series.Any(s => today.DayNumber - last.DayNumber <= MeetingsWork.CadenceDays(s.Cadence) * 3 / 2);
        var evidence = $"{meetings.Count} meeting(s) held, the last on {last:yyyy-MM-dd}" + (series.Count == 0 ? "; no regular meeting series yet." : onCadence ? "; on cadence." : "; the cadence has lapsed.");
        return (gate, new StepProgress(3, StepTitles[2], series.Count > 0 && onCadence ? StepStatus.Done : StepStatus.InProgress, evidence));
    }

    /// <summary>
    /// The Plan gate's "expectations agreed": every partner submitted its list, and at least one
    /// expectation is agreed, each with a measure. Step 5 is done once, in addition, each agreed
    /// expectation has a re-evaluation date.
    /// </summary>
    private async Task<(Criterion, StepProgress?)> ExpectationsProgressAsync(Guid partnershipId, IReadOnlyList<(Guid Id, string Name)> partners, CancellationToken cancellationToken)
    {
        const string Code = "expectations-agreed";
        const string Text = "Expectations agreed";
        var submitted = await db.Set<ExpectationSubmission>().AsNoTracking().Where(s => s.PartnershipId == partnershipId).Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        var items = await db.Set<ExpectationItem>().AsNoTracking().CountAsync(i => i.PartnershipId == partnershipId, cancellationToken);
        if (items == 0 && submitted.Count == 0)
        {
            return (new Criterion(Code, Text, CriterionStatus.NotStarted, "No partner has written its expectations yet."), null);
        }
        var waiting = partners.Where(p => !submitted.Contains(p.Id)).Select(p => p.Name).ToList();
        if (waiting.Count > 0)
        {
            var evidence = $"Waiting for the list of {string.Join(", ", waiting)}; lists stay hidden until every partner has submitted.";
            return (new Criterion(Code, Text, CriterionStatus.NotMet, evidence), new StepProgress(5, StepTitles[4], StepStatus.InProgress, evidence));
        }
        var agreed = await db.Set<AgreedExpectation>().AsNoTracking().Where(a => a.PartnershipId == partnershipId)
            .Select(a => new { a.MeasureId, a.ReevaluateOn }).ToListAsync(cancellationToken);
        var withMeasure = agreed.Count(a => a.MeasureId is not null);
        var met = agreed.Count > 0 && withMeasure == agreed.Count;
        var summary = agreed.Count == 0
            ? "Every partner submitted its list; no expectation agreed yet."
            : $"{agreed.Count} expectation(s) agreed, {withMeasure} linked to a measure.";
        return (new Criterion(Code, Text, met ? CriterionStatus.Met : CriterionStatus.NotMet, summary),
            new StepProgress(5, StepTitles[4], met && agreed.All(a => a.ReevaluateOn is not null) ? StepStatus.Done : StepStatus.InProgress,
                met && agreed.Any(a => a.ReevaluateOn is null) ? summary + " Set a re-evaluation date for each." : summary));
    }

    /// <summary>Step 4: in progress once decisions or contributions are recorded; done when a decision is agreed by all and every partner contributes.</summary>
    private async Task<StepProgress> SharedSolutionsStepAsync(Guid partnershipId, int partners, StepProgress step, CancellationToken cancellationToken)
    {
        var statuses = await db.Set<Decision>().AsNoTracking().Where(d => d.PartnershipId == partnershipId).Select(d => d.Status).ToListAsync(cancellationToken);
        var contributors = await db.Set<Contribution>().AsNoTracking().Where(c => c.PartnershipId == partnershipId).Select(c => c.OrganizationId).Distinct().CountAsync(cancellationToken);
        if (statuses.Count == 0 && contributors == 0)
        {
            return step;
        }
        var agreed = statuses.Count(s => s == DecisionStatus.Agreed);
        var waiting = statuses.Count(s => s is DecisionStatus.Open or DecisionStatus.Proposed);
        return step with
        {
            Status = agreed > 0 && contributors == partners ? StepStatus.Done : StepStatus.InProgress,
            Evidence = $"{agreed} decision(s) agreed, {waiting} open; {contributors} of {partners} partners record contributions.",
        };
    }

    /// <summary>
    /// Step 7 adds the feedback forum to the champions: in progress once feedback is posted; done when
    /// every partner has a frontline champion, feedback has led to a change ("you said, we did"), and no
    /// negative item has waited longer than <see cref="FeedbackWork.AnswerWithinDays"/> days for an answer.
    /// </summary>
    private async Task<StepProgress> EmpowermentStepAsync(Guid partnershipId, bool frontlineChampions, StepProgress step, CancellationToken cancellationToken)
    {
        var items = await db.Set<FeedbackItem>().AsNoTracking().Where(f => f.PartnershipId == partnershipId)
            .Select(f => new { f.Kind, f.Status, f.Answer, f.PostedAt }).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return step;
        }
        var cutoff = db.Now.AddDays(-FeedbackWork.AnswerWithinDays);
        var done = items.Count(i => i.Status == FeedbackStatus.Done);
        var neglected = items.Count(i => i.Kind == FeedbackKind.Negative && i.Answer.Length == 0 && i.Status != FeedbackStatus.WontDo && i.PostedAt < cutoff);
        var evidence = $"{items.Count} feedback item(s), {done} done"
            + (neglected > 0 ? $"; {neglected} negative item(s) unanswered for over {FeedbackWork.AnswerWithinDays} days." : ".");
        return step with
        {
            Status = frontlineChampions && done > 0 && neglected == 0 ? StepStatus.Done : StepStatus.InProgress,
            Evidence = step.Status == StepStatus.NotStarted ? evidence : $"{step.Evidence} {evidence}",
        };
    }

    /// <summary>
    /// Step 6: in progress once managers or frontline staff of two partners have met in person, or a
    /// pulse round has closed; done while such contact is recent and a closed round had enough answers to show.
    /// </summary>
    private async Task<StepProgress> TrustStepAsync(Guid partnershipId, StepProgress step, CancellationToken cancellationToken)
    {
        var lastContact = await new TrustWork(db).LastCrossPartnerContactBelowExecutiveAsync(partnershipId, cancellationToken);
        var pulse = await new PulseWork(db).LatestClosedRoundAsync(partnershipId, cancellationToken);
        if (lastContact is null && pulse is null)
        {
            return step;
        }
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var recent = lastContact is { } last && today.DayNumber - last.DayNumber <= FaceToFace.RecentDays;
        var contact = lastContact is { } date
            ? $"Last met in person below executive level on {date:yyyy-MM-dd}"
            : "No in-person contact below executive level yet";
        var survey = pulse is null ? "no pulse round closed yet." : $"pulse round {pulse.Number} closed with {pulse.Respondents} answer(s).";
        return step with
        {
            Status = recent && pulse is { Suppressed: false } ? StepStatus.Done : StepStatus.InProgress,
            Evidence = $"{contact}; {survey}",
        };
    }

    /// <summary>
    /// The Plan gate's "outcome measures defined" (at least one outcome measure, every measure with a
    /// target), the Prepare gate's "baseline collected" (every measure has one), and step 8: in
    /// progress once measures exist, done when each has a baseline and data within its last two periods.
    /// </summary>
    private async Task<(Criterion Defined, Criterion Baseline, StepProgress? Step)> MeasuresProgressAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        const string DefinedCode = "measures-defined", DefinedText = "Outcome measures defined";
        const string BaselineCode = "baseline-collected", BaselineText = "Baseline collected for every measure";
        var measures = await db.Set<Measures.Measure>().AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new { m.Id, m.Name, m.Type, m.Target, m.BaselineValue, m.Frequency }).ToListAsync(cancellationToken);
        if (measures.Count == 0)
        {
            return (new Criterion(DefinedCode, DefinedText, CriterionStatus.NotStarted, "No measure defined yet."),
                new Criterion(BaselineCode, BaselineText, CriterionStatus.NotStarted, "No measure defined yet."), null);
        }
        var latest = await db.Set<Measures.MeasurePoint>().AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .GroupBy(p => p.MeasureId).Select(g => new { MeasureId = g.Key, Latest = g.Max(p => p.Period) }).ToListAsync(cancellationToken);
        var outcomes = measures.Count(m => m.Type == Measures.MeasureType.Outcome);
        var withoutTarget = measures.Where(m => m.Target is null).Select(m => m.Name).ToList();
        var defined = new Criterion(DefinedCode, DefinedText,
            outcomes > 0 && withoutTarget.Count == 0 ? CriterionStatus.Met : CriterionStatus.NotMet,
            outcomes == 0 ? $"{measures.Count} measure(s), but none of them is an outcome measure."
                : withoutTarget.Count > 0 ? $"No target yet for {string.Join(", ", withoutTarget)}."
                : $"{measures.Count} measure(s), {outcomes} of them outcome measures, each with a target.");
        var withoutBaseline = measures.Where(m => m.BaselineValue is null).Select(m => m.Name).ToList();
        var baseline = new Criterion(BaselineCode, BaselineText, withoutBaseline.Count == 0 ? CriterionStatus.Met : CriterionStatus.NotMet,
            withoutBaseline.Count == 0 ? $"All {measures.Count} measure(s) have a baseline." : $"No baseline yet for {string.Join(", ", withoutBaseline)}.");
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var current = measures.Count(m => latest.FirstOrDefault(l => l.MeasureId == m.Id)?.Latest
            >= thisMonth.AddMonths(-2 * (m.Frequency == Measures.ReportingFrequency.Quarterly ? 3 : 1)));
        var step = new StepProgress(8, StepTitles[7],
            withoutBaseline.Count == 0 && current == measures.Count ? StepStatus.Done : StepStatus.InProgress,
            $"{measures.Count} measure(s); {measures.Count - withoutBaseline.Count} with a baseline; {current} with recent data.");
        return (defined, baseline, step);
    }

    /// <summary>Step 2: in progress once terms are recorded; done when enough are agreed and none is disputed.</summary>
    private async Task<StepProgress> GlossaryStepAsync(Guid partnershipId, StepProgress step, CancellationToken cancellationToken)
    {
        var statuses = await db.Set<GlossaryTerm>().AsNoTracking().Where(t => t.PartnershipId == partnershipId).Select(t => t.Status).ToListAsync(cancellationToken);
        if (statuses.Count == 0)
        {
            return step;
        }
        var agreed = statuses.Count(s => s == TermStatus.Agreed);
        var disputed = statuses.Count(s => s == TermStatus.Disputed);
        var evidence = $"{statuses.Count} terms: {agreed} agreed, {disputed} disputed.";
        return step with { Status = agreed >= AgreedTermsForCommonLanguage && disputed == 0 ? StepStatus.Done : StepStatus.InProgress, Evidence = evidence };
    }

    /// <summary>A common language needs a working vocabulary: this many agreed terms (and nothing disputed).</summary>
    public const int AgreedTermsForCommonLanguage = 10;

    /// <summary>Step 1 is done once most members have read the published mission (frameworks.md §10.2, S1: 60%).</summary>
    public const double AcknowledgedShare = 0.6;

    /// <summary>Met when every partner has answered the latest round of the readiness check.</summary>
    private async Task<Criterion> ReadinessCriterionAsync(Guid partnershipId, IReadOnlyList<(Guid Id, string Name)> partners, CancellationToken cancellationToken)
    {
        const string Code = "readiness-completed";
        const string Text = "Both partners completed the readiness and alignment check";
        var round = await db.Set<ReadinessRound>().AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return new Criterion(Code, Text, CriterionStatus.NotStarted, "Nobody has answered the check yet.");
        }
        var answered = await db.Set<ReadinessResponse>().AsNoTracking().Where(r => r.RoundId == round.Id)
            .Select(r => r.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var waiting = partners.Where(p => !answered.Contains(p.Id)).Select(p => p.Name).ToList();
        return waiting.Count == 0
            ? new Criterion(Code, Text, CriterionStatus.Met, $"Round {round.Number} completed by every partner.")
            : new Criterion(Code, Text, CriterionStatus.NotMet, $"Round {round.Number}: waiting for {string.Join(", ", waiting)}.");
    }
}
