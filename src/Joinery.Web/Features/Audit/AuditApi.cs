using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Web.Infrastructure;

namespace Joinery.Web.Features.Audit;

internal static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api) =>
        api.MapGet("/partnerships/{id:guid}/audit", GetAsync).WithTags("Audit").WithName("GetAuditTrail")
            .WithSummary("The partnership's audit trail, newest first (stewards). Filters: action (prefix), door, from, to (yyyy-mm-dd), limit.");

    private static async Task<IResult> GetAsync(Guid id, AuditTrail trail, string? action, string? door, DateOnly? from, DateOnly? to, int? limit,
        CancellationToken cancellationToken)
    {
        Door? doorFilter = null;
        if (!string.IsNullOrWhiteSpace(door))
        {
            if (!EnumText.TryParse<Door>(door, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["door"] = ["Choose web, api or cli."] });
            }
            doorFilter = parsed;
        }
        var outcome = await trail.ForPartnershipAsync(id, new AuditFilter(action, null, doorFilter, from, to, limit ?? 500), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }
}
