using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Support;

/// <summary>
/// The in-memory test server has no network peer; this puts one in front of the app's pipeline,
/// taken from the <c>X-Test-Peer</c> header (default 192.0.2.1), so tests can play clients, NATs and proxies.
/// </summary>
public static class ClientAddresses
{
    public const string Header = "X-Test-Peer";

    /// <summary>A host over the same database with these settings, whose requests come from the peer each names.</summary>
    public static WebApplicationFactory<Program> WithPeers(this JoineryApp app, params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, PeerFromHeader>());
        });

    public static HttpClient Client(this WebApplicationFactory<Program> host, string peer)
    {
        var client = JoineryApp.BrowserOf(host);
        client.DefaultRequestHeaders.Add(Header, peer);
        return client;
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].FirstOrDefault() ?? "192.0.2.1");
                return following(context);
            });
            next(app);
        };
    }
}
