using Joinery.BrowserTests.Support;
using Joinery.Core.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Step 6 as members use it on the demo partnership: the pulse answered from what waits on the home page, face-to-face time, and the survey closed and read; axe on every page.</summary>
public sealed class TrustTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task AnswerEveryStatementAsync(IPage page, string choice, string comment)
    {
        foreach (var group in await page.Locator("fieldset.scale").AllAsync())
        {
            await group.GetByLabel(choice).CheckAsync();
        }
        await page.GetByLabel("Anything else about how the partnership is working?").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers anonymously" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your answers are in, anonymously");
        await Expect(page.GetByText("You have answered this round")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_viewer_and_a_steward_answer_the_open_round_the_steward_closes_it_and_everyone_reads_suppressed_results()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());

        // A frontline member finds the open round waiting for her on the home page, answers it from there, and it is gone.
        var viewer = await browser.OpenPageAsync(app);
        await viewer.SignInAsync("mei.lin@eastside.example", SeedDemo.Password);
        var waiting = viewer.GetByRole(AriaRole.Region, new() { Name = "Waiting for you" });
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Answer pulse round 3" }).ClickToAsync();
        await AnswerEveryStatementAsync(viewer, "3 neither agree nor disagree", "The front desk would like to visit Riverbend.");
        await Expect(viewer.GetByText("The results appear when a steward closes the round")).ToBeVisibleAsync();
        await viewer.OpenAsync("/");
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = "Answer pulse round 3" })).ToHaveCountAsync(0);

        await viewer.OpenAsync($"/partnerships/{demo.PartnershipId}");
        await viewer.WorkspaceLink("Trust").ClickToAsync();
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "Trust: time together at every level" })).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Table, new() { Name = "In-person meetings across partners by level" })).ToContainTextAsync("Frontline");
        await viewer.GetByRole(AriaRole.Link, new() { Name = "by quarter" }).ClickToAsync();
        await viewer.GetByRole(AriaRole.Link, new() { Name = "pulse survey" }).ClickToAsync();
        await Expect(viewer.GetByText("Every member answers, viewers included")).ToBeVisibleAsync();

        var steward = await browser.OpenPageAsync(app);
        await steward.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);
        await steward.OpenAsync($"/partnerships/{demo.PartnershipId}/pulse");
        await steward.GetByRole(AriaRole.Link, new() { Name = "Go to round 3" }).ClickToAsync();
        await AnswerEveryStatementAsync(steward, "4 agree", "Keep the joint huddles going.");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Close round 3" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("Round 3 is closed with 5 answers");
        var results = steward.GetByRole(AriaRole.Table, new() { Name = "Pulse round 3 results by whole partnership, organization and level" });
        await Expect(results.GetByRole(AriaRole.Columnheader, new() { Name = "Whole partnership (all, n = 5)" })).ToBeVisibleAsync();
        var overall = results.GetByRole(AriaRole.Row, new() { Name = "All statements" }).GetByRole(AriaRole.Cell);
        await Expect(overall.Nth(0)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-5]\\.\\d\\d$"));
        await Expect(overall.Nth(1)).ToHaveTextAsync("—not shown");
        await Expect(results.GetByRole(AriaRole.Columnheader, new() { Name = "(partner, n = 3; under 5, not shown)" })).ToBeVisibleAsync();
        await Expect(steward.GetByRole(AriaRole.Region, new() { Name = "Comments" })).ToContainTextAsync("Keep the joint huddles going.");

        await steward.GetByRole(AriaRole.Link, new() { Name = "← Pulse survey" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Img, new() { Name = "Mean of all statements by round" })).ToHaveAccessibleDescriptionAsync(
            new System.Text.RegularExpressions.Regex("^Mean of all statements by round, Round 1 to Round 3\\. Latest: All statements [1-5]\\.\\d\\d? in Round 3\\.$"));
        await steward.GetByText("The numbers, round by round").ClickAsync();
        await Expect(steward.GetByRole(AriaRole.Table, new() { Name = "Mean of each statement by closed round" })).ToContainTextAsync("Round 3");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Open round 4" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("Round 4 is open");
        await Expect(steward.GetByRole(AriaRole.Heading, new() { Name = "Pulse round 4", Level = 1 })).ToBeVisibleAsync();

        await viewer.OpenAsync($"/partnerships/{demo.PartnershipId}/pulse");
        await viewer.GetByRole(AriaRole.Link, new() { Name = "Round 2", Exact = true }).ClickToAsync();
        var second = viewer.GetByRole(AriaRole.Table, new() { Name = "Pulse round 2 results by whole partnership, organization and level" });
        await Expect(second.GetByRole(AriaRole.Columnheader, new() { Name = "Executive (level, n = 4; under 5, not shown)" })).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Region, new() { Name = "Comments" })).ToContainTextAsync("first time I met anyone from the other clinic");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Open round 5" })).ToHaveCountAsync(0);
    }
}
