using Joinery.BrowserTests.Support;
using Joinery.Core.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>A walk through every screen of the demo, following the links people follow and every page of the navigation, with axe on each.</summary>
public sealed class TourTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Steward_and_administrator_reach_every_screen_by_its_links()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());

        var steward = await browser.OpenPageAsync(app);
        await steward.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);
        await steward.GetByRole(AriaRole.Link, new() { Name = SeedDemo.PartnershipName }).ClickToAsync();
        await steward.GetByRole(AriaRole.Region, new() { Name = "Partners" }).GetByRole(AriaRole.Link, new() { Name = "Eastside Community Health Center" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Heading, new() { Name = "Mission" })).ToBeVisibleAsync();
        await steward.OpenAsync($"/partnerships/{demo.PartnershipId}/phase");
        await Expect(steward.GetByRole(AriaRole.Button, new() { Name = "Move to Formalize" })).ToBeVisibleAsync();

        // Every page of the partnership's navigation passes axe (OpenAsync checks each), at desktop width and on a tablet with the menu open.
        var pages = await steward.GetByRole(AriaRole.Navigation, new() { Name = "Partnership", Exact = true }).GetByRole(AriaRole.Link)
            .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        pages.Length.ShouldBeGreaterThan(25, "the navigation lists every page of the partnership");
        foreach (var path in pages)
        {
            await steward.OpenAsync(path);
        }
        await steward.SetViewportSizeAsync(768, 1024);
        await steward.OpenAsync($"/partnerships/{demo.PartnershipId}/services");
        await steward.GetByText("Partnership menu: Services").ClickAsync();
        await Expect(steward.GetByRole(AriaRole.Navigation, new() { Name = "Partnership (menu)" })).ToBeVisibleAsync();
        await steward.ShouldPassAxeAsync();
        await steward.SetViewportSizeAsync(1280, 900);
        await steward.WorkspaceLink("Audit trail").ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Table, new() { Name = "Audit entries, newest first" })).ToBeVisibleAsync();
        await steward.GetByLabel("Door").SelectOptionAsync(new SelectOptionValue { Label = "Web" });
        await steward.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickToAsync();
        await steward.SiteLink("My profile").ClickToAsync();
        await steward.GetByLabel("What is it for?").FillAsync("Monthly report script");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickToAsync();
        await Expect(steward.GetByLabel("New token")).Not.ToBeEmptyAsync();

        var admin = await browser.OpenPageAsync(app);
        await admin.SignInAsync("admin@joinery.example", SeedDemo.Password);
        await admin.SiteLink("Administration").ClickToAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickToAsync();
        await Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Accounts" })).ToContainTextAsync("Dana Whitfield");
        await admin.SiteLink("Administration").ClickToAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Partnerships", Exact = true }).ClickToAsync();
        await Expect(admin.GetByRole(AriaRole.Table, new() { Name = "All partnerships" })).ToContainTextAsync(SeedDemo.PartnershipName);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Start a partnership" }).ClickToAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Start a partnership", Level = 1 })).ToBeVisibleAsync();
        await admin.SiteLink("Administration").ClickToAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Organizations" }).ClickToAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Riverbend Community Behavioral Health" }).ClickToAsync();
        await Expect(admin.GetByLabel("Mission")).Not.ToBeEmptyAsync();

        // Someone who is not a member finds nothing there.
        await admin.OpenAsync($"/partnerships/{demo.PartnershipId}", status: 404);
    }
}
