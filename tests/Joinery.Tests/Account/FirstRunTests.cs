using System.Net;
using Joinery.Core.Organizations;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Account;

/// <summary>One test on purpose: it needs the database empty, and then proves the door closes.</summary>
public sealed class FirstRunTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Setup_creates_the_first_administrator_only_while_nobody_has_an_account()
    {
        var browser = app.Browser();
        (await browser.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/setup");
        (await browser.GetAsync("/account/sign-in")).Headers.Location!.OriginalString.ShouldBe("/setup");

        var empty = await browser.SubmitFormAsync("/setup", "/setup", new()
        {
            ["Input.Name"] = "",
            ["Input.Email"] = "",
            ["Input.Password"] = "",
            ["Input.OrganizationName"] = "",
            ["Input.OrganizationKind"] = "",
        });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(
            ["Input_Email", "Input_Name", "Input_OrganizationName", "Input_OrganizationKind", "Input_Password"], ignoreOrder: true);

        var weakPassword = await browser.SubmitFormAsync("/setup", "/setup", Form("password1234"));
        weakPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await weakPassword.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe("Input_Password");
        (await app.ReadAsync(db => db.Users.CountAsync())).ShouldBe(0);
        (await app.ReadAsync(db => db.Organizations.CountAsync())).ShouldBe(0, "the organization must not be half-saved when the account is refused");

        var created = await browser.SubmitFormAsync("/setup", "/setup", Form(PartnershipBuilder.Password));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.OriginalString.ShouldBe("/admin");
        (await browser.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK, "the new administrator is signed in");
        var admin = await app.ReadAsync(db => db.Users.AsNoTracking().SingleAsync());
        admin.Email.ShouldBe("first.admin@example.org");
        admin.IsSiteAdmin.ShouldBeTrue();
        var organization = await app.ReadAsync(db => db.Organizations.AsNoTracking().SingleAsync());
        organization.Id.ShouldBe(admin.OrganizationId);
        organization.Kind.ShouldBe(OrganizationKind.BehavioralHealth);
        var actions = await app.ReadAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Action).ToListAsync());
        actions.ShouldContain("organization.created");
        actions.ShouldContain("user.created");

        var stranger = app.Browser();
        (await stranger.GetAsync("/setup")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var second = await stranger.SubmitFormAsync("/account/sign-in", "/setup", Form(PartnershipBuilder.Password, "second.admin@example.org"));
        second.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ReadAsync(db => db.Users.CountAsync())).ShouldBe(1);
        (await stranger.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the second attempt must not sign anyone in");
        await app.AuditChainShouldBeIntactAsync();
    }

    private static Dictionary<string, string> Form(string password, string email = "first.admin@example.org") => new()
    {
        ["Input.Name"] = "Morgan First",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.OrganizationName"] = "Riverbend Behavioral Health",
        ["Input.OrganizationKind"] = "behavioral-health",
    };
}
