using Joinery.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Joinery.Web.Infrastructure;

internal static class PageOutcomes
{
    /// <summary>Copies an outcome's field errors onto the form, so each message sits next to its field.</summary>
    public static void AddOutcome<T>(this ModelStateDictionary modelState, Outcome<T> outcome, string prefix = "Input")
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            var name = field.Length == 0 ? "" : $"{char.ToUpperInvariant(field[0])}{field[1..]}";
            var key = name.Length == 0 || prefix.Length == 0 ? name : $"{prefix}.{name}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
