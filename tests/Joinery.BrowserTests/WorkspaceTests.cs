using Joinery.BrowserTests.Support;
using Joinery.Core.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>The Explore phase and steps 1–4 as members use them, on the demo partnership, with axe on every page.</summary>
public sealed class WorkspaceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_steward_runs_readiness_and_level_of_integration_and_reads_the_results()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");

        await page.WorkspaceLink("Readiness").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Means by factor and item for each organization" })).ToContainTextAsync("talk about this");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start round 2" }).ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Answer the check" }).ClickToAsync();
        foreach (var group in await page.Locator("fieldset.scale").AllAsync())
        {
            await group.GetByLabel("4 agree").CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your answers are in");
        await Expect(page.GetByText("Waiting for every partner")).ToBeVisibleAsync();

        await page.WorkspaceLink("Integration level").ClickToAsync();
        var finder = page.GetByRole(AriaRole.Region, new() { Name = "The level finder" });
        await finder.GetByRole(AriaRole.Group, new() { Name = "Do behavioral health and primary care providers see the people they share at the same site?" })
            .GetByLabel("Yes").CheckAsync();
        await finder.GetByRole(AriaRole.Group, new() { Name = "Do they share some systems (scheduling, records, front desk) and consult each other in person as a routine?" })
            .GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find our level" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("level 3");
        await page.GetByLabel("Current level").SelectOptionAsync("3");
        await page.GetByLabel("Target level").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreed levels" }).ClickToAsync();
        await Expect(page.GetByText("aiming for level 5")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Members_draft_the_mission_translate_a_letter_and_keep_the_glossary()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("priya.natarajan@riverbend.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");

        await page.WorkspaceLink("Mission").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "What changed from version 1 to version 2" })).ToBeVisibleAsync();
        await page.GetByLabel("Mission: what the partnership does, for whom").FillAsync("Together we care for the whole person, body and mind.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("voided 2 endorsement");
        await page.GetByLabel("Your comment on version 3").FillAsync("Shorter, and easier to say at a huddle.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickToAsync();
        await Expect(page.GetByText("Shorter, and easier to say at a huddle.")).ToBeVisibleAsync();

        await page.WorkspaceLink("Common language").ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Translate a text" }).ClickToAsync();
        await page.GetByLabel("Text").FillAsync("We accepted the referral; the client's treatment plan follows.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark the terms" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3 terms found" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "← Common language" }).ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "case management" }).ClickToAsync();
        await page.GetByLabel("Your comment").FillAsync("Billing leads meet on Thursday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickToAsync();
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "In discussion" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickToAsync();
        await Expect(page.GetByText("In discussion").First).ToBeVisibleAsync();
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}/glossary/print");
    }

    [Fact]
    public async Task Members_record_a_meeting_with_actions_and_sign_off_a_decision()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("grace.holloway@eastside.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");

        await page.WorkspaceLink("Meetings").ClickToAsync();
        await page.GetByLabel("Title").Last.FillAsync("Launch planning");
        await page.GetByLabel("Date").Last.FillAsync(JoineryServer.Day(-3));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickToAsync();
        await page.GetByLabel("Grace Holloway").CheckAsync();
        await page.GetByLabel("Jamal Carter").CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Minutes", Exact = true }).FillAsync("## Decisions\n- Start date agreed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decisions", Level = 2 }).First).ToBeVisibleAsync();
        await page.GetByLabel("What is to be done").FillAsync("Send the minutes to both teams");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Jamal Carter (Eastside Community Health Center)" });
        await page.GetByLabel("Due").FillAsync(JoineryServer.Day(14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Action items" })).ToContainTextAsync("Send the minutes to both teams");
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}/actions?overdue=true");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Action items" })).ToContainTextAsync("case management");

        await page.WorkspaceLink("Decisions").ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sharing substance use treatment notes in the shared record" }).ClickToAsync();
        await page.GetByLabel("I have read it and my organization agrees to it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off version 1 for my organization" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the decision is agreed");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Shared decisions" }).ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "what each partner contributes" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Contributions" })).ToContainTextAsync("Nurse care manager time");
    }
}
