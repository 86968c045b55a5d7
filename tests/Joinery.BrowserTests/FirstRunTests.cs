using System.Text.RegularExpressions;
using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>A new installation: the first administrator sets up Joinery and starts a partnership.</summary>
public sealed class FirstRunTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task First_administrator_sets_up_Joinery_starts_a_partnership_and_sees_its_roadmap()
    {
        await using var app = await JoineryServer.StartAsync();
        var page = await browser.OpenPageAsync(app);

        // An empty database sends everyone to set-up.
        await page.OpenAsync("/");
        await Expect(page).ToHaveURLAsync(app.Url("/setup"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up Joinery", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Your name").FillAsync("Alex Rivera");
        await page.GetByLabel("Email address").FillAsync("alex.rivera@riverside.example");
        await page.GetByLabel("Password").FillAsync(Arrange.Password);
        await page.GetByLabel("Organization name").FillAsync(People.Bh);
        await page.GetByLabel("Kind of organization").SelectOptionAsync(new SelectOptionValue { Label = "Behavioral health" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickToAsync();

        await Expect(page).ToHaveURLAsync(app.Url("/admin"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();

        // The second partner: a primary care organization.
        await page.GetByRole(AriaRole.Link, new() { Name = "Organizations" }).ClickToAsync();
        await page.GetByLabel("Name").FillAsync(People.Pc);
        await page.GetByLabel("Kind of organization").SelectOptionAsync(new SelectOptionValue { Label = "Primary care" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the organization" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The organization was added.");
        var organizations = page.GetByRole(AriaRole.Table, new() { Name = "Registered organizations" });
        await Expect(organizations.GetByRole(AriaRole.Row).Filter(new() { HasText = People.Pc })).ToContainTextAsync("Primary care");
        await Expect(organizations.GetByRole(AriaRole.Row).Filter(new() { HasText = People.Bh })).ToContainTextAsync("Behavioral health");

        // The partnership, with the administrator as its steward.
        await page.OpenAsync("/partnerships/new");
        await page.GetByLabel("Name of the partnership").FillAsync(People.PartnershipName);
        await page.GetByLabel(People.Bh).CheckAsync();
        await page.GetByLabel(People.Pc).CheckAsync();
        await Expect(page.GetByLabel("Make me a steward")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the partnership" }).ClickToAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/partnerships/[0-9a-f-]{36}/members$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Members", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The partnership has started");
        var steward = page.GetByRole(AriaRole.Table, new() { Name = $"Members from {People.Bh}" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Alex Rivera" });
        await Expect(steward).ToContainTextAsync("Steward");
        await Expect(steward).ToContainTextAsync("Executive");

        // The overview shows the roadmap: every phase with its gate, and the eight steps.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Partnership" }).GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = People.PartnershipName, Level = 1 })).ToBeVisibleAsync();
        var roadmap = page.GetByRole(AriaRole.Region, new() { Name = "Roadmap" });
        foreach (var phase in new[] { "Explore", "Plan", "Formalize", "Prepare", "Pilot", "Operate", "Close" })
        {
            await Expect(roadmap.GetByRole(AriaRole.Heading, new() { Name = phase, Level = 3 })).ToBeVisibleAsync();
        }
        await Expect(roadmap.GetByRole(AriaRole.Heading, new() { Name = "Explore", Level = 3 })).ToContainTextAsync("current phase");
        await Expect(Criterion(roadmap, "Both partners completed the readiness and alignment check")).ToContainTextAsync("Not started");
        await Expect(Criterion(roadmap, "Champions named in each partner")).ToContainTextAsync("Upcoming");
        // The Explore phase's own gate leads the page, each criterion a link to where it is done.
        var next = page.GetByRole(AriaRole.Region, new() { Name = "Next steps in the Explore phase" });
        await Expect(next.GetByRole(AriaRole.Link, new() { Name = "Both partners completed the readiness and alignment check" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/readiness$"));

        var steps = page.GetByRole(AriaRole.Region, new() { Name = "The eight steps" }).GetByRole(AriaRole.Listitem);
        await Expect(steps).ToHaveCountAsync(8);
        await Expect(steps.First).ToContainTextAsync("Establish the mission of the partnership");
        await Expect(steps.Last).ToContainTextAsync("Measure outcomes");

        // Set-up is offered only while nobody has an account.
        await page.OpenAsync("/setup", status: 404);
    }

    private static ILocator Criterion(ILocator roadmap, string text) =>
        roadmap.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text }).Last;
}
