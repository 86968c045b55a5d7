using Joinery.Core.Common;
using Joinery.Core.Search;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Search;

/// <summary>
/// The fixed API contract: kind, title, snippet, link, date. The snippet is HTML: the text encoded,
/// the matched words in &lt;mark&gt;, so a client may show it as it is; the date is ISO (yyyy-mm-dd).
/// </summary>
public sealed record SearchResultDto(string Kind, string Title, string Snippet, string Link, DateOnly Date)
{
    public static SearchResultDto From(SearchHit hit) => new(hit.Kind.ToText(), hit.Title,
        string.Concat(hit.Snippet.Select(p => p.IsMatch ? $"<mark>{Encode(p.Text)}</mark>" : Encode(p.Text))), hit.Link, hit.Date);

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}

internal static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships/{id:guid}/search").WithTags("Search");
        group.MapGet("/", SearchAsync).WithName("SearchPartnership")
            .WithSummary("Searches the partnership's terms, meetings, decisions, feedback, measures, agreements and action items for ?q= (1 to 200 characters), best match first.");
    }

    private static async Task<Results<Ok<List<SearchResultDto>>, ProblemHttpResult>> SearchAsync(Guid id, string? q, SearchPartnership search,
        CancellationToken cancellationToken)
    {
        var outcome = await search.RunAsync(id, q, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.Select(SearchResultDto.From).ToList()) : Problems.Failed(outcome);
    }
}
