using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.IntegrationLevels;

public static class IntegrationLevelsFeature
{
    /// <summary>IntegrationLevels: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddIntegrationLevels(this IServiceCollection services)
    {
        services.AddScoped<IntegrationLevels>();
        services.AddRoadmap<IntegrationLevelProgress>();
        return services;
    }
}
