using System.ComponentModel.DataAnnotations;
using System.Net;
using Joinery.Core.Common;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

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
        services.AddSettings<ProxyOptions>(configuration, ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((options, proxy) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }
            foreach (var network in proxy.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.ExcludedHosts.Clear();
        });
        services.AddSettings<SiteOptions>(configuration, SiteOptions.Section);
        services.AddSingleton(provider => new PublicUrl(provider.GetRequiredService<IOptions<SiteOptions>>().Value.Root));
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

/// <summary>Section <c>Proxy</c>: the TLS proxies whose <c>X-Forwarded-*</c> headers are believed; none by default.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>Proxy addresses, such as 10.0.0.5.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks as CIDR ranges, such as 10.0.0.0/8.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in KnownProxies.Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownProxies must hold IP addresses such as 10.0.0.5, not '{address}'.");
        }
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownNetworks must hold CIDR ranges such as 10.0.0.0/8, not '{network}'.");
        }
    }
}

/// <summary>Section <c>Site</c>: <c>PublicUrl</c> is where people reach Joinery.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    public string? PublicUrl { get; set; }

    /// <summary>The public address with a trailing slash (http://127.0.0.1:5080/ when none is set).</summary>
    public Uri Root => TryRoot(out var root) ? root : throw new SettingException(Invalid);

    private string Invalid => $"Site:PublicUrl must be an absolute http or https address such as https://joinery.example.org, not '{PublicUrl}'.";

    private bool TryRoot(out Uri root)
    {
        var text = string.IsNullOrWhiteSpace(PublicUrl) ? "http://127.0.0.1:5080" : PublicUrl;
        return Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out root!) && (root.Scheme == Uri.UriSchemeHttp || root.Scheme == Uri.UriSchemeHttps);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TryRoot(out _))
        {
            yield return new ValidationResult(Invalid);
        }
    }
}

/// <summary>
/// Where people reach Joinery (<see cref="SiteOptions.PublicUrl"/>): links that leave the site, such as an
/// invitation mailed to someone, are built from it and never from the request's Host header.
/// </summary>
public sealed class PublicUrl(Uri root)
{
    /// <summary>An absolute link to a path of the site, e.g. <c>account/invitation?token=…</c>.</summary>
    public string Link(string pathAndQuery) => new Uri(root, pathAndQuery.TrimStart('/')).AbsoluteUri;
}
