using System.Net;
using Joinery.Tests.Support;
using Joinery.Web.Infrastructure;

namespace Joinery.Tests.Platform;

/// <summary>
/// Walks every registered endpoint, so a page or API route added later is covered without editing
/// these tests: the API needs a bearer token everywhere, and pages need a signed-in person unless
/// they are on the short list below.
/// </summary>
public sealed class EndpointAuthorizationTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>Pages a visitor may open without signing in. "/" only redirects (to set-up or sign-in); an e-mail's unsubscribe link carries its own key, a password-reset link its token.</summary>
    private static readonly string[] AnonymousPages =
        ["/Setup/Index", "/Account/SignIn", "/Account/TwoFactor", "/Account/Invitation", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/Denied", "/Error", "/Index", "/Notifications/Unsubscribe"];

    [Fact]
    public void Every_api_endpoint_requires_the_api_policy_and_none_allows_anonymous()
    {
        var routes = Routes.Api(app);

        routes.Count.ShouldBeGreaterThanOrEqualTo(6, "the walk must find the API");
        routes.Where(r => !Routes.RequiresAuthorization(r.Metadata)).ShouldBeEmpty("API endpoints without authorization");
        routes.Where(r => !Routes.Policies(r.Metadata).Contains(ApiAccess.Policy)).ShouldBeEmpty("API endpoints outside the bearer-token policy");
    }

    [Fact]
    public async Task Every_api_endpoint_answers_401_problem_without_a_token()
    {
        var anonymous = app.Api(token: null);

        foreach (var route in Routes.Api(app))
        {
            foreach (var method in route.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(route.Template));
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var response = await anonymous.SendAsync(request);
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route.ToString());
                response.Content.Headers.ContentType.ShouldNotBeNull($"{route}: no Content-Type").MediaType.ShouldBe("application/problem+json", route.ToString());
            }
        }
    }

    [Fact]
    public async Task Only_the_named_pages_allow_anonymous_visitors()
    {
        var pages = await Routes.PagesAsync(app);

        pages.Count.ShouldBeGreaterThanOrEqualTo(20, "the walk must find the pages");
        pages.Where(h => !Routes.RequiresAuthorization(h.Metadata)).Select(h => h.Page).Distinct().ShouldBe(AnonymousPages, ignoreOrder: true);
    }

    [Fact]
    public async Task Every_other_page_handler_sends_an_anonymous_visitor_to_sign_in_and_does_nothing()
    {
        await app.APartnership().BuildAsync();
        var visitor = app.Browser();
        var before = await app.SnapshotAsync();
        var handlers = (await Routes.PagesAsync(app)).Where(h => !AnonymousPages.Contains(h.Page)).ToList();
        handlers.ShouldContain(h => h.Method == "POST", "the walk must include form handlers");

        foreach (var handler in handlers)
        {
            var response = handler.Method == "GET"
                ? await visitor.GetAsync(handler.Url(Guid.NewGuid()))
                : await visitor.PostAsync(handler.Url(Guid.NewGuid()), new FormUrlEncodedContent(new Dictionary<string, string>()));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, handler.ToString());
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in", handler.ToString());
        }
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_home_page_sends_an_anonymous_visitor_to_sign_in()
    {
        await app.APartnership().BuildAsync();

        var response = await app.Browser().GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task Site_administration_pages_refuse_everyone_but_site_administrators()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var admin = await app.SignedInAsync(await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true));
        var adminHandlers = (await Routes.PagesAsync(app)).Where(h => Routes.Policies(h.Metadata).Contains(SiteAdmin.Policy)).ToList();
        adminHandlers.Select(h => h.Page).Distinct().ShouldBe(
            ["/Admin/Index", "/Admin/Organizations", "/Admin/Partnerships", "/Admin/Users", "/Partnerships/New"], ignoreOrder: true);
        var before = await app.SnapshotAsync();

        foreach (var handler in adminHandlers)
        {
            var response = handler.Method == "GET"
                ? await steward.GetAsync(handler.Url())
                : await steward.SubmitFormAsync(handler.Url(), new() { ["partnershipId"] = p.Id.ToString(), ["Input.Name"] = "Taken over" });

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, handler.ToString());
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/denied", handler.ToString());
        }
        (await app.SnapshotAsync()).ShouldBe(before);
        foreach (var handler in adminHandlers.Where(h => h.Method == "GET"))
        {
            (await admin.GetAsync(handler.Url())).StatusCode.ShouldBe(HttpStatusCode.OK, handler.ToString());
        }
    }

    private static string Fill(string template)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(template, "\\{\\w+:guid\\}", _ => Guid.NewGuid().ToString());
        url.ShouldNotContain("{", customMessage: $"{template}: teach this test how to fill the route's other parameters");
        return url;
    }
}
