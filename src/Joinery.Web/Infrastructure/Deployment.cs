using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// Running behind a TLS proxy: <c>X-Forwarded-For</c> and <c>-Proto</c> are believed only from the
/// proxies in <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR ranges);
/// none by default. Over HTTPS every cookie is Secure and HSTS is sent. <c>AllowedHosts</c>
/// (ASP.NET Core's host filtering) refuses requests for other host names.
/// </summary>
internal static class Deployment
{
    public static IServiceCollection AddBehindProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies holds '{proxy}', which is not an IP address."));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new InvalidOperationException($"Proxy:KnownNetworks holds '{network}', which is not a CIDR range such as 10.0.0.0/8."));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.ExcludedHosts.Clear();
        });
        services.AddSingleton(PublicUrl.From(configuration));
        return services;
    }

    public static WebApplication UseBehindProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, HttpOnly = HttpOnlyPolicy.None });
        return app;
    }
}

/// <summary>
/// Where people reach Joinery (<c>Site:PublicUrl</c>): links that leave the site, such as an
/// invitation mailed to someone, are built from it and never from the request's Host header.
/// </summary>
public sealed class PublicUrl(Uri root)
{
    public static PublicUrl From(IConfiguration configuration)
    {
        var text = configuration["Site:PublicUrl"];
        if (string.IsNullOrWhiteSpace(text))
        {
            text = "http://127.0.0.1:5080";
        }
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Site:PublicUrl must be an absolute http or https address, not '{text}'.");
        }
        return new PublicUrl(root);
    }

    /// <summary>An absolute link to a path of the site, e.g. <c>account/invitation?token=…</c>.</summary>
    public string Link(string pathAndQuery) => new Uri(root, pathAndQuery.TrimStart('/')).AbsoluteUri;
}
