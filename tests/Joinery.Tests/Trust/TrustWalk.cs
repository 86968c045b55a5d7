using Joinery.Core.Trust;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Trust;

public sealed class TrustWalk : IWalkContribution
{
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var round = await services.GetRequiredService<PulseWork>().OpenRoundAsync(victim.Id);
            round.Succeeded.ShouldBeTrue(round.FirstError);
            return new Dictionary<string, string> { ["round"] = round.Value!.Id.ToString() };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Trust/Round" => PulseCatalog.Items.Select(i => new KeyValuePair<string, string>($"Scores[{i.Id}]", "4"))
            .Append(new("Comment", "More time together, please.")).ToDictionary(),
        _ => [],
    };
}
