using Joinery.Core.Partnerships;
using Joinery.Tests.Support;

namespace Joinery.Tests.Partnerships;

public sealed class PartnershipsWalk : IWalkContribution
{
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) => Task.FromResult(new Dictionary<string, string>
    {
        ["id"] = victim.Id.ToString(),
        ["membershipId"] = victim.First(MemberRole.Planner).MembershipId.ToString()!,
    });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Partnerships/Members" => new()
        {
            ["Invite.Email"] = $"newcomer{Guid.NewGuid():N}@example.org",
            ["Invite.Organization"] = victim.Partners[1].ToString(),
            ["Invite.Role"] = "planner",
            ["Invite.Level"] = "manager",
            ["Change.Role"] = "viewer",
            ["Change.Level"] = "frontline",
            ["Change.IsChampion"] = "true",
            ["Change.ChampionFor"] = "Scheduling",
        },
        "/Partnerships/Phase" => new()
        {
            ["Input.To"] = "plan",
            ["Input.Reason"] = "The partners agreed to start planning now.",
            ["End.Reason"] = "The grant ended and neither board can fund the service.",
        },
        _ => [],
    };
}
