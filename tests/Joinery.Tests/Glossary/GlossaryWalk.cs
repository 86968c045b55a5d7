using Joinery.Core.Glossary;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Glossary;

public sealed class GlossaryWalk : IWalkContribution
{
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var glossary = await services.GetRequiredService<GlossaryWork>().CreateAsync(victim.Id,
                new GlossaryInput($"huddle {app.Unique()}", "management", "A case review.", "A short daily team meeting.", "", "proposed"));
            glossary.Succeeded.ShouldBeTrue(glossary.FirstError);
            return new Dictionary<string, string> { ["termId"] = glossary.Value!.Id.ToString() };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Glossary/Index" => new() { ["Input.Term"] = $"panel {Guid.NewGuid():N}", ["Input.Category"] = "roles", ["Input.Status"] = "proposed" },
        "/Glossary/Term" => new()
        {
            ["Input.Term"] = $"huddle {Guid.NewGuid():N}",
            ["Input.Category"] = "management",
            ["Input.Status"] = "in-discussion",
            ["CommentText"] = "We say huddle too.",
        },
        "/Glossary/Translate" => new() { ["Text"] = "A huddle before clinic.", ["Audience"] = "primary-care" },
        _ => [],
    };
}
