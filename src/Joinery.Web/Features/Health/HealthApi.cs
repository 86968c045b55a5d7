using System.Text.Json;
using Joinery.Core.Health;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Health;

internal static class HealthApi
{
    public static void MapHealthApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}").WithTags("Health");
        group.MapGet("/health-signals", SignalsAsync).WithName("ListHealthSignals")
            .WithSummary("The partnership's warning signs, most serious first: [{code, severity, step, message, evidence, link}].");
        group.MapGet("/health-settings", SettingsAsync).WithName("GetHealthSettings").WithSummary("The thresholds the health signals use.");
        group.MapPut("/health-settings", SaveAsync).WithName("SetHealthSettings")
            .WithSummary("Stewards change thresholds: an object of threshold names and whole numbers; names left out keep their value.");
    }

    private static async Task<Results<Ok<IReadOnlyList<HealthSignal>>, ProblemHttpResult>> SignalsAsync(Guid id, PartnershipHealth health, CancellationToken cancellationToken) =>
        await health.SignalsAsync(id, cancellationToken) is { } signals ? TypedResults.Ok(signals) : Problems.NotFound();

    private static async Task<Results<Ok<Dictionary<string, int>>, ProblemHttpResult>> SettingsAsync(Guid id, PartnershipHealth health, CancellationToken cancellationToken) =>
        await health.SettingsAsync(id, cancellationToken) is { } settings ? TypedResults.Ok(Json(settings)) : Problems.NotFound();

    /// <summary>Threshold names as JSON names (camelCase), each with the partnership's value.</summary>
    private static Dictionary<string, int> Json(IReadOnlyList<ThresholdValue> settings) =>
        settings.ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.Threshold.Name), s => s.Value);

    private static async Task<IResult> SaveAsync(Guid id, Dictionary<string, JsonElement>? body, PartnershipHealth health, CancellationToken cancellationToken)
    {
        var values = (body ?? []).ToDictionary(v => v.Key, v => v.Value.ValueKind switch
        {
            JsonValueKind.Number => v.Value.GetRawText(),
            JsonValueKind.String => v.Value.GetString(),
            _ => "",
        });
        var outcome = await health.SaveSettingsAsync(id, new SettingsInput(values), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(Json((await health.SettingsAsync(id, cancellationToken))!)) : Problems.From(outcome);
    }
}
