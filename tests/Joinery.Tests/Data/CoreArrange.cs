using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Data;

/// <summary>Arranging data through the real operations, so tests start from states the product can reach.</summary>
public static class CoreArrange
{
    /// <summary>A password the policy accepts.</summary>
    public const string Password = "violet-kettle-harbor-41";

    public static Task<Guid> OrganizationAsync(this IServiceProvider services, string name, string kind = "other") =>
        Succeed(services.GetRequiredService<CreateOrganization>().RunAsync(new OrganizationInput(name, kind)));

    public static Task<Guid> UserAsync(this IServiceProvider services, string email, string name, string organization, bool admin = false) =>
        Succeed(services.GetRequiredService<CreateUser>().RunAsync(new UserInput(email, name, organization, Password, admin)));

    public static Task<Guid> PartnershipAsync(this IServiceProvider services, string name, params string[] organizations) =>
        Succeed(services.GetRequiredService<CreatePartnership>().RunAsync(new PartnershipInput(name, organizations)));

    public static Task<Guid> MemberAsync(this IServiceProvider services, Guid partnershipId, string email,
        string role = "planner", string level = "manager", bool champion = false) =>
        Succeed(services.GetRequiredService<AddMember>().RunAsync(partnershipId, new MemberInput(email, role, level, champion)));

    private static async Task<T> Succeed<T>(Task<Outcome<T>> operation)
    {
        var outcome = await operation;
        outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
        return outcome.Value!;
    }
}
