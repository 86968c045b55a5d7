using System.Globalization;
using System.Text;
using Joinery.Core.Common;
using Joinery.Core.Measures;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Measures;

/// <summary>A measure definition. For a proportion, <c>target</c> is a percentage (0–100) and <c>unit</c> is "%".</summary>
public sealed record MeasureDto(string? Name, string? WhyItMatters, string? Type, string? Kind, string? Unit, string? Numerator, string? Denominator,
    string? DataSource, Guid? Owner, string? BetterDirection, double? Target, string? Frequency)
{
    public MeasureInput ToInput() => new(Name, WhyItMatters, Type, Kind, Unit, Numerator, Denominator, DataSource, Owner?.ToString(), BetterDirection,
        Target?.ToString(CultureInfo.InvariantCulture), Frequency);
}

/// <summary>One period: <c>numerator</c> and <c>denominator</c> for a proportion, <c>value</c> for a value measure.</summary>
public sealed record PointDto(string? Period, double? Numerator, double? Denominator, double? Value, string? Note)
{
    public PointInput ToInput() => new(Period, Numerator?.ToString(CultureInfo.InvariantCulture), Denominator?.ToString(CultureInfo.InvariantCulture),
        Value?.ToString(CultureInfo.InvariantCulture), Note);
}

public sealed record FlagDto(string? Period, bool Astronomical, string? Note);

public sealed record BaselineDto(string? From, string? To, double? Value);

public sealed record CycleDto(string? Title, string? Plan, string? Prediction, string? Do, string? Study, string? Act, string? NextStep, string? StartedOn, string? EndedOn)
{
    public CycleInput ToInput() => new(Title, Plan, Prediction, Do, Study, Act, NextStep, StartedOn, EndedOn);
}

