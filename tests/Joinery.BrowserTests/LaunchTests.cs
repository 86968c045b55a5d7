using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Prepare, pilot, celebrate: the start date, the checklist, training, referral sources, go / no-go, then milestones and a celebration; axe on every page.</summary>
public sealed class LaunchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_partners_prepare_the_launch_record_a_go_and_celebrate_a_milestone()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var steward = await browser.OpenPageAsync(app);
        await steward.SignInAsync(People.Steward.Email);
        await steward.OpenAsync($"/partnerships/{partnershipId}");
        await steward.WorkspaceLink("Launch").ClickToAsync();

        var start = JoineryServer.Day(20);
        await steward.GetByLabel("Start date", new() { Exact = true }).FillAsync(start);
        await steward.GetByLabel("Pilot length (months)").FillAsync("4");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Save the start date" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Region, new() { Name = "Start date and pilot" })).ToContainTextAsync($"Services start on {JoineryServer.ShownDay(20)}");
        await Expect(steward.GetByRole(AriaRole.Region, new() { Name = "Start date and pilot" })).ToContainTextAsync("The pilot will run for 4 months");

        await steward.GetByRole(AriaRole.Button, new() { Name = "Add the standard items" }).ClickToAsync();
        var checklist = steward.GetByRole(AriaRole.Table, new() { Name = "Readiness checklist by area" });
        await Expect(checklist.GetByRole(AriaRole.Row)).ToHaveCountAsync(10);
        await checklist.GetByText("Edit “Crisis workflow agreed”").ClickAsync();
        await steward.GetByLabel("Owner of “Crisis workflow agreed”").SelectOptionAsync(new SelectOptionValue { Label = People.Planner.Name });
        await steward.GetByLabel("Done on, for “Crisis workflow agreed”").FillAsync(JoineryServer.Day(0));
        await steward.GetByRole(AriaRole.Button, new() { Name = "Save “Crisis workflow agreed”" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("The checklist item is updated.");
        await Expect(checklist.GetByRole(AriaRole.Row).Filter(new() { HasText = "Crisis workflow agreed" })).ToContainTextAsync(People.Planner.Name);
        await Expect(steward.GetByText("1 of 9 items done.")).ToBeVisibleAsync();

        await steward.GetByText("Add a course", new() { Exact = true }).ClickAsync();
        await steward.GetByLabel("Or a staff member who does not use Joinery").FillAsync("Maple Street front desk");
        await steward.GetByLabel("Course", new() { Exact = true }).FillAsync("Screening at check-in");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Add the course" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Region, new() { Name = "Staff training" })).ToContainTextAsync("Incomplete: Maple Street front desk.");

        await steward.GetByText("Add a referral source", new() { Exact = true }).ClickAsync();
        await steward.GetByLabel("Name", new() { Exact = true }).FillAsync("County crisis line");
        await steward.GetByLabel("Internal or external").SelectOptionAsync(new SelectOptionValue { Label = "External" });
        await steward.GetByLabel("Channel").SelectOptionAsync(new SelectOptionValue { Label = "Phone" });
        await steward.GetByRole(AriaRole.Button, new() { Name = "Add the referral source" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Table, new() { Name = "Referral sources" })).ToContainTextAsync("Not yet");

        await steward.GetByRole(AriaRole.Radio, new() { Name = "Go", Exact = true }).CheckAsync();
        await steward.GetByLabel("Note (required for a no-go: what has to change first)").FillAsync("Riverside is ready once the front desk is trained.");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickToAsync();
        var decisions = steward.GetByRole(AriaRole.Table, new() { Name = "Go or no-go by partner" });
        await Expect(decisions.GetByRole(AriaRole.Row).Filter(new() { HasText = People.Bh })).ToContainTextAsync("Go");
        await Expect(decisions.GetByRole(AriaRole.Row).Filter(new() { HasText = People.Pc })).ToContainTextAsync("Waiting");
        await Expect(steward.GetByRole(AriaRole.Region, new() { Name = "Go / no-go" })).ToContainTextAsync("Decision: Not decided");

        // The clinic's planner is a manager: they keep the checklist but do not decide go or no-go.
        var planner = await browser.OpenPageAsync(app);
        await planner.SignInAsync(People.Planner.Email);
        await planner.OpenAsync($"/partnerships/{partnershipId}/launch");
        await Expect(planner.GetByRole(AriaRole.Button, new() { Name = "Record the decision" })).ToHaveCountAsync(0);
        await Expect(planner.GetByText("An executive of each partner records the go or no-go.")).ToBeVisibleAsync();

        await steward.WorkspaceLink("Milestones").ClickToAsync();
        await steward.GetByRole(AriaRole.Button, new() { Name = "Add the natural milestones" }).ClickToAsync();
        var milestones = steward.GetByRole(AriaRole.Table, new() { Name = "Milestones" });
        await Expect(milestones.GetByRole(AriaRole.Row).Filter(new() { HasText = "Launch: services start" })).ToContainTextAsync(JoineryServer.ShownDay(20));
        await steward.GetByLabel("Milestone", new() { Exact = true }).FillAsync("Shared room opened");
        await steward.GetByLabel("Achieved on (if it already was)").FillAsync(JoineryServer.Day(-1));
        await steward.GetByRole(AriaRole.Button, new() { Name = "Add the milestone" }).ClickToAsync();
        await steward.GetByText("Record a celebration of “Shared room opened”").ClickAsync();
        var celebrate = steward.GetByRole(AriaRole.Row).Filter(new() { HasText = "Shared room opened" });
        await celebrate.GetByLabel("Celebrated on").FillAsync(JoineryServer.Day(0));
        await celebrate.GetByLabel("How it was celebrated").FillAsync("Coffee and cake in the new room.");
        await celebrate.GetByLabel("Who was thanked (teams and staff, never the people served)").FillAsync("The facilities teams of both partners.");
        await celebrate.GetByRole(AriaRole.Button, new() { Name = "Record the celebration" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("The celebration is recorded.");

        await steward.OpenAsync($"/partnerships/{partnershipId}");
        await Expect(steward.GetByRole(AriaRole.Region, new() { Name = "Celebrated lately" })).ToContainTextAsync("Coffee and cake in the new room.");
        await Expect(steward.RoadmapCriterion("Go / no-go signed by an executive of each partner")).ToContainTextAsync($"Waiting for {People.Pc}");
    }
}
