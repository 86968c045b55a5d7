using Joinery.Tests.Support;

namespace Joinery.Tests.IntegrationLevels;

public sealed class IntegrationLevelsWalk : IWalkContribution
{
    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/IntegrationLevels/Index" => new()
        {
            ["Answers[same-site]"] = "no",
            ["Answers[regular-contact]"] = "yes",
            ["Decision.CurrentLevel"] = "2",
            ["Decision.TargetLevel"] = "4",
        },
        _ => [],
    };
}
