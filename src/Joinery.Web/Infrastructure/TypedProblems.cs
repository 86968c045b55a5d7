using Joinery.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Infrastructure;

/// <summary>The body most writes answer with: <c>{"id": "..."}</c>, the record created or changed.</summary>
public sealed record IdResult(Guid Id);

/// <summary>
/// An operation's outcome as a typed result union, so an endpoint declares what it answers: the
/// success result(s) the caller chooses, or the failure exactly as <see cref="Problems.From{T}"/>
/// writes it (400 with field errors as a <see cref="ValidationProblem"/>; 403, 404 or 409 as a <see cref="ProblemHttpResult"/>).
/// </summary>
internal static class TypedProblems
{
    public static Results<TResult, ValidationProblem, ProblemHttpResult> Respond<T, TResult>(Outcome<T> outcome, Func<T, TResult> success)
        where TResult : IResult
    {
        if (outcome.Succeeded)
        {
            return success(outcome.Value!);
        }
        return outcome.Status == OutcomeStatus.Invalid ? (ValidationProblem)Problems.From(outcome) : (ProblemHttpResult)Problems.From(outcome);
    }

    /// <summary>As the two-type overload, for an operation that succeeds in one of two ways (201 when new, 200 when corrected).</summary>
    public static Results<TResult1, TResult2, ValidationProblem, ProblemHttpResult> Respond<T, TResult1, TResult2>(Outcome<T> outcome,
        Func<T, Results<TResult1, TResult2>> success)
        where TResult1 : IResult
        where TResult2 : IResult
    {
        if (!outcome.Succeeded)
        {
            return outcome.Status == OutcomeStatus.Invalid ? (ValidationProblem)Problems.From(outcome) : (ProblemHttpResult)Problems.From(outcome);
        }
        return success(outcome.Value!).Result switch
        {
            TResult1 first => first,
            TResult2 second => second,
            _ => throw new InvalidOperationException("A Results<,> holds one of its two results."),
        };
    }
}
