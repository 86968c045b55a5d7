using Joinery.Core.Measures;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Measures;

public sealed class MeasuresWalk : IWalkContribution
{
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var measures = services.GetRequiredService<MeasuresWork>();
            var measure = await measures.CreateAsync(victim.Id, new MeasureInput("Days to first visit", "", "process", "value", "days", "", "", "", null, "down", "7", "monthly"));
            var point = await measures.RecordPointAsync(victim.Id, measure.Value, new PointInput("2026-01", null, null, "12", ""));
            var cycle = await measures.SaveCycleAsync(victim.Id, measure.Value, null, new CycleInput("Huddle", "Join it.", "Waits fall.", "", "", "", "", "2026-01-05", ""));
            foreach (var outcome in new[] { measure, point.As<Guid>(), cycle })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            return new Dictionary<string, string>
            {
                ["measureId"] = measure.Value.ToString(),
                ["cycleId"] = cycle.Value.ToString(),
                ["template"] = "referrals-completed",
            };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Measures/Index" or "/Measures/Details" or "/Measures/Cycle" => new()
        {
            ["Input.Name"] = "Days to first visit",
            ["Input.Kind"] = "value",
            ["Input.Unit"] = "days",
            ["Input.BetterDirection"] = "down",
            ["Point.Period"] = "2026-02",
            ["Point.Value"] = "11",
            ["Flag.Period"] = "2026-01",
            ["Flag.Astronomical"] = "true",
            ["Baseline.From"] = "2025-01",
            ["Baseline.To"] = "2025-06",
            ["Baseline.Value"] = "15",
            ["Cycle.Title"] = "Huddle",
            ["Cycle.Plan"] = "Join the morning huddle.",
            ["Cycle.Prediction"] = "Waits fall.",
            ["Cycle.StartedOn"] = "2026-01-05",
        },
        _ => [],
    };
}
