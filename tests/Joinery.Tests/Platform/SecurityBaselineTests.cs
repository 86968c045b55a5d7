using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Data;
using Joinery.Core.Notifications;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_load_nothing_from_elsewhere_and_protect_every_form()
    {
        var walk = await WalkAsync();
        var browser = await app.SignedInAsync(walk.Admin);
        var pages = (await Routes.PagesAsync(app)).Where(h => h.Method == "GET" && h.Name.Length == 0).ToList();

        foreach (var handler in pages)
        {
            var response = await GetAsync(walk, browser, handler);
            var url = response.RequestMessage!.RequestUri!.PathAndQuery;
            response.StatusCode.ShouldBe(Status(handler), $"{url}: every page must be seen to be checked");
            var html = await response.Content.ReadAsStringAsync();
            InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: inline script (the CSP blocks it)");
            InlineHandler().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: inline event handler (the CSP blocks it)");
            InlineStyle().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: inline style (the CSP blocks it)");
            ForeignAsset().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{url}: an asset from another site");
            foreach (var form in PostForm().Matches(html).Select(m => m.Value))
            {
                form.ShouldContain("__RequestVerificationToken", customMessage: $"{url}: a form without an antiforgery token");
            }
        }

        pages.Count.ShouldBeGreaterThanOrEqualTo(50, "the walk must find the pages");
    }

    [Fact]
    public async Task No_page_shows_an_iso_date_to_people_dates_read_the_en_us_way_beside_the_pickers()
    {
        var walk = await WalkAsync();
        var browser = await app.SignedInAsync(walk.Admin);
        var pages = (await Routes.PagesAsync(app)).Where(h => h.Method == "GET" && h.Name.Length == 0).ToList();

        var shownAsIso = new List<string>();
        foreach (var handler in pages)
        {
            var response = await GetAsync(walk, browser, handler);
            var visible = Tag().Replace(MachineText().Replace(await response.Content.ReadAsStringAsync(), " "), " ");
            shownAsIso.AddRange(IsoDate().Matches(visible).Select(m => $"{handler.Page}: {Around(visible, m)}"));
        }

        shownAsIso.ShouldBeEmpty("dates shown as ISO (show them with Shown.Date or Shown.On)");
        pages.Count.ShouldBeGreaterThanOrEqualTo(50, "the walk must find the pages");

        static string Around(string text, Match m) => string.Join(' ', text[Math.Max(0, m.Index - 40)..Math.Min(text.Length, m.Index + m.Length + 10)].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task No_page_cuts_long_input_silently_the_server_refuses_it_with_a_message_instead()
    {
        var walk = await WalkAsync();
        var member = await app.SignedInAsync(walk.Admin);
        var pages = 0;
        foreach (var handler in (await Routes.PagesAsync(app)).Where(h => h.Method == "GET"))
        {
            var response = await GetAsync(walk, member, handler);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("maxlength", Case.Insensitive,
                $"{handler}: a browser cuts pasted text at maxlength without a word; the server says what is too long");
            pages++;
        }
        pages.ShouldBeGreaterThanOrEqualTo(50);
    }

    [Fact]
    public async Task Every_page_handler_and_api_route_answers_with_the_security_headers()
    {
        var walk = await WalkAsync();
        var member = await app.SignedInAsync(walk.Admin);
        var memberApi = await app.ApiAsync(walk.Admin);
        var outsiderApi = await app.ApiAsync(walk.Outsider);
        var handlers = await Routes.PagesAsync(app);
        var checkedResponses = 0;

        foreach (var handler in handlers.Where(h => h.Method == "GET"))
        {
            var response = await GetAsync(walk, member, handler);
            response.StatusCode.ShouldBe(Status(handler), handler.ToString());
            ShouldCarryTheSecurityHeaders(response, handler.ToString());
            checkedResponses++;
        }
        // Every form is sent without its antiforgery token: refused before any handler runs, so nothing is
        // written. The error page takes none (it answers the status it is asked for, here 404), nor does
        // the unsubscribe link, which mail programs post to (RFC 8058): its key is the proof, so without one it is a 404.
        var before = await app.SnapshotAsync();
        foreach (var handler in handlers.Where(h => h.Method != "GET"))
        {
            var tokenless = handler.Page is "/Error" or "/Notifications/Unsubscribe";
            using var request = new HttpRequestMessage(new HttpMethod(handler.Method), handler.Page == "/Notifications/Unsubscribe" ? handler.Url() : Url(walk, handler))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>()),
            };
            var response = await member.SendAsync(request);
            response.StatusCode.ShouldBe(tokenless ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, $"{handler} without an antiforgery token");
            ShouldCarryTheSecurityHeaders(response, handler.ToString());
            checkedResponses++;
        }
        (await app.SnapshotAsync()).ShouldBe(before);
        foreach (var route in WorkspaceWalk.PartnershipApiRoutes(app))
        {
            foreach (var method in route.Methods)
            {
                // A member reads; changes are sent by an outsider, who gets 404 and changes nothing.
                var response = await (method == "GET" ? memberApi : outsiderApi).SendAsync(WorkspaceWalk.Request(method, route.Template, walk.Partnership.Id, walk.Records));
                response.StatusCode.ShouldBe(method == "GET" ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"{method} {route.Template}");
                ShouldCarryTheSecurityHeaders(response, $"{method} {route.Template}");
                checkedResponses++;
            }
        }
        foreach (var route in WorkspaceWalk.ApiRoutesOutsidePartnerships)
        {
            var response = await memberApi.GetAsync(route["GET ".Length..]);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, route);
            ShouldCarryTheSecurityHeaders(response, route);
        }
        var anonymous = app.Browser();
        foreach (var (url, status) in new[]
        {
            ("/account/sign-in", HttpStatusCode.OK), ("/api/v1/me", HttpStatusCode.Unauthorized), ("/no-such-page", HttpStatusCode.NotFound),
            ("/health", HttpStatusCode.OK), ($"/partnerships/{walk.Partnership.Id}", HttpStatusCode.Redirect),
        })
        {
            var response = await anonymous.GetAsync(url);
            response.StatusCode.ShouldBe(status, $"anonymous {url}");
            ShouldCarryTheSecurityHeaders(response, $"anonymous {url}");
        }

        checkedResponses.ShouldBeGreaterThan(250, "the walk must reach every page handler and API route");
    }

    private static void ShouldCarryTheSecurityHeaders(HttpResponseMessage response, string label)
    {
        var csp = Directives(Header(response, "Content-Security-Policy", label));
        csp["script-src"].ShouldBe(["'self'"], label);
        csp["default-src"].ShouldBe(["'self'"], label);
        csp["frame-ancestors"].ShouldBe(["'none'"], label);
        csp["object-src"].ShouldBe(["'none'"], label);
        csp.Values.SelectMany(v => v).ShouldNotContain("'unsafe-inline'", label);
        csp.Values.SelectMany(v => v).ShouldNotContain("'unsafe-eval'", label);
        Header(response, "X-Content-Type-Options", label).ShouldBe("nosniff", label);
        Header(response, "X-Frame-Options", label).ShouldBe("DENY", label);
        Header(response, "Referrer-Policy", label).ShouldBe("no-referrer", label);
        Header(response, "Cache-Control", label).ShouldBe("no-store", label);
    }

    private static string Header(HttpResponseMessage response, string name, string label)
    {
        response.Headers.TryGetValues(name, out var values).ShouldBeTrue($"{label}: no {name}");
        return values!.Single();
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
        // Two tokens of two different people: spending one token's budget leaves the other's whole.
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        using var strict = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPerMinute", "2"));
        var first = strict.CreateClient();
        first.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(p.Steward.UserId));
        var second = strict.CreateClient();
        second.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(p.First(MemberRole.Planner).UserId));

        var statuses = new List<HttpStatusCode>();
        foreach (var api in new[] { first, first, first, second, second, second, first })
        {
            statuses.Add((await api.GetAsync("/api/v1/me")).StatusCode);
        }

        statuses.ShouldBe([
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests,
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests,
        ]);
    }

    /// <summary>
    /// What a page answers the walk's member: 200, but for the refusal page, the error page (asked
    /// for a 404), and first-run set-up, gone once the site has an administrator (FirstRunTests open it before).
    /// </summary>
    private static HttpStatusCode Status(PageHandler handler) => handler.ToString() switch
    {
        "GET /Account/Denied" => HttpStatusCode.Forbidden,
        "GET /Setup/Index" or "GET /Error" => HttpStatusCode.NotFound,
        _ => HttpStatusCode.OK,
    };

    /// <summary>
    /// What the walks of this class share, arranged once: a partnership with a record of every feature
    /// and an open invitation, a site administrator who is one of its stewards, an outsider (a steward
    /// of another partnership), and a browser halfway through a two-step sign-in.
    /// </summary>
    private sealed record Walk(SeededPartnership Partnership, Dictionary<string, string> Records, Person Admin, Person Outsider,
        string InvitationSecret, HttpClient TwoStep, string UnsubscribeKey);

    private Task<Walk> WalkAsync() =>
        app.ArrangedOnceAsync(nameof(WalkAsync), async () =>
        {
            var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, partner: 1).BuildAsync();
            var records = await new WorkspaceWalk(app).ReadOnlyRecordsAsync(p);
            var invitation = await app.ActingAsAsync(p.Steward, async services => (await services.GetRequiredService<Invitations>().InviteAsync(p.Id,
                new InvitationInput($"invitee{app.Unique()}@example.org", p.Partners[0].ToString(), "viewer", "frontline"))).Value!);
            records["invitationId"] = invitation.Id.ToString();
            var admin = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true);
            await PartnershipBuilder.AddMemberAsync(app, p.Id, admin, MemberRole.Steward);
            var outsider = (await app.APartnership().BuildAsync()).Steward;
            (await app.ActingAsAsync(admin, s => s.GetRequiredService<ChangeNotificationSettings>().RunAsync(new NotificationChoicesInput(true, "daily", [])))).Succeeded.ShouldBeTrue();
            var unsubscribe = await app.WithCoreAsync(s => s.GetRequiredService<JoineryDb>().Set<NotificationSettings>().Where(n => n.UserId == admin.UserId)
                .Select(n => n.UnsubscribeKey).SingleAsync());
            return new Walk(p, records, admin, outsider, invitation.Secret, await HalfwayThroughTwoStepsAsync(p.Partners[0]), unsubscribe);
        });

    /// <summary>A browser that gave the password of someone with an authenticator app and is asked for the code.</summary>
    private async Task<HttpClient> HalfwayThroughTwoStepsAsync(Guid organization)
    {
        var person = await PartnershipBuilder.CreatePersonAsync(app, organization);
        var browser = await app.SignedInAsync(person);
        var key = Key().Match(await browser.ReadPageAsync("/account/mfa")).Groups[1].Value;
        (await browser.SubmitFormAsync("/account/mfa", "/account/mfa", new() { ["Code"] = Totp.Code(key, app.Clock) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var later = app.Browser();
        var password = await later.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });
        password.Headers.Location.ShouldNotBeNull().OriginalString.ShouldStartWith("/account/two-factor");
        return later;
    }

    /// <summary>A page handler's URL with real ids: the walk's records in the workspace, a partner for an organization's profile, the open invitation's link.</summary>
    private static string Url(Walk walk, PageHandler handler) => handler.Page switch
    {
        "/Organizations/Profile" => handler.Url(walk.Partnership.Partners[1]),
        "/Error" => $"{handler.Url()}?status=404",
        "/Account/Invitation" => $"{handler.Url()}{(handler.Name.Length == 0 ? "?" : "&")}token={walk.InvitationSecret}",
        "/Notifications/Unsubscribe" => $"{handler.Url()}{(handler.Name.Length == 0 ? "?" : "&")}key={walk.UnsubscribeKey}&kind=all",
        _ when handler.Template.StartsWith("partnerships/{id:guid}", StringComparison.Ordinal) => WorkspaceWalk.Url(handler, walk.Records),
        _ => handler.Url(),
    };

    /// <summary>A GET of the handler as the walk's administrator (the two-step page as the browser halfway through it), with every parameter filled.</summary>
    private static Task<HttpResponseMessage> GetAsync(Walk walk, HttpClient member, PageHandler handler) => handler.Page switch
    {
        "/Account/TwoFactor" => walk.TwoStep.GetAsync(Url(walk, handler)),
        _ when handler.Template.StartsWith("partnerships/{id:guid}", StringComparison.Ordinal) => WorkspaceWalk.SendAsync(member, handler, walk.Partnership, walk.Records),
        _ => member.GetAsync(Url(walk, handler)),
    };

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    [GeneratedRegex("Key: <code>([a-z2-7 ]+)</code>")]
    private static partial Regex Key();

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

    /// <summary>Text meant for machines or typed by people: code, scripts, styles, and what a text box holds.</summary>
    [GeneratedRegex("<(code|script|style|textarea)\\b[^>]*>.*?</\\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MachineText();

    /// <summary>A tag with its attributes (values of inputs, datetime attributes, links).</summary>
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\b20\\d\\d-\\d\\d-\\d\\d\\b")]
    private static partial Regex IsoDate();
}
