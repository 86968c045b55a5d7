using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Close: the partners end the partnership, carry out a service's transition, and archive it; the archive reads but cannot change. Axe on every page.</summary>
public sealed class CloseTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_partners_end_the_partnership_carry_out_the_transition_and_archive_it()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var steward = await browser.OpenPageAsync(app);
        await steward.SignInAsync(People.Steward.Email);
        await steward.OpenAsync($"/partnerships/{partnershipId}/services");
        await steward.GetByLabel("Name of the service").FillAsync("Psychiatric consults");
        await steward.GetByLabel("Delivered by").SelectOptionAsync(new SelectOptionValue { Label = People.Bh });
        await steward.GetByLabel("Billed by").SelectOptionAsync(new SelectOptionValue { Label = People.Bh });
        await steward.Locator("#Input_Scope_direct").CheckAsync();
        await steward.GetByRole(AriaRole.Button, new() { Name = "Add the service" }).ClickToAsync();

        await steward.PhaseLink().ClickToAsync();
        await steward.GetByLabel("Why are the partners ending the partnership?").FillAsync("The grant ended and neither board can fund the consults.");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Move to Close" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Heading, new() { Name = "Close the partnership", Level = 1 })).ToBeVisibleAsync();
        await Expect(steward.GetByRole(AriaRole.Region, new() { Name = "The decision" })).ToContainTextAsync("The grant ended");
        var service = steward.GetByRole(AriaRole.Article, new() { Name = "Psychiatric consults" });
        await Expect(service).ToContainTextAsync("No plan yet.");

        await service.GetByLabel("A partner").SelectOptionAsync(new SelectOptionValue { Label = People.Pc });
        await service.GetByLabel("How the people served are told").FillAsync("At their next visit, then by letter.");
        await service.GetByLabel("Records kept by").SelectOptionAsync(new SelectOptionValue { Label = People.Pc });
        await service.GetByLabel("Which records, for how long, and what happens to the rest").FillAsync("Consult notes stay in the clinic's record for seven years.");
        var today = JoineryServer.Day(0);
        await service.GetByLabel("Care handed over").FillAsync(today);
        await service.GetByLabel("People told").FillAsync(today);
        await service.GetByLabel("Records settled").FillAsync(today);
        await service.GetByRole(AriaRole.Button, new() { Name = "Save the plan for Psychiatric consults" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("The transition plan for Psychiatric consults is saved.");
        await Expect(steward.GetByRole(AriaRole.Article, new() { Name = "Psychiatric consults" })).ToContainTextAsync("Transition complete.");

        await steward.GetByLabel("We understand the partnership becomes read-only for good.").CheckAsync();
        await steward.GetByRole(AriaRole.Button, new() { Name = "Archive the partnership" }).ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("The partnership is archived.");
        await Expect(steward.GetByText("Everything here can be read, printed and downloaded; nothing can be changed.")).ToBeVisibleAsync();

        // The archive still reads, and its forms are shown but cannot be used.
        await steward.WorkspaceLink("Common language").ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Button, new() { Name = "Add the term" })).ToBeDisabledAsync();
        await Expect(steward.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeEnabledAsync();
        // Someone who left can still be removed: that only takes access away.
        await steward.WorkspaceLink("Members").ClickToAsync();
        await Expect(steward.GetByRole(AriaRole.Button, new() { Name = "Create invitation" })).ToBeDisabledAsync();
        await steward.GetByText($"Change {People.Planner.Name}").ClickAsync();
        await Expect(steward.GetByRole(AriaRole.Button, new() { Name = $"Save {People.Planner.Name}" })).ToBeDisabledAsync();
        await steward.GetByText($"Remove {People.Planner.Name}…").ClickAsync();
        await Expect(steward.GetByRole(AriaRole.Button, new() { Name = $"Yes, remove {People.Planner.Name}" })).ToBeEnabledAsync();
        await steward.OpenAsync("/");
        await Expect(steward.GetByText("Archived " + JoineryServer.ShownDay(0))).ToBeVisibleAsync();
    }
}
