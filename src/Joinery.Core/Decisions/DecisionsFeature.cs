using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Decisions;

public static class DecisionsFeature
{
    /// <summary>Decisions: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddScoped<DecisionsWork>();
        services.AddRoadmap<DecisionsProgress>();
        services.AddHealth<DecisionsSignals>();
        services.AddDemo<DecisionsDemo>();
        services.AddInbox<SignOffInbox>();
        return services;
    }
}
