using System.Net;
using Joinery.Core.Accounts;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Joinery.Tests.Account;

/// <summary>A session ends on the server: sign-out, a password change and deactivation end every copy of the cookie; idle and absolute lifetimes hold.</summary>
public sealed class SessionTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task A_copied_cookie_stops_working_once_its_owner_signs_out()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var copy = await CopyOfSessionAsync(browser, $"/partnerships/{p.Id}");
        (await copy.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");

        (await browser.SubmitFormAsync("/account/sign-out", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await ShouldBeSentToSignInAsync(copy, $"/partnerships/{p.Id}");
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        var p = await app.APartnership().BuildAsync();
        var here = await app.SignedInAsync(p.Steward);
        var elsewhere = await app.SignedInAsync(p.Steward);
        const string newPassword = "Quiet meadow compass 77";

        var response = await here.SubmitFormAsync("/account/profile", "/account/profile?handler=ChangePassword",
            new() { ["Password.CurrentPassword"] = p.Steward.Password, ["Password.NewPassword"] = newPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await here.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeSentToSignInAsync(elsewhere, $"/partnerships/{p.Id}");
        await app.SignedInAsync(p.Steward.Email, newPassword);
        var old = await app.Browser().SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password });
        old.StatusCode.ShouldBe(HttpStatusCode.OK, "the old password no longer signs in");
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_says_so()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var before = await app.ReadAsync(db => db.Users.Where(u => u.Id == p.Steward.UserId).Select(u => u.PasswordHash + u.SecurityStamp).SingleAsync());

        var response = await browser.SubmitFormAsync("/account/profile", "/account/profile?handler=ChangePassword",
            new() { ["Password.CurrentPassword"] = "Not my password at all", ["Password.NewPassword"] = "Quiet meadow compass 77" });

        (await response.ErrorSummaryAsync()).ShouldBe([new FieldError("Password_CurrentPassword", "Your current password is not right.")]);
        (await app.ReadAsync(db => db.Users.Where(u => u.Id == p.Steward.UserId).Select(u => u.PasswordHash + u.SecurityStamp).SingleAsync())).ShouldBe(before);
        (await browser.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deactivating_a_person_ends_their_session_and_refuses_their_sign_in_until_reactivated()
    {
        var p = await app.APartnership().BuildAsync();
        var admin = await app.SignedInAsync(await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true));
        var browser = await app.SignedInAsync(p.Steward);

        var deactivate = await admin.SubmitFormAsync("/admin/users", "/admin/users?handler=Deactivate", new() { ["userId"] = p.Steward.UserId.ToString() });

        deactivate.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ShouldBeSentToSignInAsync(browser, $"/partnerships/{p.Id}");
        var refused = await app.Browser().SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password });
        (await refused.ErrorSummaryAsync()).ShouldBe([new FieldError("Input_Email", "The email address or password is not right.")]);
        (await admin.ReadPageAsync("/admin/users")).ShouldContain("deactivated");

        (await admin.SubmitFormAsync("/admin/users", "/admin/users?handler=Reactivate", new() { ["userId"] = p.Steward.UserId.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.SignedInAsync(p.Steward);
    }

    [Fact]
    public async Task The_last_active_site_administrator_cannot_be_deactivated()
    {
        var p = await app.APartnership().BuildAsync();
        var last = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true);

        var refused = await app.WithCoreAsync(async services =>
        {
            var others = await services.GetRequiredService<Joinery.Core.Data.JoineryDb>().Users
                .Where(u => u.IsSiteAdmin && u.DeactivatedAt == null && u.Id != last.UserId).Select(u => u.Id).ToListAsync();
            var activation = services.GetRequiredService<AccountActivation>();
            foreach (var id in others)
            {
                (await activation.DeactivateAsync(id)).Succeeded.ShouldBeTrue();
            }
            return await activation.DeactivateAsync(last.UserId);
        });

        refused.Succeeded.ShouldBeFalse();
        refused.FirstError.ShouldContain("last active site administrator");
        (await app.ReadAsync(db => db.Users.SingleAsync(u => u.Id == last.UserId))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_session_ends_after_fifteen_idle_minutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var timed = app.OnClock(clock);
        var p = await app.APartnership().BuildAsync();
        var browser = await SignInAsync(timed, p.Steward);

        clock.Advance(TimeSpan.FromMinutes(14));
        (await browser.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "14 idle minutes are within the timeout");
        clock.Advance(TimeSpan.FromMinutes(16));

        await ShouldBeSentToSignInAsync(browser, $"/partnerships/{p.Id}");
    }

    [Fact]
    public async Task A_busy_session_still_ends_twelve_hours_after_sign_in()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await using var timed = app.OnClock(clock);
        var p = await app.APartnership().BuildAsync();
        var browser = await SignInAsync(timed, p.Steward);

        for (var minutes = 10; minutes < 12 * 60; minutes += 10)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            (await browser.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {minutes} busy minutes");
        }
        clock.Advance(TimeSpan.FromMinutes(11));

        await ShouldBeSentToSignInAsync(browser, $"/partnerships/{p.Id}");
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, Person person)
    {
        var browser = JoineryApp.BrowserOf(host);
        var response = await browser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });
        response.Headers.Location!.OriginalString.ShouldBe("/");
        return browser;
    }

    /// <summary>A second client carrying the same session cookie, as a thief with a copied cookie would.</summary>
    private async Task<HttpClient> CopyOfSessionAsync(HttpClient browser, string page)
    {
        var response = await browser.GetAsync(page);
        var cookie = response.RequestMessage!.Headers.GetValues("Cookie").Single();
        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    private static async Task ShouldBeSentToSignInAsync(HttpClient browser, string page)
    {
        var response = await browser.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"GET {page} should need a new sign-in");
        new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath.ShouldBe("/account/sign-in");
    }
}
