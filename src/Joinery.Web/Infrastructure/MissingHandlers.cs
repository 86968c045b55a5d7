using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// A request that none of a page's handlers takes (a POST without a handler name, or with one the
/// page lacks, to a page whose posts are all named) would make Razor Pages render the page's view
/// without running OnGet, over a model that was never loaded. It is answered here instead, before
/// any other page filter: 405 with the methods the page takes when it takes no request of this
/// method at all, otherwise 404.
/// </summary>
internal sealed class MissingHandlers : IPageFilter, IOrderedFilter
{
    public int Order => -1000;

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            // A page without handlers shows its view for GET, as it should.
            return;
        }
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new NotFoundResult();
            return;
        }
        var allowed = handlers.Count == 0 ? ["GET"] : handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (allowed.Contains("GET"))
        {
            allowed.Add("HEAD");
        }
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
