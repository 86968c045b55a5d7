using Joinery.Core.Close;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Close;

/// <summary>
/// A service's transition plan: continuedBy is a partner's organization id, or leave it out and name
/// continuingProvider; recordsKeptBy a partner's organization id; owner a member's user id; dates
/// yyyy-mm-dd, the three "done" dates empty until done.
/// </summary>
public sealed record TransitionDto(Guid? ContinuedBy, string? ContinuingProvider, string? HowTold, Guid? RecordsKeptBy, string? Records,
    int? PeopleServed, Guid? Owner, string? DueOn, string? CareHandedOverOn, string? PeopleToldOn, string? RecordsSettledOn)
{
    public TransitionInput ToInput() => new(ContinuedBy?.ToString(), ContinuingProvider, HowTold, RecordsKeptBy?.ToString(), Records,
        PeopleServed?.ToString(System.Globalization.CultureInfo.InvariantCulture), Owner?.ToString(), DueOn, CareHandedOverOn, PeopleToldOn, RecordsSettledOn);
}

/// <summary>confirm must be true: archiving cannot be undone.</summary>
public sealed record ArchiveDto(bool Confirm);

internal static class CloseApi
{
    public static void MapCloseApi(this RouteGroupBuilder api)
    {
        var close = api.MapGroup("/partnerships/{id:guid}/close").WithTags("Close");
        close.MapGet("/", GetAsync).WithName("GetClose")
            .WithSummary("The close: the reason, each service's transition plan and progress, the agreements to wind down, what archiving needs, and whether it is archived.");
        close.MapPut("/transitions/{serviceId:guid}", TransitionAsync).WithName("SaveTransition")
            .WithSummary("Records or changes a service's transition plan (who continues care, how people are told, who keeps which records) and the dates each was done.");
        close.MapPost("/archive", ArchiveAsync).WithName("ArchivePartnership")
            .WithSummary("A steward archives a closing partnership once every transition is done and every agreement ended; it becomes read-only for good.");
    }

    private static async Task<Results<Ok<CloseView>, ProblemHttpResult>> GetAsync(Guid id, CloseWork work, CancellationToken cancellationToken) =>
        await work.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> TransitionAsync(Guid id, Guid serviceId, TransitionDto? body, CloseWork work, CancellationToken cancellationToken)
    {
        var input = body?.ToInput() ?? new TransitionInput(null, null, null, null, null);
        var outcome = await work.SaveTransitionAsync(id, serviceId, input, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> ArchiveAsync(Guid id, ArchiveDto? body, CloseWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.ArchiveAsync(id, new ArchiveInput(body?.Confirm == true), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value, archived = true }) : Problems.From(outcome);
    }
}
