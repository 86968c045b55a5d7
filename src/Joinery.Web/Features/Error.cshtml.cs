using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features;

/// <summary>One page for every error: a plain message for people, problem details for API callers. Never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The problem has been logged. Please try again in a moment.";

    public IActionResult OnGet([FromQuery] int? status) => Respond(status);

    // The status comes from the re-execute query only: a failed form post may carry its own "status" field.
    public IActionResult OnPost([FromQuery] int? status) => Respond(status);

    // API errors are re-executed with the caller's own method.
    public IActionResult OnPut([FromQuery] int? status) => Respond(status);

    public IActionResult OnDelete([FromQuery] int? status) => Respond(status);

    public IActionResult OnPatch([FromQuery] int? status) => Respond(status);

    private IActionResult Respond(int? status)
    {
        // A write that reached an archived partnership is refused, not a failure.
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var archived = error is Core.Partnerships.PartnershipArchivedException;
        // The status a failed request ended with comes from the re-execute feature, not the query: a
        // post whose form cannot be read (a NUL in a field) would bind no parameter here either.
        var code = archived ? StatusCodes.Status409Conflict
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? status
            // Opened directly, with no error to describe, this is just a page that is not there.
            ?? (error is null ? StatusCodes.Status404NotFound
                // A body too large (read past the limit without a Content-Length) or malformed is the client's.
                : error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        (Title, Message) = code switch
        {
            409 when archived => ("Archived", Core.Partnerships.PartnershipArchivedException.Text),
            404 => ("Page not found", "There is nothing here, or it is not yours to see."),
            403 => ("Not allowed", "Your account may not do this."),
            405 => ("Not allowed here", "This page does not take that request. Go back and use the page's own buttons and forms."),
            400 => ("Bad request", "The request could not be understood. Go back and check what you entered."),
            413 => ("Too large", RequestLimits.TooLarge(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint
                ?? HttpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint)),
            429 => ("Too many requests", "Please wait a minute and try again."),
            _ => (Title, Message),
        };
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        Response.StatusCode = code;
        if (originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            // A JSON field of the wrong type (text for a number, an impossible date) names the field, as
            // the operations' own validation does; the value itself is not repeated.
            if (code == StatusCodes.Status400BadRequest && WrongTypeField(error) is { } field)
            {
                return new ObjectResult(new ValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [field] = ["This value is not of the expected type: see the API description (numbers as numbers, dates as yyyy-mm-dd, ids as GUIDs)."],
                })
                { Status = code, Title = "The request has a value of the wrong type." })
                {
                    StatusCode = code,
                    ContentTypes = { "application/problem+json" },
                };
            }
            return new ObjectResult(new ProblemDetails { Status = code, Title = Title, Detail = Message })
            {
                StatusCode = code,
                ContentTypes = { "application/problem+json" },
            };
        }
        return Page();
    }

    /// <summary>The top-level JSON property a body failed to bind on ("$.noticeDays" or "$.parties[1]" gives the field's name).</summary>
    private static string? WrongTypeField(Exception? error)
    {
        if (error is not BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { } path } } || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }
        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }
}
