using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Partnerships;

public static class PartnershipsFeature
{
    /// <summary>Partnerships: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddPartnerships(this IServiceCollection services)
    {
        services.AddScoped<CreatePartnership>();
        services.AddScoped<AddMember>();
        services.AddScoped<ManageMember>();
        services.AddScoped<Invitations>();
        services.AddScoped<ShowMyInvitations>();
        services.AddScoped<AcceptMyInvitation>();
        services.AddInbox<InvitationInbox>();
        services.AddScoped<ComputeRoadmap>();
        services.AddScoped<MovePhase>();
        services.AddRoadmap<ChampionsProgress>();
        services.AddHealth<ChampionsSignals>();
        return services;
    }
}
