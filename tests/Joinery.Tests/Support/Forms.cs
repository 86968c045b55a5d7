using System.Net;
using System.Text.RegularExpressions;

namespace Joinery.Tests.Support;

/// <summary>One message of a page's error summary and the field it links to ("Invite_Email"), or "" for the page as a whole.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Submitting forms the way a browser without script does, and reading what the page says back.</summary>
public static partial class Forms
{
    /// <summary>Reads the antiforgery token from <paramref name="tokenPage"/> (any page the client may open) and posts the fields with it.</summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string tokenPage, string action, Dictionary<string, string> fields) =>
        client.SubmitFormAsync(tokenPage, action, fields.AsEnumerable());

    /// <summary>As above, for forms that send one name several times (checkbox lists).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string tokenPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.AntiforgeryTokenAsync(tokenPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Posts with a valid antiforgery token taken from the home page (every signed-in page carries one in the sign-out form).</summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string action, Dictionary<string, string> fields) =>
        client.SubmitFormAsync("/", action, fields);

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {page} to read an antiforgery token");
        var match = TokenPattern().Match(html);
        match.Success.ShouldBeTrue($"{page} has no antiforgery token");
        return match.Groups[1].Value;
    }

    public static async Task<string> ReadPageAsync(this HttpClient client, string page, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(page);
        response.StatusCode.ShouldBe(expected, $"GET {page}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page's error summary (Shared/_Errors.cshtml): each message with the field it links to.</summary>
    public static List<FieldError> ErrorSummary(string html)
    {
        var summary = SummaryPattern().Match(html);
        if (!summary.Success)
        {
            return [];
        }
        return ErrorItemPattern().Matches(summary.Groups[1].Value)
            .Select(m => new FieldError(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value).Trim()))
            .ToList();
    }

    public static async Task<List<FieldError>> ErrorSummaryAsync(this HttpResponseMessage response) =>
        ErrorSummary(await response.Content.ReadAsStringAsync());

    /// <summary>The value attribute of the input with this id, decoded.</summary>
    public static string? InputValue(string html, string id)
    {
        var match = Regex.Match(html, $"<input[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*\\bvalue=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("<li>\\s*(?:<a href=\"#([^\"]*)\">)?(.*?)(?:</a>)?\\s*</li>", RegexOptions.Singleline)]
    private static partial Regex ErrorItemPattern();
}
