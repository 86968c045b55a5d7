using System.Reflection;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// A page, page handler or API route that stays open on an archived partnership: it posts only to
/// read (a translation), or it only takes access away (removing a member who left).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OpenWhenArchivedAttribute : Attribute
{
    /// <summary>Whether the page model <paramref name="model"/>, or its handler method for <paramref name="handler"/>, is open.</summary>
    public static bool IsOpen(Type model, string? handler)
    {
        if (model.IsDefined(typeof(OpenWhenArchivedAttribute), inherit: false))
        {
            return true;
        }
        var name = $"OnPost{handler}";
        return model.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Any(m => (m.Name == name || m.Name == name + "Async") && m.IsDefined(typeof(OpenWhenArchivedAttribute), inherit: false));
    }
}

/// <summary>
/// The front doors of an archived partnership: any request that could change it (anything but GET
/// and HEAD, unless marked <see cref="OpenWhenArchivedAttribute"/>) is refused 409 before an
/// operation runs, so every page handler and API route answers alike whatever it would have checked
/// first. The data context refuses such writes anyway (<see cref="PartnershipArchivedException"/>),
/// which covers the CLI. A person who is not a member does not see the partnership, and gets 404 as before.
/// </summary>
internal sealed class ArchivedPartnerships : IAsyncPageFilter, IEndpointFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var open = context.HandlerInstance.GetType().IsDefined(typeof(OpenWhenArchivedAttribute), inherit: false)
            || context.HandlerMethod?.MethodInfo.IsDefined(typeof(OpenWhenArchivedAttribute), inherit: false) == true;
        if (!open && await IsArchivedTargetAsync(context.HttpContext))
        {
            // The exception handler answers with the 409 page, as it does when the data context refuses.
            throw new PartnershipArchivedException();
        }
        await next();
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var open = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OpenWhenArchivedAttribute>() is not null;
        if (!open && await IsArchivedTargetAsync(context.HttpContext))
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
