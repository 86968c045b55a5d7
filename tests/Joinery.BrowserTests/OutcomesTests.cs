using Joinery.BrowserTests.Support;
using Joinery.Core.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Step 8 and partnership health as members use them, on the demo partnership, with axe on every page.</summary>
public sealed class OutcomesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_member_defines_a_measure_from_a_template_records_data_and_reads_the_run_chart()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("priya.natarajan@riverbend.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");

        await page.WorkspaceLink("Measures").ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Referrals completed" }).ClickToAsync();
        await Expect(page.GetByLabel("Name")).ToHaveValueAsync("Referrals completed");
        await page.GetByLabel("Target (a percentage for a proportion)").FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define the measure" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The measure is defined");

        var month = JoineryServer.Month(-1);
        await page.GetByLabel("Month", new() { Exact = true }).First.FillAsync(month);
        await page.GetByLabel("Numerator", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("Denominator", new() { Exact = true }).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the month" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Data for {JoineryServer.ShownMonth(-1)} recorded");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "The data behind the chart" })).ToContainTextAsync("75%");
        await page.GetByLabel("Month", new() { Exact = true }).First.FillAsync(month);
        await page.GetByLabel("Numerator", new() { Exact = true }).FillAsync("50");
        await page.GetByLabel("Denominator", new() { Exact = true }).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the month" }).ClickToAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("The numerator cannot be larger than the denominator.");
    }

    [Fact]
    public async Task The_demo_measure_shows_its_run_chart_rules_cycle_and_p_chart()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("jamal.carter@eastside.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}/measures");

        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Positive depression screens with a follow-up plan" }).ClickToAsync();
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Run chart of Positive depression screens with a follow-up plan" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(page.GetByText("Improvement:").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "C1: Follow-up plan prompt in Eastside's screening template" })).ToBeVisibleAsync();
        (await page.GetByRole(AriaRole.Table, new() { Name = "The data behind the chart" }).GetByRole(AriaRole.Row).CountAsync()).ShouldBe(25);

        await page.GetByRole(AriaRole.Link, new() { Name = "p-chart" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "p-chart of Positive depression screens with a follow-up plan" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Upper limit" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_overview_leads_with_health_and_a_steward_tunes_a_threshold()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");

        var health = page.GetByRole(AriaRole.Region, new() { Name = "Warning signs" });
        await Expect(health).ToContainTextAsync("no Part 2 terms (QSOA) are signed or in force");
        await page.WorkspaceLink("Health").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("1 measure has no baseline");
        await page.GetByLabel("Days a decision may wait for sign-off").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the thresholds" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The thresholds are saved");
        await Expect(page.GetByLabel("Days a decision may wait for sign-off")).ToHaveValueAsync("45");
    }

    [Fact]
    public async Task A_steward_reads_the_partnership_report_and_downloads_it_as_pdf()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");

        await page.WorkspaceLink("Board report").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shared mission and vision" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Gates of the lifecycle" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Run chart of Positive depression screens with a follow-up plan" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report (PDF)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith("-report.pdf");
        var path = await download.PathAsync();
        (await File.ReadAllBytesAsync(path))[..5].ShouldBe("%PDF-"u8.ToArray());
    }
}
