using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Close;

public static class CloseFeature
{
    /// <summary>Close: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddClose(this IServiceCollection services)
    {
        services.AddScoped<CloseWork>();
        services.AddRoadmap<CloseProgress>();
        services.AddHealth<CloseSignals>();
        services.AddDemo<ClosingDemo>();
        return services;
    }
}
