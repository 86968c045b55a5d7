using System.Text;
using Joinery.Core.Common;
using Joinery.Core.Trust;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Trust;

/// <summary>One answer: the statement's id (from GET .../pulse/{round}) and a whole score from 1 to 5.</summary>
public sealed record PulseAnswerDto(string? Item, int? Score);

public sealed record PulseAnswersDto(IReadOnlyList<PulseAnswerDto>? Answers, string? Comment);

internal static class TrustApi
{
    public static void MapTrustApi(this RouteGroupBuilder api)
    {
        api.MapGet("/partnerships/{id:guid}/trust", FaceToFaceAsync).WithTags("Trust").WithName("GetFaceToFaceTime")
            .WithSummary("Face-to-face time by partner and level, across partners by level, and over time (?by=month|quarter).");

        var pulse = api.MapGroup("/partnerships/{id:guid}/pulse").WithTags("Trust");
        pulse.MapGet("/", OverviewAsync).WithName("GetPulse")
            .WithSummary("The pulse rounds with the trend per statement; means only for closed rounds with five or more answers.");
        pulse.MapPost("/rounds", OpenAsync).WithName("OpenPulseRound").WithSummary("Stewards open a round (one open at a time): 201 { id, number }.");
        pulse.MapGet("/{round:guid}", RoundAsync).WithName("GetPulseRound").WithSummary("A round with its statements; their ids are what answers carry.");
        pulse.MapPost("/{round:guid}/answers", AnswerAsync).WithName("AnswerPulseRound")
            .WithSummary("A member's anonymous answers: { answers: [ { item, score 1-5 } ] (every statement once), comment? }. Once per round (409 after).");
        pulse.MapPost("/{round:guid}/close", CloseAsync).WithName("ClosePulseRound").WithSummary("Stewards close a round; its results are shown from then on.");
        pulse.MapGet("/{round:guid}/results", ResultsAsync).WithName("GetPulseResults")
            .WithSummary("Results by whole partnership, organization and level: groups under five (or withheld) give n and suppressed: true, no scores.");
        pulse.MapGet("/{round:guid}/results.csv", ResultsCsvAsync).WithName("ExportPulseResults").WithSummary("The results as CSV, with the same suppression.");
    }

    private static async Task<IResult> FaceToFaceAsync(Guid id, string? by, TrustWork trust, CancellationToken cancellationToken)
    {
        var period = ContactPeriod.Month;
        var valid = string.IsNullOrEmpty(by) || EnumText.TryParse<ContactPeriod>(by, out period);
        if (await trust.FaceToFaceAsync(id, valid ? period : ContactPeriod.Month, cancellationToken) is not { } view)
        {
            return Problems.NotFound();
        }
        return valid
            ? TypedResults.Ok(view)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = ["Choose by=month or by=quarter."] }, title: "The request has problems to fix.");
    }

    private static async Task<Results<Ok<PulseOverview>, ProblemHttpResult>> OverviewAsync(Guid id, PulseWork pulse, CancellationToken cancellationToken) =>
        await pulse.OverviewAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<Ok<PulseRoundView>, ProblemHttpResult>> RoundAsync(Guid id, Guid round, PulseWork pulse, CancellationToken cancellationToken) =>
        await pulse.GetRoundAsync(id, round, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<Ok<PulseResults>, ProblemHttpResult>> ResultsAsync(Guid id, Guid round, PulseWork pulse, CancellationToken cancellationToken) =>
        await pulse.ResultsAsync(id, round, cancellationToken) is { } results ? TypedResults.Ok(results) : Problems.NotFound();

    private static async Task<IResult> ResultsCsvAsync(Guid id, Guid round, PulseWork pulse, CancellationToken cancellationToken) =>
        await pulse.ResultsAsync(id, round, cancellationToken) is { } results
            ? TypedResults.File(Encoding.UTF8.GetBytes(PulseCsv.Write(results)), "text/csv", $"pulse-round-{results.Number}.csv")
            : Problems.NotFound();

    private static async Task<IResult> OpenAsync(Guid id, PulseWork pulse, CancellationToken cancellationToken)
    {
        var outcome = await pulse.OpenRoundAsync(id, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/pulse/{outcome.Value!.Id}", new { id = outcome.Value.Id, number = outcome.Value.Number })
            : Problems.From(outcome);
    }

    private static async Task<IResult> AnswerAsync(Guid id, Guid round, PulseAnswersDto? body, PulseWork pulse, CancellationToken cancellationToken)
    {
        var answers = body?.Answers?.Select(a => new PulseAnswerInput(a?.Item, a?.Score)).ToList();
        var outcome = await pulse.SubmitAsync(id, round, new PulseSubmission(answers, body?.Comment), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/pulse/{round}/results", new { received = outcome.Value })
            : Problems.From(outcome);
    }

    private static async Task<IResult> CloseAsync(Guid id, Guid round, PulseWork pulse, CancellationToken cancellationToken)
    {
        var outcome = await pulse.CloseRoundAsync(id, round, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { respondents = outcome.Value }) : Problems.From(outcome);
    }
}
