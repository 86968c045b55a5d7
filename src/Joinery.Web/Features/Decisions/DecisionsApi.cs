using Joinery.Core.Decisions;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Decisions;

public sealed record DecisionDto(string? Title, string? Problem, string? Options, string? Negotiability, string? Citation, string? Compromise, string? Status, Guid? MeetingId)
{
    public DecisionInput ToInput() => new(Title, Problem, Options, Negotiability, Citation, Compromise, Status, MeetingId?.ToString());
}

public sealed record PositionDto(string? Position);

public sealed record ContributionDto(Guid? Organization, string? Kind, string? Description, decimal? Value, decimal? Fte, string? PeriodStart, string? PeriodEnd);

internal static class DecisionsApi
{
    public static void MapDecisionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/decisions").WithTags("Decisions");
        group.MapGet("/", ListAsync).WithName("ListDecisions").WithSummary("Decisions with status and how many partners signed off.");
        group.MapPost("/", CreateAsync).WithName("CreateDecision").WithSummary("Records a decision to make.");
        group.MapGet("/{decisionId:guid}", GetAsync).WithName("GetDecision").WithSummary("A decision with each partner's position and sign-offs.");
        group.MapPut("/{decisionId:guid}", UpdateAsync).WithName("UpdateDecision").WithSummary("Changes a decision; changing a signed one voids the sign-offs.");
        group.MapPost("/{decisionId:guid}/positions", PositionAsync).WithName("SetDecisionPosition").WithSummary("The caller's organization's position.");
        group.MapPost("/{decisionId:guid}/sign-offs", SignOffAsync).WithName("SignOffDecision").WithSummary("An executive signs off for their organization.");

        var contributions = api.MapGroup("/partnerships/{id:guid}/contributions").WithTags("Decisions");
        contributions.MapGet("/", ContributionsAsync).WithName("ListContributions").WithSummary("The contributions ledger with totals by partner.");
        contributions.MapPost("/", AddContributionAsync).WithName("CreateContribution").WithSummary("Records what a partner contributes.");
    }

    private static async Task<Results<Ok<List<DecisionSummary>>, ProblemHttpResult>> ListAsync(Guid id, DecisionsWork decisions, CancellationToken cancellationToken) =>
        await decisions.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : Problems.NotFound();

    private static async Task<Results<Ok<DecisionDetails>, ProblemHttpResult>> GetAsync(Guid id, Guid decisionId, DecisionsWork decisions, CancellationToken cancellationToken) =>
        await decisions.GetAsync(id, decisionId, cancellationToken) is { } details ? TypedResults.Ok(details) : Problems.NotFound();

    private static async Task<IResult> CreateAsync(Guid id, DecisionDto? body, DecisionsWork decisions, CancellationToken cancellationToken)
    {
        var outcome = await decisions.CreateAsync(id, (body ?? new DecisionDto(null, null, null, null, null, null, null, null)).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/decisions/{outcome.Value}", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateAsync(Guid id, Guid decisionId, DecisionDto? body, DecisionsWork decisions, CancellationToken cancellationToken)
    {
        var outcome = await decisions.UpdateAsync(id, decisionId, (body ?? new DecisionDto(null, null, null, null, null, null, null, null)).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { voidedSignOffs = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> PositionAsync(Guid id, Guid decisionId, PositionDto? body, DecisionsWork decisions, CancellationToken cancellationToken)
    {
        var outcome = await decisions.SetPositionAsync(id, decisionId, body?.Position, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> SignOffAsync(Guid id, Guid decisionId, DecisionsWork decisions, CancellationToken cancellationToken)
    {
        var outcome = await decisions.SignOffAsync(id, decisionId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/decisions/{decisionId}", new { agreed = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<Results<Ok<ContributionsView>, ProblemHttpResult>> ContributionsAsync(Guid id, DecisionsWork decisions, CancellationToken cancellationToken) =>
        await decisions.ContributionsAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> AddContributionAsync(Guid id, ContributionDto? body, DecisionsWork decisions, CancellationToken cancellationToken)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var outcome = await decisions.AddContributionAsync(id, new ContributionInput(body?.Organization?.ToString(), body?.Kind, body?.Description,
            body?.Value?.ToString(c), body?.Fte?.ToString(c), body?.PeriodStart, body?.PeriodEnd), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/contributions", new { id = outcome.Value }) : Problems.From(outcome);
    }
}
