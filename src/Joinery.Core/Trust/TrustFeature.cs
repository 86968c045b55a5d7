using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Trust;

public static class TrustFeature
{
    /// <summary>Trust: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddTrust(this IServiceCollection services)
    {
        services.AddScoped<TrustWork>();
        services.AddScoped<PulseWork>();
        services.AddRoadmap<TrustProgress>();
        services.AddHealth<FaceToFaceSignals>();
        services.AddHealth<PulseSignals>();
        services.AddDemo<PulseDemo>();
        services.AddInbox<PulseInbox>();
        return services;
    }
}
