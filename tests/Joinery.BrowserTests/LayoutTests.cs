using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>The pages are styled by the app's own stylesheet and read well on a tablet.</summary>
public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Pages_are_styled_by_the_stylesheet_the_app_serves_itself()
    {
        await using var app = await JoineryServer.StartAsync(a => a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);
        await page.OpenAsync("/account/sign-in");

        var stylesheet = page.Locator("link[rel=stylesheet]");
        await Expect(stylesheet).ToHaveCountAsync(1);
        var href = (await stylesheet.GetAttributeAsync("href"))!;
        href.ShouldStartWith("/css/site.css", Case.Sensitive, "assets are served locally");
        var response = await page.APIRequest.GetAsync(href);
        response.Status.ShouldBe(200, $"{href} is served from src/Joinery.Web/wwwroot");
        response.Headers["content-type"].ShouldStartWith("text/css");
        (await page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)"))
            .ShouldBeGreaterThan(0, "the page applied the stylesheet's rules");
    }

    [Fact]
    public async Task The_overview_and_wide_tables_fit_a_tablet_screen_without_sideways_scrolling()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = (await a.DemoAsync()).PartnershipId);
        var page = await browser.OpenPageAsync(app, width: 768, height: 1024);
        await page.SignInAsync("dana.whitfield@riverbend.example", Joinery.Core.Demo.SeedDemo.Password);

        await page.OpenAsync($"/partnerships/{partnershipId}");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Roadmap" })).ToBeVisibleAsync();
        var (scrollWidth, clientWidth) = await WidthsAsync(page);
        scrollWidth.ShouldBeLessThanOrEqualTo(clientWidth, "the overview scrolls sideways at 768 px");

        // On a tablet the partnership's navigation folds into a menu above the page.
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Partnership", Exact = true })).ToBeHiddenAsync();
        await page.GetByText("Partnership menu: Overview").ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Partnership (menu)" }).GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickToAsync();
        (scrollWidth, clientWidth) = await WidthsAsync(page);
        scrollWidth.ShouldBeLessThanOrEqualTo(clientWidth, "the members page scrolls sideways at 768 px");

        // Wide tables scroll in their own box; the page does not.
        foreach (var section in new[] { "services", "finances", "audit", "launch" })
        {
            await page.OpenAsync($"/partnerships/{partnershipId}/{section}");
            (scrollWidth, clientWidth) = await WidthsAsync(page);
            scrollWidth.ShouldBeLessThanOrEqualTo(clientWidth, $"the {section} page scrolls sideways at 768 px");
        }
    }

    private static async Task<(int ScrollWidth, int ClientWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        return (widths[0], widths[1]);
    }
}
