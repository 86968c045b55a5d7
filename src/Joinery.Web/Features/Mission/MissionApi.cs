using Joinery.Core.Mission;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Mission;

public sealed record MissionDraftDto(string? Vision, string? Mission, string? ChangeNote);

public sealed record MissionCommentDto(string? Text);

public sealed record CommunicationDto(string? Channel, string? On, string? Audience, string? Note);

internal static class MissionApi
{
    public static void MapMissionApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/mission").WithTags("Mission");
        group.MapGet("/", GetAsync).WithName("GetMission")
            .WithSummary("Partners' own statements, the current version and its history, endorsements, acknowledgements, communications, comments and champions.");
        group.MapPost("/versions", DraftAsync).WithName("SaveMissionVersion").WithSummary("Planners and stewards save a new version; it voids earlier endorsements.");
        group.MapPost("/comments", CommentAsync).WithName("CommentOnMission").WithSummary("Any member comments on the current version.");
        group.MapPost("/endorsements", EndorseAsync).WithName("EndorseMission").WithSummary("An executive endorses the current version for their organization.");
        group.MapPost("/acknowledgements", AcknowledgeAsync).WithName("AcknowledgeMission").WithSummary("\"I have read it\" for the published mission.");
        group.MapPost("/communications", CommunicateAsync).WithName("RecordMissionCommunication").WithSummary("Where and when the mission was communicated.");
    }

    private static async Task<Results<Ok<MissionView>, ProblemHttpResult>> GetAsync(Guid id, MissionWork mission, CancellationToken cancellationToken) =>
        await mission.GetAsync(id, cancellationToken: cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> DraftAsync(Guid id, MissionDraftDto? body, MissionWork mission, CancellationToken cancellationToken)
    {
        var outcome = await mission.SaveDraftAsync(id, new MissionDraft(body?.Vision, body?.Mission, body?.ChangeNote), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/mission", new { version = outcome.Value.Number, voidedEndorsements = outcome.Value.Voided })
            : Problems.From(outcome);
    }

    private static async Task<IResult> CommentAsync(Guid id, MissionCommentDto? body, MissionWork mission, CancellationToken cancellationToken)
    {
        var outcome = await mission.CommentAsync(id, body?.Text, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/mission", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> EndorseAsync(Guid id, MissionWork mission, CancellationToken cancellationToken)
    {
        var outcome = await mission.EndorseAsync(id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/mission", new { published = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> AcknowledgeAsync(Guid id, MissionWork mission, CancellationToken cancellationToken)
    {
        var outcome = await mission.AcknowledgeAsync(id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/mission", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> CommunicateAsync(Guid id, CommunicationDto? body, MissionWork mission, CancellationToken cancellationToken)
    {
        var outcome = await mission.RecordCommunicationAsync(id, new Communication(body?.Channel, body?.On, body?.Audience, body?.Note), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/mission", new { id = outcome.Value }) : Problems.From(outcome);
    }
}
