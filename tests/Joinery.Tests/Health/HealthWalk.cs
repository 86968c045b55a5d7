using Joinery.Tests.Support;

namespace Joinery.Tests.Health;

public sealed class HealthWalk : IWalkContribution
{
    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Health/Index" => new() { ["Thresholds[SilenceDays]"] = "120", ["Thresholds[RecentMeetings]"] = "4" },
        _ => [],
    };
}
