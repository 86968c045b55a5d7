using System.Net;
using Joinery.Core.Common;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Account;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class SignInTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Signing_in_with_the_right_password_records_sign_in_succeeded()
    {
        var p = await app.APartnership().BuildAsync();
        var checkpoint = await app.AuditCheckpointAsync();

        var browser = await app.SignedInAsync(p.Steward);

        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await app.AuditSinceAsync(checkpoint)).ShouldHaveSingleItem();
        entry.Action.ShouldBe("sign-in.succeeded");
        entry.EntityType.ShouldBe("user");
        entry.EntityId.ShouldBe(p.Steward.UserId.ToString());
        entry.UserId.ShouldBe(p.Steward.UserId);
        entry.OrganizationId.ShouldBe(p.Steward.OrganizationId);
        entry.Door.ShouldBe(Door.Web);
        entry.Detail.ShouldBe("");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_records_sign_in_failed()
    {
        var p = await app.APartnership().BuildAsync();
        var checkpoint = await app.AuditCheckpointAsync();
        var browser = app.Browser();

        var response = await SignInAsync(browser, p.Steward.Email, "Not the right password at all");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldBe([new FieldError("Input_Email", "The email address or password is not right.")]);
        (await browser.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        var entries = await app.AuditSinceAsync(checkpoint);
        entries.Select(a => a.Action).ShouldBe(["user.updated", "sign-in.failed"]);
        entries[0].Detail.ShouldBe("AccessFailedCount");
        var entry = entries[1];
        entry.EntityId.ShouldBe(p.Steward.UserId.ToString());
        entry.UserId.ShouldBe(p.Steward.UserId);
        entry.Door.ShouldBe(Door.Web);
        entry.Detail.ShouldBe("");
    }

    [Fact]
    public async Task An_unknown_email_records_sign_in_failed_without_keeping_the_address()
    {
        await app.APartnership().BuildAsync();
        var checkpoint = await app.AuditCheckpointAsync();

        var response = await SignInAsync(app.Browser(), "nobody.here@example.org", "Whatever the password 9");

        (await response.ErrorSummaryAsync()).ShouldBe([new FieldError("Input_Email", "The email address or password is not right.")]);
        var entry = (await app.AuditSinceAsync(checkpoint)).ShouldHaveSingleItem();
        entry.Action.ShouldBe("sign-in.failed");
        entry.UserId.ShouldBeNull();
        entry.EntityId.ShouldBe("");
        entry.Detail.ShouldNotContain("nobody");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var p = await app.APartnership().BuildAsync();
        var checkpoint = await app.AuditCheckpointAsync();
        var browser = app.Browser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(browser, p.Steward.Email, $"Wrong guess number {attempt}");
        }
        var rightPassword = await SignInAsync(browser, p.Steward.Email, p.Steward.Password);

        rightPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rightPassword.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldBe("The email address or password is not right.");
        (await browser.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        var lockoutEnd = await app.ReadAsync(db => db.Users.Where(u => u.Id == p.Steward.UserId).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull();
        lockoutEnd.Value.ShouldBeGreaterThan(TestClock.Start);
        (await app.AuditSinceAsync(checkpoint)).Select(a => a.Action).Where(a => a.StartsWith("sign-in", StringComparison.Ordinal)).ShouldBe(
            ["sign-in.failed", "sign-in.failed", "sign-in.failed", "sign-in.failed", "sign-in.locked-out", "sign-in.locked-out"]);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("someone@example.org", "")]
    [InlineData("<script>alert(1)</script>", "x")]
    public async Task Missing_or_hostile_credentials_are_refused_with_a_message_on_the_email_field(string email, string password)
    {
        var response = await SignInAsync(app.Browser(), email, password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe("Input_Email");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task Oversized_credentials_are_refused_without_touching_the_database()
    {
        await app.APartnership().BuildAsync();
        var before = await app.SnapshotAsync();

        var response = await SignInAsync(app.Browser(), new string('a', 10_000) + "@example.org", new string('p', 10_000));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldBe([new FieldError("Input_Email", "Enter your email address and password.")]);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\r\n/evil.example/")]
    public async Task Sign_in_never_redirects_off_the_site(string returnUrl)
    {
        var p = await app.APartnership().BuildAsync();
        var browser = app.Browser();

        var response = await browser.SubmitFormAsync("/account/sign-in", "/account/sign-in",
            new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password, ["returnUrl"] = returnUrl });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_that_asked_for_it()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = app.Browser();
        var challenge = await browser.GetAsync($"/partnerships/{p.Id}/members");
        var returnUrl = System.Web.HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["ReturnUrl"];

        var response = await browser.SubmitFormAsync("/account/sign-in", "/account/sign-in",
            new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password, ["returnUrl"] = returnUrl! });

        response.Headers.Location!.OriginalString.ShouldBe($"/partnerships/{p.Id}/members");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_is_recorded()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var checkpoint = await app.AuditCheckpointAsync();

        var response = await browser.SubmitFormAsync("/account/sign-out", []);

        response.Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        (await browser.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entries = await app.AuditSinceAsync(checkpoint);
        var entry = entries.Where(e => e.Action == "sign-out").ShouldHaveSingleItem();
        entry.UserId.ShouldBe(p.Steward.UserId);
        entries.Where(e => e.Action != "sign-out").ShouldAllBe(e => e.Action == "user.updated" && e.Detail == "SecurityStamp");
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        browser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
}
