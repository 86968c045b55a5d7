using Joinery.Core.Feedback;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Feedback;

public sealed record FeedbackDto(string? Kind, string? Title, string? Body, bool? Anonymous);

public sealed record FeedbackStatusDto(string? Status, string? Reason);

public sealed record FeedbackAnswerDto(string? Answer);

internal static class FeedbackApi
{
    public static void MapFeedbackApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/feedback").WithTags("Feedback");
        group.MapGet("/", ListAsync).WithName("ListFeedback")
            .WithSummary("Feedback items, newest first, with status, public answer, ageDays and waitingDays (days without an answer). Anonymous items never carry an author. Filter with ?kind= and ?status=.");
        group.MapPost("/", PostAsync).WithName("PostFeedback")
            .WithSummary("Posts feedback { kind: positive|negative|idea, title, body, anonymous }; any member, viewers too. When anonymous, nothing about the writer is stored.");
        group.MapGet("/you-said-we-did", YouSaidWeDidAsync).WithName("YouSaidWeDid")
            .WithSummary("You said, we did: the items done because of feedback, with their answer and the date they were done.");
        group.MapGet("/{feedbackId:guid}", GetAsync).WithName("GetFeedback")
            .WithSummary("A feedback item with its answer, status history and \"me too\" count.");
        group.MapPost("/{feedbackId:guid}/status", StatusAsync).WithName("SetFeedbackStatus")
            .WithSummary("Stewards and executives set { status, reason }: acknowledged, in-progress, done (needs the answer first) or wont-do (needs the reason). The answer is set with PUT .../answer.");
        group.MapPut("/{feedbackId:guid}/answer", AnswerAsync).WithName("AnswerFeedback")
            .WithSummary("Stewards and executives write the public { answer }; answering a new item acknowledges it. The status is set with POST .../status.");
        group.MapPost("/{feedbackId:guid}/support", SupportAsync).WithName("SupportFeedback")
            .WithSummary("\"Me too\" from the caller, counted once per member; answers the number of supporters.");
    }

    private static async Task<IResult> ListAsync(Guid id, string? kind, string? status, FeedbackWork feedback, CancellationToken cancellationToken)
    {
        var outcome = await feedback.ListAsync(id, kind, status, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }

    private static async Task<Results<Ok<FeedbackDetails>, ProblemHttpResult>> GetAsync(Guid id, Guid feedbackId, FeedbackWork feedback, CancellationToken cancellationToken) =>
        await feedback.GetAsync(id, feedbackId, cancellationToken) is { } details ? TypedResults.Ok(details) : Problems.NotFound();

    private static async Task<Results<Ok<List<YouSaidWeDid>>, ProblemHttpResult>> YouSaidWeDidAsync(Guid id, FeedbackWork feedback, CancellationToken cancellationToken) =>
        await feedback.YouSaidWeDidAsync(id, cancellationToken) is { } done ? TypedResults.Ok(done) : Problems.NotFound();

    private static async Task<IResult> PostAsync(Guid id, FeedbackDto? body, FeedbackWork feedback, CancellationToken cancellationToken)
    {
        var outcome = await feedback.PostAsync(id, new FeedbackInput(body?.Kind, body?.Title, body?.Body, body?.Anonymous ?? false), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/feedback/{outcome.Value}", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> StatusAsync(Guid id, Guid feedbackId, FeedbackStatusDto? body, FeedbackWork feedback, CancellationToken cancellationToken)
    {
        var outcome = await feedback.SetStatusAsync(id, feedbackId, new FeedbackStatusInput(body?.Status, body?.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { status = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> AnswerAsync(Guid id, Guid feedbackId, FeedbackAnswerDto? body, FeedbackWork feedback, CancellationToken cancellationToken)
    {
        var outcome = await feedback.AnswerAsync(id, feedbackId, body?.Answer, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { status = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> SupportAsync(Guid id, Guid feedbackId, FeedbackWork feedback, CancellationToken cancellationToken)
    {
        var outcome = await feedback.SupportAsync(id, feedbackId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { supporters = outcome.Value }) : Problems.From(outcome);
    }
}
