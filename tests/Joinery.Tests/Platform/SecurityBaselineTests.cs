using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;

namespace Joinery.Tests.Platform;

public sealed partial class SecurityBaselineTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Health_answers_200_while_the_database_is_reachable()
    {
        var response = await app.Browser().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("healthy");
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/api/v1/me")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        await app.APartnership().BuildAsync();

        var response = await app.Browser().GetAsync(url);

        var csp = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        csp["script-src"].ShouldBe(["'self'"]);
        csp["default-src"].ShouldBe(["'self'"]);
        csp["frame-ancestors"].ShouldBe(["'none'"]);
        csp["object-src"].ShouldBe(["'none'"]);
        csp.Values.SelectMany(v => v).ShouldNotContain("'unsafe-inline'");
        csp.Values.SelectMany(v => v).ShouldNotContain("'unsafe-eval'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_load_nothing_from_elsewhere_and_protect_every_form()
    {
        var p = await app.APartnership().BuildAsync();
        var admin = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true);
        await PartnershipBuilder.AddMemberAsync(app, p.Id, admin, MemberRole.Steward);
        var browser = await app.SignedInAsync(admin);
        var checkedPages = new List<string>();

        foreach (var handler in (await Routes.PagesAsync(app)).Where(h => h.Method == "GET" && h.Name.Length == 0))
        {
            var url = handler.Page == "/Organizations/Profile" ? $"/organizations/{p.Partners[1]}" : handler.Url(p.Id);
            var response = await browser.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: inline script (the CSP blocks it)");
            InlineHandler().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: inline event handler (the CSP blocks it)");
            InlineStyle().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: inline style (the CSP blocks it)");
            ForeignAsset().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: an asset from another site");
            foreach (var form in PostForm().Matches(html).Select(m => m.Value))
            {
                form.ShouldContain("__RequestVerificationToken", customMessage: $"{url}: a form without an antiforgery token");
            }
            checkedPages.Add(url);
        }

        checkedPages.Count.ShouldBeGreaterThanOrEqualTo(12, string.Join(", ", checkedPages));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_saves_nothing()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var invite = await steward.PostAsync($"/partnerships/{p.Id}/members?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Invite.Email"] = "forged@example.org",
            ["Invite.Organization"] = p.Partners[0].ToString(),
            ["Invite.Role"] = "steward",
            ["Invite.Level"] = "executive",
        }));
        var phase = await steward.PostAsync($"/partnerships/{p.Id}/phase", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.To"] = "plan",
            ["Input.Reason"] = "Forged from another site",
        }));
        var signIn = await app.Browser().PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = p.Steward.Email,
            ["Input.Password"] = "Not the right password at all",
        }));

        invite.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        phase.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        signIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invite.Content.ReadAsStringAsync()).ShouldContain("Bad request");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Steward, partner: 1).BuildAsync();
        var attacker = await app.SignedInAsync(p.Members[1]);
        var victim = await app.SignedInAsync(p.Steward);
        var attackersToken = await attacker.AntiforgeryTokenAsync("/");
        var before = await app.SnapshotAsync();

        var response = await victim.PostAsync($"/partnerships/{p.Id}/phase", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.To"] = "plan",
            ["Input.Reason"] = "Forged",
            ["__RequestVerificationToken"] = attackersToken,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_without_details()
    {
        var response = await app.Browser().GetAsync("/no/such/page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Page not found");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Api_calls_are_rate_limited_per_token()
    {
        var p = await app.APartnership().BuildAsync();
        using var strict = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPerMinute", "2"));
        var api = strict.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(p.Steward.UserId));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await api.GetAsync("/api/v1/me")).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("<style\\b|<[a-z][^>]*\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<(script|link|img|iframe)\\b[^>]*\\b(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignAsset();

    [GeneratedRegex("<form\\b[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PostForm();
}