internal static class MeasuresApi
{
    public static void MapMeasuresApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/measures").WithTags("Measures");
        group.MapGet("/", ListAsync).WithName("ListMeasures").WithSummary("The partnership's measures with their latest data and unfavourable signals.");
        group.MapPost("/", CreateAsync).WithName("CreateMeasure").WithSummary("Defines a measure; kind is proportion or value, betterDirection up or down.");
        group.MapGet("/templates", TemplatesAsync).WithName("ListMeasureTemplates").WithSummary("Ready-made measures, including the partnership benefits.");
        group.MapGet("/{measureId:guid}", GetAsync).WithName("GetMeasure").WithSummary("A measure's definition, baseline and improvement cycles.");
        group.MapPut("/{measureId:guid}", UpdateAsync).WithName("UpdateMeasure").WithSummary("Changes a measure's definition.");
        group.MapPost("/{measureId:guid}/points", PointAsync).WithName("RecordMeasurePoint")
            .WithSummary("Records one month (period yyyy-mm): 201 when new, 200 when it corrects that month's data.");
        group.MapPost("/{measureId:guid}/points/import", ImportAsync).WithName("ImportMeasurePoints")
            .WithMetadata(new UploadLimitAttribute(MeasuresCsv.MaxBytes))
            .WithSummary("Imports CSV sent as the request body (text/csv; columns period,numerator,denominator,value,note): all rows or none, with row-numbered errors.");
        group.MapGet("/{measureId:guid}/points.csv", ExportAsync).WithName("ExportMeasurePoints").WithSummary("The measure's data as CSV.");
        group.MapPost("/{measureId:guid}/flags", FlagAsync).WithName("FlagMeasurePoint").WithSummary("Flags (or unflags) a month's point as astronomical.");
        group.MapPut("/{measureId:guid}/baseline", BaselineAsync).WithName("SetMeasureBaseline")
            .WithSummary("Sets the baseline period; without a value, the median of its data. The chart's centre line freezes there.");
        group.MapGet("/{measureId:guid}/chart", ChartAsync).WithName("GetMeasureChart")
            .WithSummary("The chart: points, median, target, signals [{rule, points}] and cycles; type=run (default) or control (p-chart or XmR).");
        group.MapPost("/{measureId:guid}/cycles", CreateCycleAsync).WithName("CreateImprovementCycle").WithSummary("Starts a plan-do-study-act cycle on this measure.");
        group.MapPut("/{measureId:guid}/cycles/{cycleId:guid}", UpdateCycleAsync).WithName("UpdateImprovementCycle")
            .WithSummary("Records what happened, what was learned and the decision: adopt, adapt or abandon.");
    }

    private static async Task<Results<Ok<List<MeasureSummary>>, ProblemHttpResult>> ListAsync(Guid id, MeasuresWork measures, CancellationToken cancellationToken) =>
        await measures.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : Problems.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<MeasureTemplate>>, ProblemHttpResult>> TemplatesAsync(Guid id, MeasuresWork measures, CancellationToken cancellationToken) =>
        await measures.ListAsync(id, cancellationToken) is not null ? TypedResults.Ok(MeasureTemplates.All) : Problems.NotFound();

    private static async Task<Results<Ok<MeasureDetails>, ProblemHttpResult>> GetAsync(Guid id, Guid measureId, MeasuresWork measures, CancellationToken cancellationToken) =>
        await measures.GetAsync(id, measureId, cancellationToken) is { } details ? TypedResults.Ok(details) : Problems.NotFound();

    private static async Task<IResult> CreateAsync(Guid id, MeasureDto? body, MeasuresWork measures, CancellationToken cancellationToken)
    {
        var outcome = await measures.CreateAsync(id, (body ?? Empty).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/measures/{outcome.Value}", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateAsync(Guid id, Guid measureId, MeasureDto? body, MeasuresWork measures, CancellationToken cancellationToken)
    {
        var outcome = await measures.UpdateAsync(id, measureId, (body ?? Empty).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> PointAsync(Guid id, Guid measureId, PointDto? body, MeasuresWork measures, CancellationToken cancellationToken)
    {
        var outcome = await measures.RecordPointAsync(id, measureId, (body ?? new PointDto(null, null, null, null, null)).ToInput(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome);
        }
        var location = $"/api/v1/partnerships/{id}/measures/{measureId}/chart";
        return outcome.Value ? TypedResults.Created(location, new { period = body!.Period, created = true }) : TypedResults.Ok(new { period = body!.Period, created = false });
    }

    private static async Task<IResult> ImportAsync(Guid id, Guid measureId, HttpRequest request, MeasuresWork measures, CancellationToken cancellationToken)
    {
        if (await measures.GetAsync(id, measureId, cancellationToken) is null)
        {
            return Problems.NotFound();
        }
        var text = await TextUpload.ReadAsync(request, MeasuresCsv.MaxBytes, cancellationToken);
        if (text is null)
        {
            return TextUpload.TooLarge(MeasuresCsv.MaxBytes);
        }
        var (rows, error) = MeasuresCsv.Read(text);
        if (error is not null)
        {
            return TextUpload.Unreadable(error);
        }
        var outcome = await measures.ImportAsync(id, measureId, rows, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { added = outcome.Value.Added, updated = outcome.Value.Updated }) : Problems.From(outcome);
    }

    private static async Task<IResult> ExportAsync(Guid id, Guid measureId, MeasuresWork measures, CancellationToken cancellationToken) =>
        await measures.ChartAsync(id, measureId, ChartType.Run, cancellationToken) is { } chart
            ? TypedResults.File(Encoding.UTF8.GetBytes(MeasuresCsv.Write(chart.Points)), "text/csv; charset=utf-8", "measure-data.csv")
            : Problems.NotFound();

    private static async Task<IResult> FlagAsync(Guid id, Guid measureId, FlagDto? body, MeasuresWork measures, CancellationToken cancellationToken)
    {
        var outcome = await measures.FlagAsync(id, measureId, body?.Period, body?.Astronomical ?? false, body?.Note, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { period = body!.Period, astronomical = body.Astronomical }) : Problems.From(outcome);
    }

    private static async Task<IResult> BaselineAsync(Guid id, Guid measureId, BaselineDto? body, MeasuresWork measures, CancellationToken cancellationToken)
    {
        var outcome = await measures.SetBaselineAsync(id, measureId,
            new BaselineInput(body?.From, body?.To, body?.Value?.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { from = body!.From, to = body.To, value = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> ChartAsync(Guid id, Guid measureId, string? type, MeasuresWork measures, CancellationToken cancellationToken)
    {
        if (!EnumText.TryParse<ChartType>(type ?? "run", out var chartType))
        {
            return Problems.From(Outcome<int>.Invalid("type", "Choose the chart type: run or control."));
        }
        return await measures.ChartAsync(id, measureId, chartType, cancellationToken) is { } chart ? TypedResults.Ok(chart) : Problems.NotFound();
    }

    private static async Task<IResult> CreateCycleAsync(Guid id, Guid measureId, CycleDto? body, MeasuresWork measures, CancellationToken cancellationToken)
    {
        var outcome = await measures.SaveCycleAsync(id, measureId, null, (body ?? EmptyCycle).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/measures/{measureId}", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateCycleAsync(Guid id, Guid measureId, Guid cycleId, CycleDto? body, MeasuresWork measures, CancellationToken cancellationToken)
    {
        var outcome = await measures.SaveCycleAsync(id, measureId, cycleId, (body ?? EmptyCycle).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static readonly MeasureDto Empty = new(null, null, null, null, null, null, null, null, null, null, null, null);
    private static readonly CycleDto EmptyCycle = new(null, null, null, null, null, null, null, null, null);
}
