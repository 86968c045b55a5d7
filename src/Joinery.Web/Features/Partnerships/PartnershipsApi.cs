using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Partnerships;

/// <summary>to: the next phase, close (reason required: why the partners end it), or, from close, the phase it came from (reason required); reason also when the gate is not met.</summary>
public sealed record PhaseMoveDto(string? To, string? Reason);

internal static class PartnershipsApi
{
    public static void MapPartnershipsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships").WithTags("Partnerships");
        group.MapGet("/", ListAsync).WithName("ListPartnerships").WithSummary("The partnerships the caller belongs to.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPartnership").WithSummary("A partnership: partners, phase, members, phase changes.");
        group.MapGet("/{id:guid}/roadmap", GetRoadmapAsync).WithName("GetRoadmap").WithSummary("Lifecycle phases with gate criteria, and the eight steps.");
        group.MapPost("/{id:guid}/phase", MoveAsync).WithName("MovePhase")
            .WithSummary("A steward moves the partnership to the next phase, to Close, or from Close back where it was; a reason is needed past an unmet gate and for a close.");
        group.MapGet("/{id:guid}/members", GetMembersAsync).WithName("ListMembers").WithSummary("Members with organization, role, level and champion flag.");
    }

    private static async Task<Ok<List<PartnershipSummary>>> ListAsync(JoineryDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ListMyPartnershipsAsync(cancellationToken));

    private static async Task<Results<Ok<PartnershipView>, ProblemHttpResult>> GetAsync(Guid id, JoineryDb db, CancellationToken cancellationToken) =>
        await db.GetPartnershipAsync(id, cancellationToken) is { } partnership ? TypedResults.Ok(partnership) : Problems.NotFound();

    private static async Task<Results<Ok<RoadmapView>, ProblemHttpResult>> GetRoadmapAsync(Guid id, ComputeRoadmap roadmap, CancellationToken cancellationToken) =>
        await roadmap.RunAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> MoveAsync(Guid id, PhaseMoveDto? body, MovePhase move, CancellationToken cancellationToken)
    {
        var outcome = await move.RunAsync(id, new PhaseMove(body?.To, body?.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { phase = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<Results<Ok<List<MemberView>>, ProblemHttpResult>> GetMembersAsync(Guid id, JoineryDb db, CancellationToken cancellationToken) =>
        await db.FindPartnershipAsync(id.ToString(), cancellationToken) is null
            ? Problems.NotFound()
            : TypedResults.Ok(await db.ListMembersAsync(id, cancellationToken));
}
