using System.Globalization;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Web.Infrastructure;

namespace Joinery.Web.Features.Audit;

internal static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api) =>
        api.MapGet("/partnerships/{id:guid}/audit", GetAsync).WithTags("Audit").WithName("GetAuditTrail")
            .WithSummary("The partnership's audit trail, newest first (stewards). Filters: action (prefix), door, from, to (yyyy-mm-dd), limit.");

    private static async Task<IResult> GetAsync(Guid id, AuditTrail trail, string? action, string? door, string? from, string? to, string? limit,
        CancellationToken cancellationToken)
    {
        // Query values are parsed here, not by the binder, so a bad one gets a message naming it.
        var errors = new Dictionary<string, string[]>();
        Door? doorFilter = null;
        if (!string.IsNullOrWhiteSpace(door))
        {
            if (EnumText.TryParse<Door>(door, out var parsed))
            {
                doorFilter = parsed;
            }
            else
            {
                errors["door"] = ["Choose web, api or cli."];
            }
        }
        var fromDate = ParseDate("from", from, errors);
        var toDate = ParseDate("to", to, errors);
        var rows = 500;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, CultureInfo.InvariantCulture, out rows) || rows is < 1 or > AuditTrail.MaxLimit))
        {
            errors["limit"] = [$"Give a whole number from 1 to {AuditTrail.MaxLimit}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems to fix.");
        }
        var outcome = await trail.ForPartnershipAsync(id, new AuditFilter(action, null, doorFilter, fromDate, toDate, rows), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }

    private static DateOnly? ParseDate(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = ["Give the date as yyyy-mm-dd."];
        return null;
    }
}
