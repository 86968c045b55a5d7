using System.Net;
using System.Text.RegularExpressions;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Joinery.Tests.Platform;

/// <summary>Behind a TLS proxy: forwarded headers believed only from the configured proxy, HSTS and Secure cookies over HTTPS, links from the public address, only allowed host names.</summary>
public sealed partial class DeploymentTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private const string Proxy = "10.0.0.1";

    [Fact]
    public async Task Behind_the_configured_proxy_https_brings_hsts_and_secure_cookies()
    {
        await using var host = app.WithPeers(("Proxy:KnownProxies:0", Proxy));
        var p = await app.APartnership().BuildAsync();

        var page = await ThroughProxyAsync(host, Proxy, "203.0.113.50", HttpMethod.Get, "/account/sign-in");
        var signIn = await SignInThroughProxyAsync(host, Proxy, page, p.Steward);

        page.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldStartWith("max-age=31536000");
        Cookies(page).ShouldNotBeEmpty();
        Cookies(page).ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Cookies(signIn).ShouldContain(c => c.StartsWith("joinery=", StringComparison.Ordinal));
        Cookies(signIn).ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_any_other_peer_are_ignored()
    {
        await using var host = app.WithPeers(("Proxy:KnownProxies:0", Proxy));

        var page = await ThroughProxyAsync(host, "10.0.0.2", "203.0.113.50", HttpMethod.Get, "/account/sign-in");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        Cookies(page).ShouldNotBeEmpty();
        Cookies(page).ShouldAllBe(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_the_proxy_each_client_has_its_own_sign_in_budget_and_a_spoofer_shares_the_peers()
    {
        // Someone must exist, or the sign-in page sends the first visitor to /setup instead.
        await app.APartnership().BuildAsync();
        await using var host = app.WithPeers(("Proxy:KnownProxies:0", Proxy), ("RateLimits:SignInPerAddressPerMinute", "2"));

        var viaProxy = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.60", "203.0.113.60", "203.0.113.60", "203.0.113.61" })
        {
            viaProxy.Add((await ThroughProxyAsync(host, Proxy, client, HttpMethod.Get, "/account/sign-in")).StatusCode);
        }
        var spoofed = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.70", "203.0.113.71", "203.0.113.72" })
        {
            spoofed.Add((await ThroughProxyAsync(host, "10.0.0.3", client, HttpMethod.Get, "/account/sign-in")).StatusCode);
        }

        viaProxy.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK]);
        spoofed.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task A_clock_today_that_is_not_a_date_stops_the_web_app_at_start_up_naming_the_key()
    {
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Clock:Today", "someday"));

        var error = Should.Throw<Exception>(() => host.CreateClient());

        error.GetBaseException().Message.ShouldBe("Clock:Today must be a date as yyyy-MM-dd (or a date and time with an offset, such as 2026-03-16T09:00:00Z), not 'someday'.");
    }

    [Fact]
    public async Task Invitation_links_come_from_the_public_address_never_from_the_host_header()
    {
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", "https://joinery.example.org"));
        var p = await app.APartnership().BuildAsync();
        var steward = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false, HandleCookies = true });
        (await steward.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var invite = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Invite", new()
        {
            ["Invite.Email"] = "new.planner@example.org",
            ["Invite.Organization"] = p.Partners[1].ToString(),
            ["Invite.Role"] = "planner",
            ["Invite.Level"] = "frontline",
        });

        invite.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = Forms.InputValue(await steward.ReadPageAsync($"/partnerships/{p.Id}/members"), "invitation-link");
        link.ShouldNotBeNull().ShouldStartWith("https://joinery.example.org/account/invitation?token=");
    }

    [Fact]
    public async Task Requests_for_a_host_name_that_is_not_allowed_are_refused()
    {
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "joinery.example.org"));

        var allowed = await host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://joinery.example.org") }).GetAsync("/account/sign-in");
        var other = await host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") }).GetAsync("/account/sign-in");

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> ThroughProxyAsync(WebApplicationFactory<Program> host, string peer, string client, HttpMethod method, string path,
        HttpContent? content = null, string? cookies = null)
    {
        var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(ClientAddresses.Header, peer);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SignInThroughProxyAsync(WebApplicationFactory<Program> host, string peer, HttpResponseMessage page, Person person)
    {
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookies = string.Join("; ", Cookies(page).Select(c => c.Split(';')[0]));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
            ["__RequestVerificationToken"] = token,
        });
        return await ThroughProxyAsync(host, peer, "203.0.113.50", HttpMethod.Post, "/account/sign-in", form, cookies);
    }

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
