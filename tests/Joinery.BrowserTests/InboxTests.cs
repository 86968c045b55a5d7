using System.Text.RegularExpressions;
using Joinery.BrowserTests.Support;
using Joinery.Core.Decisions;
using Joinery.Core.Notifications;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>What waits for people reaches them: by e-mail, then on the home page, and it is done from there.</summary>
public sealed partial class InboxTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Decision = "Who books the shared nurse";

    [Fact]
    public async Task An_executive_gets_the_email_signs_off_from_the_inbox_and_the_item_is_gone()
    {
        using var mail = new TestMailServer();
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a =>
        {
            partnershipId = await a.TwoPartnersAsync();
            var created = await a.Services.GetRequiredService<DecisionsWork>().CreateAsync(partnershipId,
                new DecisionInput(Decision, "Two calendars, one nurse.", "", "negotiable", "", "Maple Street's front desk books; Riverside sees the calendar.", "proposed"));
            created.Succeeded.ShouldBeTrue(created.FirstError);
        }, mail.Settings);

        // The look for what to e-mail, as the app's timer (or cron) runs it.
        await app.BesideAsync(services => services.GetRequiredService<SendNotifications>().RunAsync());
        var email = mail.To(People.Steward.Email).ShouldHaveSingleItem();
        email.Subject.ShouldBe($"Waiting for you on Joinery: Sign off the decision \"{Decision}\"");
        var link = Link().Match(email.TextBody ?? "").Value;
        link.ShouldStartWith(app.Url($"/partnerships/{partnershipId}/decisions/"));

        var executive = await browser.OpenPageAsync(app);
        await executive.SignInAsync(People.Steward.Email);
        var waiting = executive.GetByRole(AriaRole.Region, new() { Name = "Waiting for you" });
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = $"Sign off the decision \"{Decision}\"" })).ToHaveAttributeAsync("href", new Uri(link).AbsolutePath);
        await executive.ShouldPassAxeAsync();
        await waiting.GetByRole(AriaRole.Link, new() { Name = $"Sign off the decision \"{Decision}\"" }).ClickToAsync();

        // What is signed is in view, and the sign-off asks first.
        await Expect(executive.Locator("form.sign-off blockquote")).ToHaveTextAsync("Maple Street's front desk books; Riverside sees the calendar.");
        await executive.GetByLabel("I have read it and my organization agrees to it").CheckAsync();
        await executive.GetByRole(AriaRole.Button, new() { Name = "Sign off version 1 for my organization" }).ClickToAsync();
        await Expect(executive.GetByRole(AriaRole.Status)).ToContainTextAsync("Signed off for your organization.");

        // Done: the home page lists nothing waiting any more.
        await executive.OpenAsync("/");
        await Expect(waiting).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"http://\S+/decisions/[0-9a-f-]{36}")]
    private static partial Regex Link();
}
