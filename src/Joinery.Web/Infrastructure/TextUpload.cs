using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Infrastructure;

/// <summary>A text file sent as the request body (CSV imports), read up to a size limit and never further.</summary>
internal static class TextUpload
{
    /// <summary>The body as text, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[maxBytes + 1];
        try
        {
            var read = await reader.ReadBlockAsync(buffer, cancellationToken);
            return read > maxBytes ? null : new string(buffer, 0, read);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Sent without a length, it ran past the route's limit (UploadLimitAttribute) while being read.
            return null;
        }
    }

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The file is larger than {RequestLimits.Size(maxBytes)}.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");

    public static ValidationProblem Unreadable(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error] }, title: "The file cannot be read.");
}
