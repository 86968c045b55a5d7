using Joinery.Core.Demo;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Readiness;

public static class ReadinessFeature
{
    /// <summary>Readiness: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddScoped<ReadinessCheck>();
        services.AddRoadmap<ReadinessProgress>();
        services.AddDemo<ExploreDemo>();
        return services;
    }
}
