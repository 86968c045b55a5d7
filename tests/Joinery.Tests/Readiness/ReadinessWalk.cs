using Joinery.Core.Readiness;
using Joinery.Tests.Support;

namespace Joinery.Tests.Readiness;

public sealed class ReadinessWalk : IWalkContribution
{
    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Readiness/Answer" => ReadinessCatalog.Items.ToDictionary(i => $"Answers[{i.Code}]", _ => "4"),
        _ => [],
    };
}
