using System.Net;
using Joinery.Core.Accounts;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Partnerships;

public sealed class InvitationTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task A_steward_invites_by_email_and_gets_a_one_time_link_to_copy()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);

        var (response, link) = await InviteAsync(steward, p, "new.planner@example.org", "planner", "frontline");

        response.Headers.Location!.OriginalString.ShouldBe($"/partnerships/{p.Id}/members");
        link.ShouldStartWith("http://localhost/account/invitation?token=");
        var secret = link.Split("token=")[1];
        var stored = await app.ReadAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PartnershipId == p.Id));
        stored.Email.ShouldBe("new.planner@example.org");
        stored.OrganizationId.ShouldBe(p.Partners[1]);
        stored.Role.ShouldBe(MemberRole.Planner);
        stored.Level.ShouldBe(MemberLevel.Frontline);
        stored.InvitedByUserId.ShouldBe(p.Steward.UserId);
        stored.TokenHash.ShouldBe(PersonalAccessToken.Hash(secret));
        (stored.ExpiresAt - stored.CreatedAt).ShouldBe(TimeSpan.FromDays(7));
        (await steward.ReadPageAsync($"/partnerships/{p.Id}/members")).ShouldContain("new.planner@example.org", customMessage: "open invitations are listed");
    }

    [Fact]
    public async Task Accepting_creates_the_account_and_the_membership_and_the_link_cannot_be_reused()
    {
        var p = await app.APartnership().BuildAsync();
        var (_, link) = await InviteAsync(await app.SignedInAsync(p.Steward), p, "casey.clinician@example.org", "clinician", "frontline");
        var invitee = app.Browser();

        var invitationPage = await invitee.ReadPageAsync(link);
        var accepted = await invitee.SubmitFormAsync(link, link, new() { ["Input.Name"] = "Casey Clinician", ["Input.Password"] = PartnershipBuilder.Password });

        invitationPage.ShouldContain($"Join {p.Name}");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe($"/partnerships/{p.Id}");
        (await invitee.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the new member is signed in and sees the partnership");
        var user = await app.ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "casey.clinician@example.org"));
        user.DisplayName.ShouldBe("Casey Clinician");
        user.OrganizationId.ShouldBe(p.Partners[1]);
        user.IsSiteAdmin.ShouldBeFalse();
        var membership = await app.ReadAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == user.Id));
        membership.PartnershipId.ShouldBe(p.Id);
        membership.Role.ShouldBe(MemberRole.Clinician);
        membership.Level.ShouldBe(MemberLevel.Frontline);
        (await app.ReadAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PartnershipId == p.Id))).AcceptedAt.ShouldNotBeNull();

        var before = await app.SnapshotAsync();
        var stranger = app.Browser();
        var reusedPage = await stranger.ReadPageAsync(link);
        var reused = await stranger.SubmitFormAsync("/account/sign-in", link, new() { ["Input.Name"] = "Someone Else", ["Input.Password"] = PartnershipBuilder.Password });

        reusedPage.ShouldContain("This invitation is not valid");
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.Content.ReadAsStringAsync()).ShouldContain("This invitation is not valid");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await stranger.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the reused link signs nobody in");
    }

    [Fact]
    public async Task Accepting_with_a_weak_password_names_the_field_and_saves_nothing()
    {
        var p = await app.APartnership().BuildAsync();
        var (_, link) = await InviteAsync(await app.SignedInAsync(p.Steward), p, "weak.password@example.org", "viewer", "manager");
        var invitee = app.Browser();
        var before = await app.SnapshotAsync();

        var response = await invitee.SubmitFormAsync(link, link, new() { ["Input.Name"] = "Wes Weak", ["Input.Password"] = "qwertyuiop123" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe("Input_Password");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await invitee.ReadPageAsync(link)).ShouldContain("Join ", customMessage: "the link still works after a refused attempt");
    }

    [Fact]
    public async Task Someone_with_an_account_accepts_after_signing_in_as_the_invited_person()
    {
        var p = await app.APartnership().BuildAsync();
        var existing = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]);
        var somebodyElse = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]);
        var (_, link) = await InviteAsync(await app.SignedInAsync(p.Steward), p, existing.Email, "planner", "manager");
        var token = link.Split("token=")[1];

        var wrongPerson = await app.SignedInAsync(somebodyElse);
        var before = await app.SnapshotAsync();
        var refused = await wrongPerson.SubmitFormAsync(link, link, new() { ["token"] = token });
        (await refused.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldContain($"Sign in as {existing.Email}");
        (await app.SnapshotAsync()).ShouldBe(before);

        var invitee = await app.SignedInAsync(existing);
        (await invitee.ReadPageAsync(link)).ShouldContain("Accept the invitation");
        var accepted = await invitee.SubmitFormAsync(link, link, new() { ["token"] = token });

        accepted.Headers.Location!.OriginalString.ShouldBe($"/partnerships/{p.Id}");
        var membership = await app.ReadAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == existing.UserId));
        membership.PartnershipId.ShouldBe(p.Id);
        membership.Role.ShouldBe(MemberRole.Planner);
        (await app.ReadAsync(db => db.Users.CountAsync(u => u.Email == existing.Email))).ShouldBe(1);
    }

    [Fact]
    public async Task A_member_who_is_not_a_steward_cannot_invite()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, MemberLevel.Executive).BuildAsync();
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        var before = await app.SnapshotAsync();

        var membersPage = await planner.ReadPageAsync($"/partnerships/{p.Id}/members");
        var response = await planner.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Invite", new()
        {
            ["Invite.Email"] = "sneaky@example.org",
            ["Invite.Organization"] = p.Partners[0].ToString(),
            ["Invite.Role"] = "steward",
            ["Invite.Level"] = "executive",
        });

        membersPage.ShouldNotContain("Invite someone");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_withdrawn_invitation_link_stops_working()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var (_, link) = await InviteAsync(steward, p, "changed.mind@example.org", "viewer", "manager");
        var invitationId = await app.ReadAsync(db => db.Invitations.Where(i => i.PartnershipId == p.Id).Select(i => i.Id).SingleAsync());

        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Withdraw", new() { ["invitationId"] = invitationId.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitationId))).RevokedAt.ShouldNotBeNull();
        (await app.Browser().ReadPageAsync(link)).ShouldContain("This invitation is not valid");
    }

    [Fact]
    public async Task Inviting_the_same_email_again_replaces_the_open_invitation()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var (_, first) = await InviteAsync(steward, p, "twice@example.org", "viewer", "manager");

        var (_, second) = await InviteAsync(steward, p, "twice@example.org", "planner", "manager");

        (await app.Browser().ReadPageAsync(first)).ShouldContain("This invitation is not valid");
        (await app.Browser().ReadPageAsync(second)).ShouldContain("as a <strong>planner</strong>");
        var open = await app.ReadAsync(db => db.Invitations.CountAsync(i => i.PartnershipId == p.Id && i.RevokedAt == null));
        open.ShouldBe(1);
    }

    /// <summary>Invites someone into the second partner organization through the members page and reads the link it shows.</summary>
    private static async Task<(HttpResponseMessage Response, string Link)> InviteAsync(HttpClient steward, SeededPartnership p, string email, string role, string level)
    {
        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Invite", new()
        {
            ["Invite.Email"] = email,
            ["Invite.Organization"] = p.Partners[1].ToString(),
            ["Invite.Role"] = role,
            ["Invite.Level"] = level,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await response.ErrorSummaryAsync()).Select(e => e.Message)));
        var link = Forms.InputValue(await steward.ReadPageAsync($"/partnerships/{p.Id}/members"), "invitation-link");
        link.ShouldNotBeNull("the members page shows the new link once");
        return (response, link);
    }
}
