using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// How large a request body may be. Every form and JSON body is read whole before any field is
/// checked, so the server refuses anything over <see cref="Default"/> before it is read (Kestrel's
/// MaxRequestBodySize); the pages and routes that take an upload raise it with
/// <see cref="UploadLimitAttribute"/>. Over the limit, the API answers 413 with a problem detail
/// and a page answers the 413 error page, both saying what the limit is.
/// </summary>
internal static class RequestLimits
{
    /// <summary>Forms and JSON bodies: far more than any form or document of fields needs (the longest text field is 20,000 characters).</summary>
    public const long Default = 1024 * 1024;

    /// <summary>Room beside an uploaded file for the multipart framing and the form's other fields (the antiforgery token).</summary>
    public const int UploadOverhead = 64 * 1024;

    /// <summary>What the 413 answer says for a request to <paramref name="endpoint"/>.</summary>
    public static string TooLarge(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() switch
    {
        UploadLimitAttribute upload => upload.TooLarge,
        { MaxRequestBodySize: { } bytes } => $"The request body is too large; the limit is {Size(bytes)}.",
        _ => $"The request body is too large; the limit is {Size(Default)}.",
    };

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}

/// <summary>
/// A page or route that takes a file of at most <c>fileBytes</c>: its body may be that much plus
/// <see cref="RequestLimits.UploadOverhead"/>. Endpoint routing applies it to Kestrel's limit for the
/// request; past it the answer says the file is too large.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class UploadLimitAttribute(int fileBytes) : Attribute, IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => fileBytes + (long)RequestLimits.UploadOverhead;

    public string TooLarge => $"The file is larger than {RequestLimits.Size(fileBytes)}.";
}

/// <summary>
/// Reads a page's form before antiforgery does: antiforgery would take a body over the limit for
/// a bad token and answer 400, where the answer is 413 with the limit. Runs for form posts only.
/// </summary>
internal sealed class FormLimits : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery filter (1000).</summary>
    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        // The error page, re-executed for a request already refused, must not refuse it again.
        if (!request.HasFormContentType || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A form that cannot be read for another reason (malformed, the client went away):
            // antiforgery refuses it next, as it did before this filter.
        }
    }
}
