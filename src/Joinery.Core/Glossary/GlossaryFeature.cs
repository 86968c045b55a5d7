using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Glossary;

public static class GlossaryFeature
{
    /// <summary>Glossary: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddGlossary(this IServiceCollection services)
    {
        services.AddScoped<GlossaryWork>();
        services.AddRoadmap<GlossaryProgress>();
        services.AddHealth<GlossarySignals>();
        services.AddDemo<GlossaryDemo>();
        return services;
    }
}
