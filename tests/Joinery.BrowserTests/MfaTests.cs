using System.Text.RegularExpressions;
using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Two-step sign-in with an authenticator app; the test plays the app.</summary>
public sealed class MfaTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Person_turns_on_an_authenticator_app_and_then_signs_in_with_a_code()
    {
        await using var app = await JoineryServer.StartAsync(a => a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync(People.Planner.Email);

        await page.SiteLink("My profile").ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickToAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/account/mfa"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code to add Joinery to an authenticator app" })).ToBeVisibleAsync();
        var caption = await page.GetByRole(AriaRole.Figure).TextContentAsync() ?? "";
        var key = Regex.Match(caption, "Key: ([a-z2-7 ]+)").Groups[1].Value;
        key.Replace(" ", "", StringComparison.Ordinal).Length.ShouldBeGreaterThanOrEqualTo(16, $"no key in '{caption}'");

        // A wrong code is refused with a message that says what to do.
        var code = Totp.Code(key, app.Now);
        await page.GetByLabel("Code from the app").FillAsync(code == "123456" ? "654321" : "123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right.");

        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, app.Now));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickToAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/account/profile"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-step sign-in is on.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Two-step sign-in" })).ToContainTextAsync("An authenticator app is required when you sign in.");

        // Next time the password alone is not enough.
        await page.SignOutAsync();
        await page.GetByLabel("Email address").FillAsync(People.Planner.Email);
        await page.GetByLabel("Password").FillAsync(Arrange.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickToAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Authenticator code", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);

        await page.GetByLabel("Code").FillAsync(Totp.Code(key, app.Now));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickToAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My partnerships", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public void Authenticator_codes_match_the_RFC_6238_test_vectors()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", last six of the eight digits.
        const string Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Totp.Code(Key, DateTimeOffset.FromUnixTimeSeconds(59)).ShouldBe("287082");
        Totp.Code(Key, DateTimeOffset.FromUnixTimeSeconds(1111111109)).ShouldBe("081804");
        Totp.Code(Key, DateTimeOffset.FromUnixTimeSeconds(2000000000)).ShouldBe("279037");
        Totp.Code(Key.ToLowerInvariant(), DateTimeOffset.FromUnixTimeSeconds(59)).ShouldBe("287082");
    }
}
