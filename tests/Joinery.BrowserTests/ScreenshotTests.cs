using Joinery.BrowserTests.Support;
using Joinery.Core.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>
/// Pictures of the demo partnership for the README. They are written to the test output folder;
/// with <c>JOINERY_UPDATE_SCREENSHOTS=1</c> they replace docs/screenshots/*.png in the repository.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Demo_overview_and_members_pages_are_captured_for_the_readme()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app, width: 1280, height: 900);
        await page.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);

        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = SeedDemo.PartnershipName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.RoadmapCriterion("Champions named in each partner")).ToContainTextAsync("Met");
        await SaveAsync(page, "overview.png");

        await page.WorkspaceLink("Dashboard").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Measures" }).GetByRole(AriaRole.Img)).ToHaveCountAsync(3);
        await SaveAsync(page, "dashboard.png");

        await page.WorkspaceLink("Members").ClickToAsync();
        await Expect(page.MemberRow("Eastside Community Health Center", "Jamal Carter")).ToContainTextAsync("Yes: Screening at intake");
        await SaveAsync(page, "members.png");
    }

    [Fact]
    public async Task What_waits_for_a_frontline_member_and_their_email_choices_are_captured_for_the_readme()
    {
        await using var app = await JoineryServer.StartAsync(async a => await a.DemoAsync());
        var page = await browser.OpenPageAsync(app, width: 1280, height: 900);
        await page.SignInAsync("sam.keller@riverbend.example", SeedDemo.Password);

        var waiting = page.GetByRole(AriaRole.Region, new() { Name = "Waiting for you" });
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = "Answer pulse round 3" })).ToBeVisibleAsync();
        await page.ShouldPassAxeAsync();
        await SaveAsync(page, "waiting-for-you.png");

        await page.OpenAsync("/account/notifications");
        await Expect(page.GetByLabel("Decisions to sign off (urgent)")).ToBeCheckedAsync();
        await page.ShouldPassAxeAsync();
        await SaveAsync(page, "notifications.png");
    }

    [Fact]
    public async Task Demo_run_chart_health_readiness_and_trust_charts_are_captured_for_the_readme()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app, width: 1280, height: 900);
        await page.SignInAsync("jamal.carter@eastside.example", SeedDemo.Password);

        await page.OpenAsync($"/partnerships/{demo.PartnershipId}/measures");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Positive depression screens with a follow-up plan" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Run chart of Positive depression screens with a follow-up plan" })).ToBeVisibleAsync();
        await page.Mouse.WheelAsync(0, 680);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What the rules say" })).ToBeInViewportAsync();
        await SaveAsync(page, "run-chart.png");

        await page.WorkspaceLink("Health").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partnership health", Level = 1 })).ToBeVisibleAsync();
        await SaveAsync(page, "health.png");

        await page.WorkspaceLink("Readiness").ClickToAsync();
        var readiness = page.GetByRole(AriaRole.Img, new() { Name = "Readiness by factor, each partner's mean" });
        await readiness.ScrollIntoViewIfNeededAsync();
        await Expect(readiness).ToBeInViewportAsync();
        await SaveAsync(page, "readiness.png");

        await page.WorkspaceLink("Trust").ClickToAsync();
        var contact = page.GetByRole(AriaRole.Img, new() { Name = "Attendances at in-person meetings, by level" });
        await contact.ScrollIntoViewIfNeededAsync();
        await Expect(contact).ToBeInViewportAsync();
        await SaveAsync(page, "trust.png");
    }

    [Fact]
    public async Task Demo_launch_and_close_pages_are_captured_for_the_readme()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app, width: 1280, height: 900);
        await page.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);

        await page.OpenAsync($"/partnerships/{demo.PartnershipId}/launch");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Launch", Level = 1 })).ToBeVisibleAsync();
        await SaveAsync(page, "launch.png");

        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = Joinery.Core.Close.ClosingDemo.ClosingPartnershipName }).ClickToAsync();
        await page.WorkspaceLink("Transition plans").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "Adolescent substance use counseling" })).ToContainTextAsync("Past its due date");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Transition plans" }).ScrollIntoViewIfNeededAsync();
        await SaveAsync(page, "close.png");
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("JOINERY_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var png = await page.ScreenshotAsync(new() { Path = path, Type = ScreenshotType.Png });
        png.Length.ShouldBeGreaterThan(10_000, $"{path} looks empty");
    }
}
