using Joinery.Tests.Support;

namespace Joinery.Tests.Close;

public sealed class CloseWalk : IWalkContribution
{
    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Close/Index" => new()
        {
            ["Plan.ContinuedBy"] = victim.Partners[1].ToString(),
            ["Plan.HowTold"] = "A letter from the clinic, then a conversation at the next visit.",
            ["Plan.RecordsKeptBy"] = victim.Partners[1].ToString(),
            ["Plan.Records"] = "Care plans and notes stay in the clinic's record for seven years.",
            ["Plan.CareHandedOverOn"] = "2026-01-10",
            ["Confirm"] = "true",
        },
        _ => [],
    };
}
