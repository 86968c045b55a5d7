using Joinery.Core.Data;

namespace Joinery.Core.Partnerships;

/// <summary>Met and not met come from the partnership's data; not started means nothing has been recorded for it yet.</summary>
public enum CriterionStatus { Met, NotMet, NotStarted }

public enum StepStatus { NotStarted, InProgress, Done }

public sealed record Criterion(string Code, string Text, CriterionStatus Status, string Evidence)
{
    /// <summary>The page where it is met, a path under the partnership ("/mission").</summary>
    public string Where { get; init; } = "";

    /// <summary>A criterion whose feature has nothing recorded yet.</summary>
    public static Criterion NotStarted(string code, string text, string evidence = "Nothing recorded yet.") => new(code, text, CriterionStatus.NotStarted, evidence);
}

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
/// The lifecycle and the eight steps (product.md), with each gate criterion and step computed by
/// the features that record them (<see cref="IRoadmapContribution"/>). The roadmap only puts the
/// parts together; it names no feature.
/// </summary>
public sealed class ComputeRoadmap(JoineryDb db, IEnumerable<IRoadmapContribution> contributions)
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
        if (await db.FactsAsync(partnershipId, cancellationToken) is not { } facts)
        {
            return null;
        }
        var parts = new List<RoadmapPart>();
        foreach (var contribution in contributions)
        {
            // One after the other: the contributions share the request's data context.
            parts.Add(await contribution.ContributeAsync(facts, cancellationToken));
        }
        var criteria = parts.SelectMany(p => p.Criteria).ToList();
        var phases = Enum.GetValues<Phase>()
            .Select(phase => new PhaseGate(phase, Summaries[phase], phase == facts.Phase, phase < facts.Phase,
                criteria.Where(c => c.Phase == phase).OrderBy(c => c.Order).Select(c => c.Criterion with { Where = c.Where }).ToList()))
            .ToList();
        var stepParts = parts.SelectMany(p => p.Steps).ToList();
        var steps = StepTitles.Select((title, i) => Combine(i + 1, title, stepParts.Where(p => p.Step == i + 1).ToList())).ToList();
        return new RoadmapView(facts.Phase, phases, steps);
    }

    /// <summary>Done when every part says done, not started when every part says so (or none speaks), in progress otherwise.</summary>
    public static StepProgress Combine(int number, string title, IReadOnlyList<StepPart> parts)
    {
        var speaking = parts.Any(p => !p.Fallback && p.Status != StepStatus.NotStarted) ? parts.Where(p => !p.Fallback).ToList() : parts.Where(p => p.Fallback).ToList();
        if (speaking.All(p => p.Status == StepStatus.NotStarted))
        {
            return new StepProgress(number, title, StepStatus.NotStarted, "Nothing recorded yet.");
        }
        var status = speaking.All(p => p.Status == StepStatus.Done) ? StepStatus.Done : StepStatus.InProgress;
        return new StepProgress(number, title, status,
            string.Join(' ', speaking.OrderBy(p => p.Order).Select(p => p.Evidence).Where(e => e.Length > 0)));
    }
}
