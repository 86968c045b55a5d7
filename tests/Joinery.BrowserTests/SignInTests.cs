using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Signing in and out, and what people see when they get a form wrong.</summary>
public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Person_signs_in_sees_their_partnerships_and_signs_out()
    {
        await using var app = await JoineryServer.StartAsync(a => a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);

        await page.OpenAsync("/");
        await Expect(page).ToHaveURLAsync(app.Url("/account/sign-in"));
        await page.GetByLabel("Email address").FillAsync(People.Planner.Email);
        await page.GetByLabel("Password").FillAsync(Arrange.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickToAsync();

        await Expect(page).ToHaveURLAsync(app.Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My partnerships", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = People.PartnershipName })).ToBeVisibleAsync();
        await Expect(page.SiteLink("Administration")).ToHaveCountAsync(0);

        await page.SignOutAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/account/sign-in"));
        await page.OpenAsync("/");
        await Expect(page).ToHaveURLAsync(app.Url("/account/sign-in"));
    }

    [Fact]
    public async Task Wrong_password_says_so_and_leaves_the_person_signed_out()
    {
        await using var app = await JoineryServer.StartAsync(a => a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);

        await page.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(People.Planner.Email);
        await page.GetByLabel("Password").FillAsync("Not-The-Right-Passphrase-99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickToAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The email address or password is not right." })).ToHaveAttributeAsync("href", "#Input_Email");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Password")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task Empty_setup_form_shows_an_error_summary_that_links_to_each_field()
    {
        await using var app = await JoineryServer.StartAsync();
        var page = await browser.OpenPageAsync(app);

        await page.OpenAsync("/setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickToAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        var expected = new Dictionary<string, string>
        {
            ["Enter your name."] = "Your name",
            ["Enter your organization's name."] = "Organization name",
            ["Enter a password."] = "Password",
        };
        foreach (var (message, label) in expected)
        {
            var link = summary.GetByRole(AriaRole.Link, new() { Name = message });
            await Expect(link).ToBeVisibleAsync();
            var href = (await link.GetAttributeAsync("href"))!;
            await Expect(page.GetByLabel(label)).ToHaveAttributeAsync("id", href.TrimStart('#'));
        }
        // Email and kind have their own messages; every message is a link to its field.
        var links = summary.GetByRole(AriaRole.Link);
        (await links.CountAsync()).ShouldBe(5);
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"))
        {
            await Expect(page.Locator(href)).ToHaveCountAsync(1);
        }

        // Following a link moves the focus to the field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter a password." }).ClickAsync();
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/setup#Input_Password"));
    }
}
