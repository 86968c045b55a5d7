using System.Text.RegularExpressions;
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
    /// <summary>The handler's URL with every route parameter set to <paramref name="id"/> (a new id when none is given).</summary>
    public string Url(Guid? id = null)
    {
        var path = "/" + Routes.Fill(Template, _ => (id ?? Guid.NewGuid()).ToString());
        return Name.Length == 0 ? path : $"{path}?handler={Name}";
    }

    public override string ToString() => $"{Method} {Page}{(Name.Length == 0 ? "" : $"?handler={Name}")}";
}

/// <summary>
/// The app's routes as registered, read from its <see cref="EndpointDataSource"/>, so tests that walk
/// them cover routes added later without being edited.
/// </summary>
public static partial class Routes
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

    /// <summary>
    /// Replaces each route parameter ("{id:guid}", "{partnershipId}") with the value <paramref name="value"/>
    /// gives for its name; a null answer fails the test with the parameter's name.
    /// </summary>
    public static string Fill(string template, Func<string, string?> value) =>
        Parameter().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            var filled = value(name);
            filled.ShouldNotBeNull($"{template}: teach this test how to fill the route parameter '{name}'");
            return filled;
        });

    [GeneratedRegex("\\{\\**([A-Za-z_][A-Za-z0-9_]*)[^}]*\\}")]
    private static partial Regex Parameter();

    /// <summary>True when the endpoint needs a signed-in caller: it carries [Authorize] data and no [AllowAnonymous].</summary>
    public static bool RequiresAuthorization(EndpointMetadataCollection metadata) =>
        metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && metadata.GetMetadata<IAllowAnonymous>() is null;

    public static IReadOnlyList<string> Policies(EndpointMetadataCollection metadata) =>
        metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").ToList();
}
