using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Measures;

public static class MeasuresFeature
{
    /// <summary>Measures: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddMeasures(this IServiceCollection services)
    {
        services.AddScoped<MeasuresWork>();
        services.AddRoadmap<MeasuresProgress>();
        services.AddHealth<MeasuresSignals>();
        services.AddDemo<MeasuresDemo>();
        return services;
    }
}
