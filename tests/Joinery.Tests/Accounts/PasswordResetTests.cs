using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Accounts;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Joinery.Tests.Accounts;

/// <summary>
/// "Forgot your password?" e-mails a one-time link through a real SMTP server in the test process; the
/// link sets a new password once, ends every session, and the form never tells which addresses exist.
/// </summary>
public sealed class PasswordResetTests(MailingApp mailing) : IClassFixture<MailingApp>
{
    private const string NewPassword = "Quiet meadow compass 77";

    private JoineryApp App => mailing.App;

    private TestMailServer Mail => mailing.Mail;

    /// <summary>Asks for a link, and waits for the work the page does after answering (looking the account up, sending the mail).</summary>
    private async Task<HttpResponseMessage> AskAsync(HttpClient browser, string email, WebApplicationFactory<Program>? host = null)
    {
        var response = await browser.SubmitFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Input.Email"] = email });
        await App.AfterTheAnswersAsync(host);
        return response;
    }

    /// <summary>What a visitor sees after asking: where they were sent and what the page then says.</summary>
    private async Task<(HttpStatusCode Status, string? Location, string Page)> AnswerAsync(HttpClient browser, string email)
    {
        var response = await AskAsync(browser, email);
        var location = response.Headers.Location?.OriginalString;
        // The page as it reads: without its antiforgery tokens, which differ on every request.
        var page = location is null ? "" : Regex.Replace(await browser.ReadPageAsync(location), "value=\"CfDJ8[^\"]*\"", "");
        return (response.StatusCode, location, page);
    }

    private string LinkIn(string email)
    {
        var text = Mail.To(email)[^1].TextBody.ShouldNotBeNull();
        var line = text.Split('\n').Single(l => l.StartsWith("http://localhost/account/reset-password?", StringComparison.Ordinal));
        return new Uri(line.Trim()).PathAndQuery;
    }

