using Joinery.Core.Readiness;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Readiness;

/// <summary>A readiness answer: score 1–5, or null for "don't know".</summary>
public sealed record ReadinessAnswerDto(string Item, int? Score);

public sealed record ReadinessCommentDto(string Factor, string? Text);

public sealed record ReadinessSubmissionDto(IReadOnlyList<ReadinessAnswerDto>? Answers, IReadOnlyList<ReadinessCommentDto>? Comments);

public sealed record ReadinessQuestionnaire(IReadOnlyList<ReadinessFactor> Factors);

internal static class ReadinessApi
{
    public static void MapReadinessApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/readiness").WithTags("Readiness");
        group.MapGet("/", GetAsync).WithName("GetReadiness")
            .WithSummary("The latest (or ?round=N) readiness round: progress per partner and the results visible to the caller.");
        group.MapGet("/questions", GetQuestionsAsync).WithName("GetReadinessQuestions").WithSummary("The factors and statements of the check.");
        group.MapPost("/rounds", OpenRoundAsync).WithName("OpenReadinessRound").WithSummary("Stewards start a new round once the last is complete.");
        group.MapPost("/responses", SubmitAsync).WithName("SubmitReadiness")
            .WithSummary("An executive or manager submits (or revises) their answers: every statement scored 1–5 or null for don't know.");
    }

    private static async Task<Results<Ok<ReadinessView>, ProblemHttpResult>> GetAsync(Guid id, int? round, ReadinessCheck readiness, CancellationToken cancellationToken) =>
        await readiness.GetAsync(id, round, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<Ok<ReadinessQuestionnaire>, ProblemHttpResult>> GetQuestionsAsync(Guid id, Joinery.Core.Data.JoineryDb db, CancellationToken cancellationToken) =>
        await db.CanSeePartnershipAsync(id, cancellationToken)
            ? TypedResults.Ok(new ReadinessQuestionnaire(ReadinessCatalog.Factors))
            : Problems.NotFound();

    private static async Task<IResult> OpenRoundAsync(Guid id, ReadinessCheck readiness, CancellationToken cancellationToken)
    {
        var outcome = await readiness.OpenRoundAsync(id, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/readiness?round={outcome.Value}", new { round = outcome.Value })
            : Problems.From(outcome);
    }

    private static async Task<IResult> SubmitAsync(Guid id, ReadinessSubmissionDto? body, ReadinessCheck readiness, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var answer in body?.Answers ?? [])
        {
            answers[answer.Item ?? ""] = answer.Score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : ReadinessCheck.DontKnow;
        }
        var comments = (body?.Comments ?? []).GroupBy(c => c.Factor ?? "").ToDictionary(g => g.Key, g => g.Last().Text, StringComparer.Ordinal);
        var outcome = await readiness.SubmitAsync(id, new ReadinessSubmission(answers, comments), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/readiness", new { id = outcome.Value })
            : Problems.From(outcome);
    }
}
