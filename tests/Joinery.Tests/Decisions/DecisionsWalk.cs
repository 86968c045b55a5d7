using Joinery.Core.Decisions;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Decisions;

public sealed class DecisionsWalk : IWalkContribution
{
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var decision = await services.GetRequiredService<DecisionsWork>().CreateAsync(victim.Id,
                new DecisionInput("Where the consultant sits", "No free office.", "", "negotiable", "", "Half of the supply room.", "proposed"));
            decision.Succeeded.ShouldBeTrue(decision.FirstError);
            return new Dictionary<string, string> { ["decisionId"] = decision.Value.ToString() };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Decisions/Index" or "/Decisions/Details" => new()
        {
            ["Input.Title"] = "Where the consultant sits",
            ["Input.Problem"] = "No free office.",
            ["Input.Negotiability"] = "negotiable",
            ["Input.Compromise"] = "Half of the supply room.",
            ["Input.Status"] = "proposed",
            ["Position"] = "Any room near the clinic works.",
        },
        "/Decisions/Contributions" => new()
        {
            ["Input.Organization"] = victim.Partners[0].ToString(),
            ["Input.Kind"] = "funding",
            ["Input.Description"] = "Start-up grant",
            ["Input.Value"] = "5000",
        },
        _ => [],
    };
}
