using Joinery.BrowserTests.Support;
using Joinery.Core.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Step 7 as members use it, on the demo partnership, with axe on every page.</summary>
public sealed class FeedbackTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_frontline_viewer_posts_anonymously_and_a_steward_answers_and_marks_it_done()
    {
        DemoResult demo = null!;
        await using var app = await JoineryServer.StartAsync(async a => demo = await a.DemoAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync("mei.lin@eastside.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}");

        await page.WorkspaceLink("Feedback").ClickToAsync();
        var items = page.GetByRole(AriaRole.Table, new() { Name = "Feedback items" });
        await Expect(items).ToContainTextAsync("unanswered for 23 days");
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Negative" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickToAsync();
        await Expect(items).ToContainTextAsync("Frontline staff hear about decisions last");
        await Expect(items).Not.ToContainTextAsync("The Tuesday huddle works");
        await page.GetByLabel("Negative: something that does not work").CheckAsync();
        await page.GetByLabel("In a few words").FillAsync("Nobody covers the front desk during the joint huddle");
        await page.GetByLabel("Details (optional)").FillAsync("Patients wait at an empty desk for ten minutes every Tuesday.");
        await page.GetByLabel("Post anonymously").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the feedback" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("posted anonymously");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nobody covers the front desk during the joint huddle" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Mei Lin");
        await page.SignOutAsync();

        await page.SignInAsync("dana.whitfield@riverbend.example", SeedDemo.Password);
        await page.OpenAsync($"/partnerships/{demo.PartnershipId}/feedback");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nobody covers the front desk during the joint huddle" }).ClickToAsync();
        await page.GetByLabel("Public answer (everyone in the partnership reads it)").FillAsync("A Riverbend peer specialist now covers the desk during every huddle.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the answer" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The answer is published");
        await page.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "Done" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the status" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("you said, we did");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Feedback" }).ClickToAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "you said, we did" }).ClickToAsync();
        var done = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Nobody covers the front desk during the joint huddle" });
        await Expect(done).ToContainTextAsync("A Riverbend peer specialist now covers the desk during every huddle.");
        await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Referrals to Riverbend disappear" })).ToBeVisibleAsync();
    }
}
