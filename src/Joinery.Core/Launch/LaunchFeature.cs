using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Launch;

public static class LaunchFeature
{
    /// <summary>Launch: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddLaunch(this IServiceCollection services)
    {
        services.AddScoped<LaunchWork>();
        services.AddScoped<MilestonesWork>();
        services.AddRoadmap<LaunchProgress>();
        services.AddHealth<LaunchSignals>();
        services.AddDemo<LaunchDemo>();
        services.AddInbox<GoInbox>();
        return services;
    }
}
