using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Account;

/// <summary>When the site requires two-step sign-in, no door lets a person without an authenticator in: not the pages, not a token.</summary>
public sealed partial class MfaRequiredTests(JoineryApp app) : IClassFixture<JoineryApp>, IAsyncLifetime
{
    public Task InitializeAsync() => RequireMfaAsync(false);

    public Task DisposeAsync() => RequireMfaAsync(false);

    [Fact]
    public async Task A_person_without_an_authenticator_cannot_create_a_token_on_the_profile_page_or_through_the_cli()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var form = await browser.AntiforgeryTokenAsync("/account/profile");
        await RequireMfaAsync(true);

        var page = await browser.PostAsync("/account/profile?handler=CreateToken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["TokenName"] = "nightly export",
            ["TokenDays"] = "30",
            ["__RequestVerificationToken"] = form,
        }));
        var cli = await app.WithCoreAsync(services => services.GetRequiredService<PersonalAccessTokens>().CreateAsync(p.Steward.UserId, "nightly export", 30));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldBe(PersonalAccessTokens.EnrolFirst);
        cli.Status.ShouldBe(OutcomeStatus.Forbidden);
        (await app.ReadAsync(db => db.PersonalAccessTokens.CountAsync(t => t.UserId == p.Steward.UserId))).ShouldBe(0);
        (await browser.ReadPageAsync("/account/profile")).ShouldContain("Set up an authenticator app</a> first");
    }

    [Fact]
    public async Task Tokens_made_before_the_rule_stop_working_until_their_owner_enrols()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "before the rule");
        await RequireMfaAsync(true);

        var refused = await api.GetAsync("/api/v1/me");

        var problem = await refused.ReadProblemAsync(HttpStatusCode.Unauthorized);
        problem.Text("title").ShouldBe("Two-step sign-in required");
        problem.Text("detail").ShouldBe(PersonalAccessTokens.EnrolFirst);

        var browser = await app.SignedInAsync(p.Steward);
        var key = Key().Match(await browser.ReadPageAsync("/account/mfa")).Groups[1].Value;
        (await browser.SubmitFormAsync("/account/mfa", "/account/mfa", new() { ["Code"] = Totp.Code(key, app.Clock) })).Headers.Location!.OriginalString.ShouldBe("/account/profile");

        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "after enrolment the same token works again");
    }

    [Fact]
    public async Task A_person_who_has_enrolled_keeps_using_tokens_under_the_rule()
    {
        var p = await app.APartnership().BuildAsync();
        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<Joinery.Core.Data.JoineryDb>();
            await db.Users.Where(u => u.Id == p.Steward.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true));
        });
        await RequireMfaAsync(true);

        var created = await app.WithCoreAsync(services => services.GetRequiredService<PersonalAccessTokens>().CreateAsync(p.Steward.UserId, "reports", 30));

        created.Succeeded.ShouldBeTrue(created.FirstError);
        (await app.Api(created.Value!.Secret).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task RequireMfaAsync(bool required) =>
        app.WithCoreAsync(services => services.GetRequiredService<SiteSettingsStore>().SetRequireMfaAsync(required));

    [GeneratedRegex("Key: <code>([a-z2-7 ]+)</code>")]
    private static partial Regex Key();
}
