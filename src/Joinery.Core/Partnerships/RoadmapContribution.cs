using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Partnerships;

/// <summary>
/// A gate criterion a feature contributes to a phase; <paramref name="Order"/> places it among the
/// phase's others, and <paramref name="Where"/> is the page where people meet it (a path under the
/// partnership, "/mission"), so the overview can send them there.
/// </summary>
public sealed record GateCriterion(Phase Phase, int Order, string Where, Criterion Criterion);

/// <summary>
/// What a feature says about one of the eight steps. A step is done when every part says done,
/// not started when every part says not started, in progress otherwise; the evidence of its parts
/// is read in <paramref name="Order"/>. A <paramref name="Fallback"/> part speaks only when no other part does.
/// </summary>
public sealed record StepPart(int Step, StepStatus Status, string Evidence, int Order = 0, bool Fallback = false);

public sealed record RoadmapPart(IReadOnlyList<GateCriterion> Criteria, IReadOnlyList<StepPart> Steps)
{
    public static RoadmapPart Of(params GateCriterion[] criteria) => new(criteria, []);
}

/// <summary>
/// A feature's share of the roadmap: the gate criteria and step progress computed from its own
/// records. Registered by the feature (<c>services.AddRoadmap&lt;T&gt;()</c>); <see cref="ComputeRoadmap"/>
/// enumerates what is registered and knows no feature.
/// </summary>
public interface IRoadmapContribution
{
    Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken);
}

public static class RoadmapRegistration
{
    /// <summary>Adds a feature's share of the roadmap; contributions are read in registration order.</summary>
    public static IServiceCollection AddRoadmap<T>(this IServiceCollection services) where T : class, IRoadmapContribution =>
        services.AddScoped<IRoadmapContribution, T>();
}
