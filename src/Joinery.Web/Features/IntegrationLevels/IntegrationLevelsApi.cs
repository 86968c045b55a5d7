using Joinery.Core.IntegrationLevels;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.IntegrationLevels;

public sealed record FindingDto(IReadOnlyDictionary<string, string?>? Answers);

public sealed record LevelDecisionDto(int? CurrentLevel, int? TargetLevel, string? Note);

public sealed record IntegrationLevelResponse(IntegrationLevelView State, IReadOnlyList<IntegrationLevel> Levels, IReadOnlyList<FinderQuestion> Questions);

internal static class IntegrationLevelsApi
{
    public static void MapIntegrationLevelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/integration-level").WithTags("Integration level");
        group.MapGet("/", GetAsync).WithName("GetIntegrationLevel")
            .WithSummary("Each partner's level finder result (hidden until both answered), where they diverge, the agreed levels and their history.");
        group.MapPost("/findings", FindAsync).WithName("RecordLevelFinding")
            .WithSummary("Answers to the level finder for the caller's organization: { \"answers\": { \"same-site\": \"yes\", ... } }.");
        group.MapPost("/decisions", DecideAsync).WithName("RecordLevelDecision")
            .WithSummary("Stewards and planners record the agreed current and target level (1–6).");
    }

    private static async Task<Results<Ok<IntegrationLevelResponse>, ProblemHttpResult>> GetAsync(Guid id, Core.IntegrationLevels.IntegrationLevels levels, CancellationToken cancellationToken) =>
        await levels.GetAsync(id, cancellationToken) is { } view
            ? TypedResults.Ok(new IntegrationLevelResponse(view, IntegrationLevelCatalog.Levels, LevelFinder.Questions))
            : Problems.NotFound();

    private static async Task<IResult> FindAsync(Guid id, FindingDto? body, Core.IntegrationLevels.IntegrationLevels levels, CancellationToken cancellationToken)
    {
        var outcome = await levels.RecordFindingAsync(id, body?.Answers ?? new Dictionary<string, string?>(), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/integration-level", new { level = outcome.Value })
            : Problems.From(outcome);
    }

    private static async Task<IResult> DecideAsync(Guid id, LevelDecisionDto? body, Core.IntegrationLevels.IntegrationLevels levels, CancellationToken cancellationToken)
    {
        var outcome = await levels.DecideAsync(id, new LevelChoice(
            body?.CurrentLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            body?.TargetLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture), body?.Note), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/integration-level", new { id = outcome.Value })
            : Problems.From(outcome);
    }
}
