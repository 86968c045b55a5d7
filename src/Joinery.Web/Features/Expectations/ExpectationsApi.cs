using Joinery.Core.Expectations;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Expectations;

public sealed record ItemDto(string? Text);

/// <summary>Two items of different partners; <c>relation</c> is same, related or conflicting.</summary>
public sealed record PairDto(Guid? First, Guid? Second, string? Relation, string? Note);

/// <summary>An agreed expectation: <c>owner</c> a member's user id, <c>measure</c> a measure of this partnership (optional), <c>reevaluateOn</c> yyyy-mm-dd (optional), <c>items</c> the item ids it comes from.</summary>
public sealed record AgreedDto(string? Statement, Guid? Owner, Guid? Measure, string? ReevaluateOn, IReadOnlyList<Guid>? Items)
{
    public AgreedInput ToInput() => new(Statement, Owner?.ToString(), Measure?.ToString(), ReevaluateOn, Items?.Select(i => i.ToString()).ToList());
}

/// <summary>A pilot period (<c>from</c>, <c>to</c>) and its review (<c>heldOn</c>, <c>summary</c>), dates as yyyy-mm-dd.</summary>
public sealed record PilotReviewDto(string? From, string? To, string? HeldOn, string? Summary)
{
    public PilotReviewInput ToInput() => new(From, To, HeldOn, Summary);
}

/// <summary><c>result</c> is met, partly-met, not-met or changed; <c>response</c> is what the partners will do (needed unless met).</summary>
public sealed record EvaluationDto(Guid? Expectation, string? Result, string? Response);

internal static class ExpectationsApi
{
    public static void MapExpectationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/expectations").WithTags("Expectations");
        group.MapGet("/", GetAsync).WithName("GetExpectations")
            .WithSummary("Each partner's list status (items only once every partner has submitted, or for the caller's own organization), pairs, agreed expectations and pilot reviews.");
        group.MapPost("/items", AddItemAsync).WithName("AddExpectationItem").WithSummary("Adds an expected result to the caller's organization's list, until the lists are shown.");
        group.MapPut("/items/{itemId:guid}", UpdateItemAsync).WithName("UpdateExpectationItem").WithSummary("Rewords one of the organization's items, until the lists are shown.");
        group.MapDelete("/items/{itemId:guid}", DeleteItemAsync).WithName("DeleteExpectationItem").WithSummary("Removes one of the organization's items, until the lists are shown.");
        group.MapPost("/submit", SubmitAsync).WithName("SubmitExpectations")
            .WithSummary("A steward or planner submits the organization's list; revealed is true when every partner has, and all lists are shown.");
        group.MapPost("/pairs", PairAsync).WithName("PairExpectations").WithSummary("Pairs two shown items of different partners: same, related or conflicting, with a note.");
        group.MapDelete("/pairs/{pairId:guid}", UnpairAsync).WithName("UnpairExpectations").WithSummary("Removes a pairing; the items stay.");
        group.MapPost("/agreed", AgreeAsync).WithName("AgreeExpectation")
            .WithSummary("Records an agreed expectation from one or more items, with an owner, an optional measure of this partnership and a re-evaluation date.");
        group.MapPut("/agreed/{agreedId:guid}", UpdateAgreedAsync).WithName("UpdateAgreedExpectation").WithSummary("Changes an agreed expectation.");
        group.MapPost("/pilot-reviews", CreateReviewAsync).WithName("CreatePilotReview").WithSummary("Records a pilot period and, once held, its review.");
        group.MapPut("/pilot-reviews/{reviewId:guid}", UpdateReviewAsync).WithName("UpdatePilotReview").WithSummary("Changes a pilot review: its period, the day it was held, its summary.");
        group.MapPost("/pilot-reviews/{reviewId:guid}/evaluations", EvaluateAsync).WithName("EvaluateExpectation")
            .WithSummary("Re-evaluates an agreed expectation in the review: 201 when new, 200 when it corrects the earlier evaluation.");
    }

    private static async Task<Results<Ok<ExpectationsView>, ProblemHttpResult>> GetAsync(Guid id, ExpectationsWork expectations, CancellationToken cancellationToken) =>
        await expectations.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> AddItemAsync(Guid id, ItemDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.AddItemAsync(id, body?.Text, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/expectations", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateItemAsync(Guid id, Guid itemId, ItemDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.UpdateItemAsync(id, itemId, body?.Text, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> DeleteItemAsync(Guid id, Guid itemId, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.DeleteItemAsync(id, itemId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    private static async Task<IResult> SubmitAsync(Guid id, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.SubmitAsync(id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { revealed = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> PairAsync(Guid id, PairDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.PairAsync(id, new PairInput(body?.First?.ToString(), body?.Second?.ToString(), body?.Relation, body?.Note), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/expectations", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UnpairAsync(Guid id, Guid pairId, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.UnpairAsync(id, pairId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    private static async Task<IResult> AgreeAsync(Guid id, AgreedDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.AgreeAsync(id, (body ?? EmptyAgreed).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/expectations", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateAgreedAsync(Guid id, Guid agreedId, AgreedDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.UpdateAgreedAsync(id, agreedId, (body ?? EmptyAgreed).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> CreateReviewAsync(Guid id, PilotReviewDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.CreatePilotReviewAsync(id, (body ?? EmptyReview).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/expectations", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateReviewAsync(Guid id, Guid reviewId, PilotReviewDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.UpdatePilotReviewAsync(id, reviewId, (body ?? EmptyReview).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> EvaluateAsync(Guid id, Guid reviewId, EvaluationDto? body, ExpectationsWork expectations, CancellationToken cancellationToken)
    {
        var outcome = await expectations.EvaluateAsync(id, reviewId, new EvaluationInput(body?.Expectation?.ToString(), body?.Result, body?.Response), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }
        var result = new { expectation = body!.Expectation, created = outcome.Value };
        return outcome.Value ? TypedResults.Created($"/api/v1/partnerships/{id}/expectations", result) : TypedResults.Ok(result);
    }

    private static readonly AgreedDto EmptyAgreed = new(null, null, null, null, null);
    private static readonly PilotReviewDto EmptyReview = new(null, null, null, null);
}
