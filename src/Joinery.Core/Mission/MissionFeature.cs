using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Mission;

public static class MissionFeature
{
    /// <summary>Mission: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddMission(this IServiceCollection services)
    {
        services.AddScoped<MissionWork>();
        services.AddRoadmap<MissionProgress>();
        services.AddHealth<MissionSignals>();
        services.AddDemo<MissionDemo>();
        services.AddInbox<MissionInbox>();
        services.AddInbox<EndorsementInbox>();
        return services;
    }
}
