using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Joinery.Web.Infrastructure;

/// <summary>A page or API route that posts only to read (a translation): it works on an archived partnership too.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadsOnlyAttribute : Attribute;

/// <summary>
/// The front doors of an archived partnership: any request that could change it (anything but GET
/// and HEAD, unless marked <see cref="ReadsOnlyAttribute"/>) is refused 409 before an operation
/// runs, so the answer is the same for every page handler and API route whatever it would have
/// checked first. The data context refuses such writes anyway (<see cref="PartnershipArchivedException"/>),
/// which covers the CLI. A person who is not a member does not see the partnership, and gets 404 as before.
/// </summary>
internal sealed class ArchivedPartnerships : IAsyncPageFilter, IEndpointFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var readsOnly = context.HandlerInstance.GetType().IsDefined(typeof(ReadsOnlyAttribute), inherit: false);
        if (!readsOnly && await IsArchivedTargetAsync(context.HttpContext))
        {
            // The exception handler answers with the 409 page, as it does when the data context refuses.
            throw new PartnershipArchivedException();
        }
        await next();
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var readsOnly = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ReadsOnlyAttribute>() is not null;
        if (!readsOnly && await IsArchivedTargetAsync(context.HttpContext))
        {
            return TypedResults.Problem(PartnershipArchivedException.Text, statusCode: StatusCodes.Status409Conflict, title: "Archived");
        }
        return await next(context);
    }

    private static async Task<bool> IsArchivedTargetAsync(HttpContext http) =>
        !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
        && Guid.TryParse(http.GetRouteValue("id") as string, out var id)
        && await http.RequestServices.GetRequiredService<JoineryDb>().IsArchivedAsync(id, http.RequestAborted);
}
