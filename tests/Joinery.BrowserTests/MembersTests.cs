using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Stewards change members' roles; the partnership always keeps a steward.</summary>
public sealed class MembersTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Last_steward_cannot_step_down_and_the_message_leads_to_their_role()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync(People.Steward.Email);
        await page.OpenAsync($"/partnerships/{partnershipId}/members");

        var row = page.MemberRow(People.Bh, People.Steward.Name);
        await row.GetByText($"Change {People.Steward.Name}").ClickAsync();
        await row.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Planner" });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Save {People.Steward.Name}" }).ClickToAsync();

        var message = page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "A partnership needs at least one steward; make someone else a steward first." });
        await Expect(message).ToBeVisibleAsync();
        await message.ClickAsync();
        var role = page.MemberRow(People.Bh, People.Steward.Name).GetByLabel("Role");
        await Expect(role).ToBeVisibleAsync();
        await Expect(role).ToBeFocusedAsync();
        await Expect(page.MemberRow(People.Bh, People.Steward.Name)).ToContainTextAsync("Steward");

        // Making the planner a steward first lets the first one step down.
        var planner = page.MemberRow(People.Pc, People.Planner.Name);
        await planner.GetByText($"Change {People.Planner.Name}").ClickAsync();
        await planner.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Steward" });
        await planner.GetByRole(AriaRole.Button, new() { Name = $"Save {People.Planner.Name}" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The member was updated.");

        row = page.MemberRow(People.Bh, People.Steward.Name);
        await row.GetByText($"Change {People.Steward.Name}").ClickAsync();
        await row.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Planner" });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Save {People.Steward.Name}" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The member was updated.");
        await Expect(page.MemberRow(People.Bh, People.Steward.Name)).ToContainTextAsync("Planner");
        await Expect(page.MemberRow(People.Pc, People.Planner.Name)).ToContainTextAsync("Steward");
    }
}
