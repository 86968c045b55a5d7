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
