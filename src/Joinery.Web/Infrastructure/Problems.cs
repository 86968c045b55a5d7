using Joinery.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Infrastructure;

/// <summary>Turns operation outcomes into RFC 9457 problem details for the API.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null, contentType: "application/problem+json");
    }

    public static ProblemHttpResult NotFound(string detail = "No such record, or it is not yours to see.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>
    /// The failure of an outcome as one typed problem, for handlers declared
    /// <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>: 400 with field errors, 403, 404 or 409, bodies as <see cref="From{T}"/> writes them.
    /// </summary>
    public static ProblemHttpResult Failed<T>(Outcome<T> outcome) => outcome.Status switch
    {
        OutcomeStatus.Invalid => TypedResults.Problem(new HttpValidationProblemDetails(outcome.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has problems to fix.",
        }),
        OutcomeStatus.NotFound => NotFound(outcome.FirstError),
        OutcomeStatus.Forbidden => TypedResults.Problem(outcome.FirstError, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        OutcomeStatus.Conflict => TypedResults.Problem(outcome.FirstError, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        _ => throw new InvalidOperationException("A successful outcome is not a problem."),
    };

    /// <summary>The failure of an outcome as a problem: 400 with field errors, 403, 404 or 409.</summary>
    public static IResult From<T>(Outcome<T> outcome) => outcome.Status switch
    {
        OutcomeStatus.Invalid => TypedResults.ValidationProblem(outcome.Errors, title: "The request has problems to fix."),
        OutcomeStatus.NotFound => NotFound(outcome.FirstError),
        OutcomeStatus.Forbidden => TypedResults.Problem(outcome.FirstError, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        OutcomeStatus.Conflict => TypedResults.Problem(outcome.FirstError, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        _ => throw new InvalidOperationException("A successful outcome is not a problem."),
    };
}