    private static Task<HttpResponseMessage> ResetAsync(HttpClient browser, string link, string password)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://localhost" + link).Query);
        // The token from the form page, which a used link no longer shows.
        return browser.SubmitFormAsync("/account/forgot-password", "/account/reset-password", new()
        {
            ["user"] = query["user"]!,
            ["token"] = query["token"]!,
            ["Input.NewPassword"] = password,
        });
    }

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        App.Browser().SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task The_sign_in_page_links_to_the_forgotten_password_form()
    {
        var page = await App.Browser().ReadPageAsync("/account/sign-in");

        page.ShouldContain("<a href=\"/account/forgot-password\">Forgot your password?</a>");
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_once_ends_every_session_and_is_audited()
    {
        var p = await App.APartnership().BuildAsync();
        var person = p.Steward;
        var elsewhere = await App.SignedInAsync(person);
        var checkpoint = await App.AuditCheckpointAsync();

        var (status, location, page) = await AnswerAsync(App.Browser(), person.Email);

        (status, location).ShouldBe((HttpStatusCode.Redirect, "/account/forgot-password"));
        page.ShouldContain("If an account uses that address, we sent a link to it.");
        var message = Mail.To(person.Email).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Reset your Joinery password");
        var text = message.TextBody.ShouldNotBeNull();
        text.ShouldStartWith($"Hello {person.Name},");
        text.ShouldNotContain(person.Email, Case.Insensitive, "the e-mail carries nothing about the person but the greeting");
        text.ShouldNotContain(person.Password);
        text.ShouldNotContain("Riverbend", Case.Insensitive);
        var link = LinkIn(person.Email);

        var form = await App.Browser().ReadPageAsync(link);
        form.ShouldContain("Choose a new password");
        var reset = await ResetAsync(App.Browser(), link, NewPassword);

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        (await SignInAsync(person.Email, person.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "the old password no longer signs in");
        await App.SignedInAsync(person.Email, NewPassword);
        var ended = await elsewhere.GetAsync($"/partnerships/{p.Id}");
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session from before the reset ended");
        ended.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");

        var again = await ResetAsync(App.Browser(), link, "Another fine password 99");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("This link does not work");
        (await App.Browser().ReadPageAsync(link)).ShouldContain("This link does not work", customMessage: "a used link says so before anyone types");
        await App.SignedInAsync(person.Email, NewPassword);

        var actions = (await App.AuditSinceAsync(checkpoint)).Where(a => a.EntityId == person.UserId.ToString()).Select(a => a.Action).ToList();
        actions.ShouldContain(ForgotPassword.Requested);
        actions.ShouldContain("account.password-reset");
        await App.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task An_unknown_address_and_a_deactivated_account_get_the_same_answer_and_no_email()
    {
        var p = await App.APartnership().With(Joinery.Core.Partnerships.MemberRole.Steward).With(Joinery.Core.Partnerships.MemberRole.Viewer).BuildAsync();
        var deactivated = p.First(Joinery.Core.Partnerships.MemberRole.Viewer);
        (await App.WithCoreAsync(s => s.GetRequiredService<AccountActivation>().DeactivateAsync(deactivated.UserId))).Succeeded.ShouldBeTrue();
        var unknown = $"nobody{App.Unique()}@example.org";

        var known = await AnswerAsync(App.Browser(), p.Steward.Email);
        var nobody = await AnswerAsync(App.Browser(), unknown);
        var gone = await AnswerAsync(App.Browser(), deactivated.Email);

        nobody.ShouldBe(known);
        gone.ShouldBe(known);
        Mail.To(p.Steward.Email).ShouldHaveSingleItem();
        Mail.To(unknown).ShouldBeEmpty();
        Mail.To(deactivated.Email).ShouldBeEmpty("a deactivated account gets no link");
    }

    [Fact]
    public async Task A_bad_token_an_incomplete_link_and_a_bad_address_get_a_clear_message_not_an_error()
    {
        var p = await App.APartnership().BuildAsync();
        var browser = App.Browser();

        foreach (var link in new[]
                 {
                     "/account/reset-password", $"/account/reset-password?user={p.Steward.UserId}", $"/account/reset-password?user={p.Steward.UserId}&token=not-a-token",
                     $"/account/reset-password?user=not-a-guid&token=abc", $"/account/reset-password?user={Guid.NewGuid()}&token=Q2ZESjhB",
                 })
        {
            (await browser.ReadPageAsync(link)).ShouldContain("This link does not work", customMessage: link);
        }
        var forged = await ResetAsync(browser, $"/account/reset-password?user={p.Steward.UserId}&token=Q2ZESjhBdGhpcyBpcyBub3Q", NewPassword);
        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("This link does not work");
        await App.SignedInAsync(p.Steward);

        var typo = await AskAsync(browser, "not an address");
        typo.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await typo.ErrorSummaryAsync()).ShouldBe([new FieldError("Input_Email", "Enter an email address like name@example.org.")]);
    }

    [Fact]
    public async Task A_new_password_follows_the_password_rules()
    {
        var p = await App.APartnership().BuildAsync();
        await AskAsync(App.Browser(), p.Steward.Email);
        var link = LinkIn(p.Steward.Email);

        var weak = await ResetAsync(App.Browser(), link, "short");

        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await weak.ErrorSummaryAsync()).ShouldNotBeEmpty();
        (await weak.ErrorSummaryAsync()).ShouldAllBe(e => e.Field == "Input_NewPassword");
        (await ResetAsync(App.Browser(), link, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the link still works after a refused password");
    }

    [Fact]
    public async Task A_link_stops_working_after_an_hour()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var timed = App.OnClock(clock);
        var p = await App.APartnership().BuildAsync();
        var browser = JoineryApp.BrowserOf(timed);
        await AskAsync(browser, p.Steward.Email, timed);
        var link = LinkIn(p.Steward.Email);

        clock.Advance(TimeSpan.FromMinutes(59));
        (await browser.ReadPageAsync(link)).ShouldContain("Choose a new password");
        clock.Advance(TimeSpan.FromMinutes(2));
        (await browser.ReadPageAsync(link)).ShouldContain("This link does not work");
    }

    [Fact]
    public async Task One_account_gets_at_most_three_links_an_hour()
    {
        var p = await App.APartnership().BuildAsync();

        for (var i = 0; i < 5; i++)
        {
            (await AskAsync(App.Browser(), p.Steward.Email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        Mail.To(p.Steward.Email).Count.ShouldBe(ForgotPassword.MaxPerHour);
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout_since_the_link_proves_the_mailbox()
    {
        var p = await App.APartnership().BuildAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(p.Steward.Email, $"Wrong guess number {attempt}");
        }
        (await SignInAsync(p.Steward.Email, p.Steward.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "locked out");

        await AskAsync(App.Browser(), p.Steward.Email);
        (await ResetAsync(App.Browser(), LinkIn(p.Steward.Email), NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await App.SignedInAsync(p.Steward.Email, NewPassword);
    }
}

/// <summary>Without mail there is no link to send: the page says whom to ask instead.</summary>
public sealed class PasswordResetWithoutMailTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task The_page_says_resets_need_email_and_offers_no_form()
    {
        var page = await app.Browser().ReadPageAsync("/account/forgot-password");

        page.ShouldContain("Resetting a password needs e-mail, and this site does not send any. Ask a site administrator");
        page.ShouldNotContain("E-mail me a link");
    }
}
