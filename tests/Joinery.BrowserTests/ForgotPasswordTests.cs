using System.Text.RegularExpressions;
using Joinery.BrowserTests.Support;
using Joinery.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Someone who forgot their password gets a link by e-mail, chooses a new one and signs in with it.</summary>
public sealed partial class ForgotPasswordTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "Quiet meadow compass 77";

    [Fact]
    public async Task A_person_asks_for_a_link_sets_a_new_password_and_signs_in_with_it()
    {
        using var mail = new TestMailServer();
        await using var app = await JoineryServer.StartAsync(a => a.TwoPartnersAsync(), mail.Settings);
        var page = await browser.OpenPageAsync(app);

        await page.OpenAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickToAsync();
        await page.GetByLabel("Email address").FillAsync(People.Steward.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "E-mail me a link" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses that address, we sent a link to it.");

        var email = (await mail.ArrivedAsync(People.Steward.Email)).ShouldHaveSingleItem();
        var link = Link().Match(email.TextBody ?? "").Value;
        link.ShouldStartWith(app.Url("/account/reset-password?"));
        await page.OpenAsync(new Uri(link).PathAndQuery);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed");

        await page.SignInAsync(People.Steward.Email, NewPassword);
    }

    [GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial Regex Link();
}
