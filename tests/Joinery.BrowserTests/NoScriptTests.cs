using System.Text.RegularExpressions;
using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>The core flows work with scripting turned off: plain links and forms, nothing else.</summary>
public sealed class NoScriptTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Person_signs_in_and_out_with_scripting_off()
    {
        await using var app = await JoineryServer.StartAsync(a => a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app, javaScript: false);

        await page.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(People.Planner.Email);
        await page.GetByLabel("Password").FillAsync("Not-The-Right-Passphrase-99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email address or password is not right.");

        await page.SignInAsync(People.Planner.Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My partnerships", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = People.PartnershipName }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Roadmap" })).ToBeVisibleAsync();

        await page.SignOutAsync();
        await page.OpenAsync("/");
        await Expect(page).ToHaveURLAsync(app.Url("/account/sign-in"));
    }

    [Fact]
    public async Task Steward_invites_and_the_invitee_accepts_with_scripting_off()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var steward = await browser.OpenPageAsync(app, javaScript: false);
        await steward.SignInAsync(People.Steward.Email);
        var link = await InvitationTests.InviteAsync(steward, partnershipId);

        var invitee = await browser.OpenPageAsync(app, javaScript: false);
        await invitee.OpenAsync(link);
        await invitee.GetByLabel("Your name").FillAsync("Jordan Lee");
        await invitee.GetByLabel("Choose a password").FillAsync("Lantern-Orchard-Pebble-Tuesday-7");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Accept and create my account" }).ClickToAsync();
        await Expect(invitee).ToHaveURLAsync(new Regex($"/partnerships/{partnershipId}$"));
        await Expect(invitee.GetByRole(AriaRole.Status)).ToHaveTextAsync("Welcome to the partnership.");

        await steward.OpenAsync($"/partnerships/{partnershipId}/members");
        await Expect(steward.MemberRow(People.Pc, "Jordan Lee")).ToContainTextAsync("Clinician");
    }
}
