using Joinery.Core.Expectations;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Expectations;

public sealed record ItemDto(string? Text);

/// <summary>Whether this submission was the last, so every list is now shown.</summary>
public sealed record SubmittedResult(bool Revealed);

/// <summary>The agreed expectation re-evaluated, and whether the evaluation is new (false when it corrects the earlier one).</summary>
public sealed record EvaluatedResult(Guid? Expectation, bool Created);

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

    private static async Task<Results<Ok<ExpectationsView>, ProblemHttpResult>> GetAsync(Guid id, ShowExpectations show, CancellationToken cancellationToken) =>
        await show.RunAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<Created<RecordId>, ProblemHttpResult>> AddItemAsync(Guid id, ItemDto? body, AddExpectation add,
        CancellationToken cancellationToken)
    {
        var outcome = await add.RunAsync(id, body?.Text, cancellationToken);
        return outcome.Succeeded ? Created(id, outcome.Value) : Problems.Failed(outcome);
    }

    private static async Task<Results<Ok<RecordId>, ProblemHttpResult>> UpdateItemAsync(Guid id, Guid itemId, ItemDto? body, ChangeExpectation change,
        CancellationToken cancellationToken)
    {
        var outcome = await change.RunAsync(id, itemId, body?.Text, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteItemAsync(Guid id, Guid itemId, RemoveExpectation remove, CancellationToken cancellationToken)
    {
        var outcome = await remove.RunAsync(id, itemId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Failed(outcome);
    }

    private static async Task<Results<Ok<SubmittedResult>, ProblemHttpResult>> SubmitAsync(Guid id, SubmitExpectations submit, CancellationToken cancellationToken)
    {
        var outcome = await submit.RunAsync(id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new SubmittedResult(outcome.Value)) : Problems.Failed(outcome);
    }

    private static async Task<Results<Created<RecordId>, ProblemHttpResult>> PairAsync(Guid id, PairInput? body, PairExpectations pair, CancellationToken cancellationToken)
    {
        var outcome = await pair.RunAsync(id, body ?? EmptyPair, cancellationToken);
        return outcome.Succeeded ? Created(id, outcome.Value) : Problems.Failed(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnpairAsync(Guid id, Guid pairId, UnpairExpectations unpair, CancellationToken cancellationToken)
    {
        var outcome = await unpair.RunAsync(id, pairId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Failed(outcome);
    }

    private static async Task<Results<Created<RecordId>, ProblemHttpResult>> AgreeAsync(Guid id, AgreedInput? body, AgreeExpectation agree, CancellationToken cancellationToken)
    {
        var outcome = await agree.RunAsync(id, body ?? EmptyAgreed, cancellationToken);
        return outcome.Succeeded ? Created(id, outcome.Value) : Problems.Failed(outcome);
    }

    private static async Task<Results<Ok<RecordId>, ProblemHttpResult>> UpdateAgreedAsync(Guid id, Guid agreedId, AgreedInput? body, ChangeAgreedExpectation change,
        CancellationToken cancellationToken)
    {
        var outcome = await change.RunAsync(id, agreedId, body ?? EmptyAgreed, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    private static async Task<Results<Created<RecordId>, ProblemHttpResult>> CreateReviewAsync(Guid id, PilotReviewInput? body, RecordPilotReview record,
        CancellationToken cancellationToken)
    {
        var outcome = await record.RunAsync(id, body ?? EmptyReview, cancellationToken);
        return outcome.Succeeded ? Created(id, outcome.Value) : Problems.Failed(outcome);
    }

    private static async Task<Results<Ok<RecordId>, ProblemHttpResult>> UpdateReviewAsync(Guid id, Guid reviewId, PilotReviewInput? body, ChangePilotReview change,
        CancellationToken cancellationToken)
    {
        var outcome = await change.RunAsync(id, reviewId, body ?? EmptyReview, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    private static async Task<Results<Created<EvaluatedResult>, Ok<EvaluatedResult>, ProblemHttpResult>> EvaluateAsync(Guid id, Guid reviewId, EvaluationInput? body,
        EvaluateExpectation evaluate, CancellationToken cancellationToken)
    {
        var input = body ?? EmptyEvaluation;
        var outcome = await evaluate.RunAsync(id, reviewId, input, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Problems.Failed(outcome);
        }
        var result = new EvaluatedResult(input.Expectation, outcome.Value);
        return outcome.Value ? TypedResults.Created($"/api/v1/partnerships/{id}/expectations", result) : TypedResults.Ok(result);
    }

    /// <summary>Every record of step 5 is read through the expectations view, so a new one points there.</summary>
    private static Created<RecordId> Created(Guid partnershipId, Guid recordId) =>
        TypedResults.Created($"/api/v1/partnerships/{partnershipId}/expectations", new RecordId(recordId));

    private static readonly PairInput EmptyPair = new(null, null, null, null);
    private static readonly AgreedInput EmptyAgreed = new(null, null, null, null, null);
    private static readonly PilotReviewInput EmptyReview = new(null, null, null, null);
    private static readonly EvaluationInput EmptyEvaluation = new(null, null, null);
}
