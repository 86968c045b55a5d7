using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Meetings;

public static class MeetingsFeature
{
    /// <summary>Meetings: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingsWork>();
        services.AddRoadmap<MeetingsProgress>();
        services.AddHealth<MeetingsSignals>();
        services.AddDemo<MeetingsDemo>();
        services.AddInbox<ActionsInbox>();
        return services;
    }
}
