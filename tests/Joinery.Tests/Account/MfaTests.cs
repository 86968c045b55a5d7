using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Account;

public sealed partial class MfaTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task After_turning_on_an_authenticator_app_sign_in_asks_for_its_code()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var key = Key().Match(await browser.ReadPageAsync("/account/mfa")).Groups[1].Value;
        key.ShouldNotBeEmpty();

        var wrong = await browser.SubmitFormAsync("/account/mfa", "/account/mfa", new() { ["Code"] = Totp.WrongCode(key, app.Clock) });
        (await wrong.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe("Code");
        (await app.ReadAsync(db => db.Users.SingleAsync(u => u.Id == p.Steward.UserId))).TwoFactorEnabled.ShouldBeFalse();
        var enabled = await browser.SubmitFormAsync("/account/mfa", "/account/mfa", new() { ["Code"] = Totp.Code(key, app.Clock) });
        enabled.Headers.Location!.OriginalString.ShouldBe("/account/profile");
        (await app.ReadAsync(db => db.Users.SingleAsync(u => u.Id == p.Steward.UserId))).TwoFactorEnabled.ShouldBeTrue();

        var checkpoint = await app.AuditCheckpointAsync();
        var later = app.Browser();
        var password = await later.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password });
        password.Headers.Location!.OriginalString.ShouldStartWith("/account/two-factor");
        (await later.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a password alone does not sign in");
        var wrongCode = await later.SubmitFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = Totp.WrongCode(key, app.Clock) });
        var refusal = (await wrongCode.ErrorSummaryAsync()).ShouldHaveSingleItem();
        refusal.Field.ShouldBe("Code");
        refusal.Message.ShouldContain("not right", customMessage: "a well-formed code is checked, not refused for its form");
        (await later.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a wrong code does not sign in");
        var code = await later.SubmitFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = Totp.Code(key, app.Clock), ["returnUrl"] = "/" });

        code.Headers.Location!.OriginalString.ShouldBe("/");
        (await later.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var signIns = (await app.AuditSinceAsync(checkpoint)).Where(a => a.Action.StartsWith("sign-in", StringComparison.Ordinal)).ToList();
        signIns.Select(a => a.Action).ShouldBe(["sign-in.password-accepted", "sign-in.failed", "sign-in.succeeded"]);
        signIns.Skip(1).ShouldAllBe(a => a.Detail == "authenticator");
        signIns.ShouldAllBe(a => a.UserId == p.Steward.UserId && a.Door == Door.Web);
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task Two_step_sign_in_never_redirects_off_the_site(string returnUrl)
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var key = Key().Match(await browser.ReadPageAsync("/account/mfa")).Groups[1].Value;
        (await browser.SubmitFormAsync("/account/mfa", "/account/mfa", new() { ["Code"] = Totp.Code(key, app.Clock) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var later = app.Browser();
        var password = await later.SubmitFormAsync("/account/sign-in", "/account/sign-in",
            new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password, ["returnUrl"] = returnUrl });
        password.Headers.Location!.OriginalString.ShouldBe("/account/two-factor?returnUrl=%2F");

        var code = await later.SubmitFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = Totp.Code(key, app.Clock), ["returnUrl"] = returnUrl });

        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        code.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task When_the_site_requires_two_step_sign_in_people_without_it_set_it_up_first()
    {
        var p = await app.APartnership().BuildAsync();
        var admin = await app.SignedInAsync(await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true));
        var steward = await app.SignedInAsync(p.Steward);
        try
        {
            (await admin.SubmitFormAsync("/admin", new() { ["RequireMfa"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var page = await steward.GetAsync($"/partnerships/{p.Id}");
            var profile = await steward.GetAsync("/account/profile");

            page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            page.Headers.Location!.OriginalString.ShouldBe("/account/mfa?required=True");
            profile.StatusCode.ShouldBe(HttpStatusCode.OK, "account pages stay open so the person can set it up");
        }
        finally
        {
            await app.WithCoreAsync(services => services.GetRequiredService<SiteSettingsStore>().SetRequireMfaAsync(false));
        }
    }

    [GeneratedRegex("Key: <code>([a-z2-7 ]+)</code>")]
    private static partial Regex Key();
}
