using System.Text.RegularExpressions;
using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>A steward invites someone by email; they follow the one-time link and join.</summary>
public sealed class InvitationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string InviteeEmail = "jordan.lee@maple.example";

    [Fact]
    public async Task Invited_person_sets_a_password_joins_the_partnership_and_the_link_then_stops_working()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var steward = await browser.OpenPageAsync(app);
        await steward.SignInAsync(People.Steward.Email);

        var link = await InviteAsync(steward, partnershipId);
        link.ShouldStartWith(app.Url("/account/invitation?token="));

        // The invitee, in a browser of their own.
        var invitee = await browser.OpenPageAsync(app);
        await invitee.OpenAsync(link);
        await Expect(invitee.GetByRole(AriaRole.Heading, new() { Name = $"Join {People.PartnershipName}", Level = 1 })).ToBeVisibleAsync();
        await Expect(invitee.GetByRole(AriaRole.Main)).ToContainTextAsync("clinician at frontline level, for Maple Street Clinic");
        await invitee.GetByLabel("Your name").FillAsync("Jordan Lee");
        await invitee.GetByLabel("Choose a password").FillAsync("Lantern-Orchard-Pebble-Tuesday-7");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Accept and create my account" }).ClickToAsync();

        await Expect(invitee).ToHaveURLAsync(app.Url($"/partnerships/{partnershipId}"));
        await Expect(invitee.GetByRole(AriaRole.Status)).ToHaveTextAsync("Welcome to the partnership.");
        await Expect(invitee.GetByRole(AriaRole.Heading, new() { Name = People.PartnershipName, Level = 1 })).ToBeVisibleAsync();
        // A member, not a steward: no phase or audit pages.
        await Expect(invitee.WorkspaceLink("Members")).ToBeVisibleAsync();
        await Expect(invitee.PhaseLink()).ToHaveCountAsync(0);

        // The steward now sees them among the clinic's members, and the invitation is no longer open.
        await steward.OpenAsync($"/partnerships/{partnershipId}/members");
        var row = steward.MemberRow(People.Pc, "Jordan Lee");
        await Expect(row).ToContainTextAsync(InviteeEmail);
        await Expect(row).ToContainTextAsync("Clinician");
        await Expect(row).ToContainTextAsync("Frontline");
        await Expect(steward.GetByRole(AriaRole.Heading, new() { Name = "Open invitations" })).ToHaveCountAsync(0);

        // The link works once.
        var stranger = await browser.OpenPageAsync(app);
        await stranger.OpenAsync(link);
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "This invitation is not valid", Level = 1 })).ToBeVisibleAsync();
        await Expect(stranger.GetByLabel("Choose a password")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Invitation_form_names_each_missing_field()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var steward = await browser.OpenPageAsync(app);
        await steward.SignInAsync(People.Steward.Email);
        await steward.OpenAsync($"/partnerships/{partnershipId}/members");

        var invite = steward.GetByRole(AriaRole.Region, new() { Name = "Invite someone" });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickToAsync();

        var summary = steward.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        foreach (var href in await summary.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"))
        {
            await Expect(steward.Locator(href)).ToHaveCountAsync(1);
        }
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(4);
        await Expect(steward.GetByLabel("Invitation link")).ToHaveCountAsync(0);
    }

    /// <summary>The steward fills the members page's invitation form and copies the link it shows.</summary>
    internal static async Task<string> InviteAsync(IPage steward, Guid partnershipId)
    {
        await steward.OpenAsync($"/partnerships/{partnershipId}/members");
        var invite = steward.GetByRole(AriaRole.Region, new() { Name = "Invite someone" });
        await invite.GetByLabel("Email address").FillAsync(InviteeEmail);
        await invite.GetByLabel("Their organization").SelectOptionAsync(new SelectOptionValue { Label = People.Pc });
        await invite.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Value = "clinician" });
        await invite.GetByLabel("Level").SelectOptionAsync(new SelectOptionValue { Label = "Frontline" });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickToAsync();

        await Expect(steward).ToHaveURLAsync(new Regex($"/partnerships/{partnershipId}/members$"));
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation created.");
        await Expect(invite.GetByRole(AriaRole.Heading, new() { Name = "Open invitations" })).ToBeVisibleAsync();
        await Expect(invite.GetByRole(AriaRole.Listitem).Filter(new() { HasText = InviteeEmail })).ToContainTextAsync("clinician, frontline");
        return await steward.GetByLabel("Invitation link").InputValueAsync();
    }
}
