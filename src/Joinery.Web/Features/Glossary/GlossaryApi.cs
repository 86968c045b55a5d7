using System.Text;
using Joinery.Core.Glossary;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Glossary;

/// <summary>The fixed API contract: term, category, behavioralHealthUsage, primaryCareUsage, definition, status.</summary>
public sealed record TermDto(string? Term, string? Category, string? BehavioralHealthUsage, string? PrimaryCareUsage, string? Definition, string? Status)
{
    public GlossaryInput ToInput() => new(Term, Category, BehavioralHealthUsage, PrimaryCareUsage, Definition, Status);
}

public sealed record TranslateDto(string? Text, string? Audience);

public sealed record CommentDto(string? Text);

internal static class GlossaryApi
{
    public static void MapGlossaryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/glossary").WithTags("Glossary");
        group.MapGet("/", ListAsync).WithName("ListGlossary").WithSummary("All terms of the partnership's glossary.");
        group.MapPost("/", CreateAsync).WithName("CreateTerm").WithSummary("Adds a term; answers 201 with the term and its id.");
        group.MapGet("/{termId:guid}", GetAsync).WithName("GetTerm").WithSummary("A term with its discussion and history.");
        group.MapPut("/{termId:guid}", UpdateAsync).WithName("UpdateTerm").WithSummary("Changes a term; a new revision is kept.");
        group.MapPost("/{termId:guid}/comments", CommentAsync).WithName("CommentOnTerm").WithSummary("Adds to the discussion of a term.");
        group.MapPost("/translate", TranslateAsync).WithName("TranslateText").WithMetadata(new OpenWhenArchivedAttribute())
            .WithSummary("Finds the glossary's terms in a text: { text, audience: primary-care | behavioral-health } → { matches: [ { term, start, length, ... } ] }.");
        group.MapPost("/starter", StarterAsync).WithName("LoadStarterCrosswalk").WithSummary("Adds the starter crosswalk's terms the glossary lacks.");
        group.MapGet("/export.csv", ExportAsync).WithName("ExportGlossary").WithSummary("The glossary as CSV.");
        group.MapPost("/import", ImportAsync).WithName("ImportGlossary").WithMetadata(new UploadLimitAttribute(GlossaryCsv.MaxBytes))
            .WithSummary("Imports CSV sent as the request body (text/csv); nothing is imported when any row is bad (400 lists the rows).");
    }

    private static async Task<Results<Ok<List<TermView>>, ProblemHttpResult>> ListAsync(Guid id, GlossaryWork glossary, CancellationToken cancellationToken) =>
        await glossary.ListAsync(id, cancellationToken) is { } terms ? TypedResults.Ok(terms) : Problems.NotFound();

    private static async Task<Results<Ok<TermDetails>, ProblemHttpResult>> GetAsync(Guid id, Guid termId, GlossaryWork glossary, CancellationToken cancellationToken) =>
        await glossary.GetAsync(id, termId, cancellationToken) is { } term ? TypedResults.Ok(term) : Problems.NotFound();

    private static async Task<IResult> CreateAsync(Guid id, TermDto? body, GlossaryWork glossary, CancellationToken cancellationToken)
    {
        var outcome = await glossary.CreateAsync(id, (body ?? new TermDto(null, null, null, null, null, null)).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/glossary/{outcome.Value!.Id}", outcome.Value) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateAsync(Guid id, Guid termId, TermDto? body, GlossaryWork glossary, CancellationToken cancellationToken)
    {
        var outcome = await glossary.UpdateAsync(id, termId, (body ?? new TermDto(null, null, null, null, null, null)).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }

    private static async Task<IResult> CommentAsync(Guid id, Guid termId, CommentDto? body, GlossaryWork glossary, CancellationToken cancellationToken)
    {
        var outcome = await glossary.CommentAsync(id, termId, body?.Text, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/glossary/{termId}", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> TranslateAsync(Guid id, TranslateDto? body, GlossaryWork glossary, CancellationToken cancellationToken)
    {
        var outcome = await glossary.TranslateAsync(id, body?.Text, body?.Audience, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }

    private static async Task<IResult> StarterAsync(Guid id, GlossaryWork glossary, CancellationToken cancellationToken)
    {
        var outcome = await glossary.LoadStarterAsync(id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { added = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> ExportAsync(Guid id, GlossaryWork glossary, CancellationToken cancellationToken) =>
        await glossary.ListAsync(id, cancellationToken) is { } terms
            ? TypedResults.File(Encoding.UTF8.GetBytes(GlossaryCsv.Write(terms)), "text/csv", "glossary.csv")
            : Problems.NotFound();

    private static async Task<IResult> ImportAsync(Guid id, HttpRequest request, GlossaryWork glossary, Joinery.Core.Data.JoineryDb db, CancellationToken cancellationToken)
    {
        // Tenancy first: an outsider learns nothing, not even whether their file would parse.
        if (!await db.CanSeePartnershipAsync(id, cancellationToken))
        {
            return Problems.NotFound();
        }
        var text = await TextUpload.ReadAsync(request, GlossaryCsv.MaxBytes, cancellationToken);
        if (text is null)
        {
            return TextUpload.TooLarge(GlossaryCsv.MaxBytes);
        }
        var (rows, error) = GlossaryCsv.Read(text);
        if (error is not null)
        {
            return TextUpload.Unreadable(error);
        }
        var outcome = await glossary.ImportAsync(id, rows, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { added = outcome.Value.Added, updated = outcome.Value.Updated }) : Problems.From(outcome);
    }
}
