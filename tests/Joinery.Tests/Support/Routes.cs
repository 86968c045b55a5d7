using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Support;

/// <summary>A minimal-API endpoint: its route template ("/api/v1/partnerships/{id:guid}") and HTTP methods.</summary>
public sealed record ApiRoute(string Template, IReadOnlyList<string> Methods, EndpointMetadataCollection Metadata)
{
    public override string ToString() => $"{string.Join('|', Methods)} {Template}";
}

/// <summary>One handler of a Razor page: "POST /partnerships/{id:guid}/members?handler=Invite", with the parameters it binds.</summary>
public sealed record PageHandler(string Page, string Template, string Method, string Name, IReadOnlyList<string> Parameters,
    EndpointMetadataCollection Metadata)
{
    public string Url(Guid? id = null)
    {
        var path = "/" + Template.Replace("{id:guid}", id?.ToString() ?? Guid.Empty.ToString(), StringComparison.Ordinal);
        path = System.Text.RegularExpressions.Regex.Replace(path, "\\{\\w+:guid\\}", _ => Guid.NewGuid().ToString());
        return Name.Length == 0 ? path : $"{path}?handler={Name}";
    }

    public override string ToString() => $"{Method} {Page}{(Name.Length == 0 ? "" : $"?handler={Name}")}";
}

/// <summary>
/// The app's routes as registered, read from its <see cref="EndpointDataSource"/>, so tests that walk
/// them cover routes added later without being edited.
/// </summary>
public static class Routes
{
    public static IReadOnlyList<ApiRoute> Api(JoineryApp app)
    {
        app.EnsureStarted();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => new ApiRoute(e.RoutePattern.RawText!, e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? [], e.Metadata))
            .ToList();
    }

    public static async Task<IReadOnlyList<PageHandler>> PagesAsync(JoineryApp app)
    {
        app.EnsureStarted();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }
            var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() ?? await loader.LoadAsync(page, endpoint.Metadata);
            var template = endpoint.RoutePattern.RawText ?? "";
            if (compiled.HandlerMethods.Count == 0)
            {
                // A page without a model answers GET only.
                handlers.Add(new PageHandler(page.ViewEnginePath, template, "GET", "", [], endpoint.Metadata));
                continue;
            }
            handlers.AddRange(compiled.HandlerMethods.Select(h => new PageHandler(page.ViewEnginePath, template, h.HttpMethod.ToUpperInvariant(),
                h.Name ?? "", h.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)).Select(p => p.Name).ToList(), endpoint.Metadata)));
        }
        return handlers;
    }

    /// <summary>True when the endpoint needs a signed-in caller: it carries [Authorize] data and no [AllowAnonymous].</summary>
    public static bool RequiresAuthorization(EndpointMetadataCollection metadata) =>
        metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && metadata.GetMetadata<IAllowAnonymous>() is null;

    public static IReadOnlyList<string> Policies(EndpointMetadataCollection metadata) =>
        metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").ToList();
}
