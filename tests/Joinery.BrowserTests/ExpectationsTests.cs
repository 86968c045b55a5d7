using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Step 5: each partner writes its expectations unseen, both submit, then members pair the lists, agree and review the pilot; axe on every page.</summary>
public sealed class ExpectationsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Billable = "The consultant's time is fully billable by the end of the first year.";
    private const string Handoffs = "The consultant is free for same-day warm handoffs every clinic day.";
    private const string Agreed = "Warm handoffs stay free; the consultant bills the follow-up visits.";

    [Fact]
    public async Task Both_partners_submit_their_lists_then_pair_a_conflict_agree_on_it_and_review_the_pilot()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var steward = await browser.OpenPageAsync(app);
        await steward.SignInAsync(People.Steward.Email);
        await steward.OpenAsync($"/partnerships/{partnershipId}");
        await steward.WorkspaceLink("Expectations").ClickToAsync();
        await steward.GetByLabel("A result your organization expects").FillAsync(Billable);
        await steward.GetByRole(AriaRole.Button, new() { Name = "Add to our list" }).ClickToAsync();
        await steward.GetByLabel("A result your organization expects").FillAsync("Our clients get a yearly physical at the clinic.");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Add to our list" }).ClickToAsync();
        await steward.GetByRole(AriaRole.Button, new() { Name = "Submit our list" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("stays hidden from the other partners");

        // The clinic's planner sees that Riverside has submitted two, but not what they wrote.
        var planner = await browser.OpenPageAsync(app);
        await planner.SignInAsync(People.Planner.Email);
        await planner.OpenAsync($"/partnerships/{partnershipId}/expectations");
        var lists = planner.GetByRole(AriaRole.Table, new() { Name = "Where each partner's list stands" });
        await Expect(lists.GetByRole(AriaRole.Row).Filter(new() { HasText = People.Bh })).ToContainTextAsync($"by {People.Steward.Name}");
        await Expect(planner.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("fully billable");
        await planner.GetByLabel("A result your organization expects").FillAsync(Handoffs);
        await planner.GetByRole(AriaRole.Button, new() { Name = "Add to our list" }).ClickToAsync();
        await planner.GetByRole(AriaRole.Button, new() { Name = "Submit our list" }).ClickToAsync();
        await Expect(planner.GetByRole(AriaRole.Status)).ToContainTextAsync("the lists are now shown side by side");
        var sideBySide = planner.GetByRole(AriaRole.Region, new() { Name = "Side by side" });
        await Expect(sideBySide).ToContainTextAsync(Billable);
        await Expect(sideBySide).ToContainTextAsync(Handoffs);

        // Maple Street Clinic's list is A, Riverside's is B.
        await planner.GetByLabel("One partner's expectation").SelectOptionAsync(new SelectOptionValue { Label = $"A1: {Handoffs}" });
        await planner.GetByLabel("Another partner's expectation").SelectOptionAsync(new SelectOptionValue { Label = $"B1: {Billable}" });
        await planner.GetByLabel("How they relate").SelectOptionAsync(new SelectOptionValue { Label = "Conflicting" });
        await planner.GetByLabel("Note (optional)").FillAsync("Warm handoffs are rarely billable.");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Pair them" }).ClickToAsync();
        await Expect(planner.GetByText("1 conflicting pair has no agreed expectation yet.")).ToBeVisibleAsync();
        await Expect(sideBySide).ToContainTextAsync("Conflicts with B1");

        await planner.GetByRole(AriaRole.Link, new() { Name = "Agree on A1 and B1" }).ClickToAsync();
        await Expect(planner.GetByRole(AriaRole.Checkbox, new() { Name = $"A1 {Handoffs}" })).ToBeCheckedAsync();
        await Expect(planner.GetByRole(AriaRole.Checkbox, new() { Name = $"B1 {Billable}" })).ToBeCheckedAsync();
        await planner.GetByLabel("What the partners agree to expect").FillAsync(Agreed);
        await planner.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = People.Steward.Name });
        await planner.GetByLabel("Re-evaluate on").FillAsync(JoineryServer.Day(84));
        await planner.GetByRole(AriaRole.Button, new() { Name = "Record the agreed expectation" }).ClickToAsync();
        await Expect(planner.GetByRole(AriaRole.Table, new() { Name = "Agreed expectations" })).ToContainTextAsync(People.Steward.Name);
        await Expect(planner.GetByText("no agreed expectation yet")).ToHaveCountAsync(0);

        await planner.GetByLabel("Pilot from").FillAsync(JoineryServer.Day(-97));
        await planner.GetByLabel("Pilot to").FillAsync(JoineryServer.Day(-37));
        await planner.GetByLabel("Review held on (once held)").FillAsync(JoineryServer.Day(-32));
        await planner.GetByLabel("Summary of the review").FillAsync("Handoffs happen daily; billing lags.");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Record the pilot" }).ClickToAsync();
        await Expect(planner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Pilot review");
        await planner.GetByLabel("Agreed expectation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Agreed });
        await planner.GetByLabel("What the review found").SelectOptionAsync(new SelectOptionValue { Label = "Partly met" });
        await planner.GetByLabel("What the partners will do in response").FillAsync("Bill follow-ups within a week of the handoff.");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Record the re-evaluation" }).ClickToAsync();
        await Expect(planner.GetByRole(AriaRole.Main)).ToContainTextAsync("Complete: every agreed expectation is re-evaluated.");
        await planner.GetByRole(AriaRole.Link, new() { Name = Agreed }).ClickToAsync();
        await Expect(planner.GetByRole(AriaRole.Region, new() { Name = "Re-evaluations" })).ToContainTextAsync("Partly met");

        await planner.OpenAsync($"/partnerships/{partnershipId}");
        await Expect(planner.RoadmapCriterion("Expectations agreed")).ToContainTextAsync("0 linked to a measure");
    }
}
