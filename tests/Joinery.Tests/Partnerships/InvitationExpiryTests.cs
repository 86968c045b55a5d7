using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Joinery.Tests.Partnerships;

/// <summary>
/// An invitation link works for <see cref="Invitation.Lifetime"/> and not a moment longer. The host
/// here runs on a clock the test moves, so the invitation is made and then outlived as it would be,
/// with nothing edited in the database.
/// </summary>
public sealed class InvitationExpiryTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task An_invitation_link_past_its_expiry_is_refused_with_a_clear_message_and_cannot_be_accepted()
    {
        var p = await app.APartnership().BuildAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 6, 8, 30, 0, TimeSpan.Zero));
        using var host = app.OnClock(clock);
        var link = await InviteAsync(host, p, "late.comer@example.org");
        var stored = await app.ReadAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PartnershipId == p.Id));
        stored.ExpiresAt.ShouldBe(stored.CreatedAt + Invitation.Lifetime);
        stored.CreatedAt.ShouldBe(clock.GetUtcNow(), TimeSpan.FromSeconds(1), "the invitation was made on the test's clock");

        // The invitee opens the link a minute before it expires, and sends the form two minutes later.
        clock.Advance(Invitation.Lifetime - TimeSpan.FromMinutes(1));
        var invitee = JoineryApp.BrowserOf(host);
        (await invitee.ReadPageAsync(link)).ShouldContain($"Join {p.Name}", customMessage: "a minute before expiry the link still works");
        var token = await invitee.AntiforgeryTokenAsync(link);
        clock.Advance(TimeSpan.FromMinutes(2));
        var before = await app.SnapshotAsync();

        var accept = await invitee.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Lee Late",
            ["Input.Password"] = PartnershipBuilder.Password,
            ["__RequestVerificationToken"] = token,
        }));
        var page = await JoineryApp.BrowserOf(host).ReadPageAsync(link);

        page.ShouldContain("This invitation is not valid");
        page.ShouldContain("has expired. Ask the partnership's steward for a new one.");
        page.ShouldNotContain(p.Name, customMessage: "an expired link tells nothing about the partnership");
        accept.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accept.Content.ReadAsStringAsync()).ShouldContain("This invitation is not valid");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.ReadAsync(db => db.Users.AnyAsync(u => u.Email == "late.comer@example.org"))).ShouldBeFalse();
        (await invitee.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the expired link signs nobody in");
    }

    /// <summary>The steward invites someone through the members page of the host and reads the link it shows.</summary>
    private static async Task<string> InviteAsync(WebApplicationFactory<Program> host, SeededPartnership p, string email)
    {
        var steward = JoineryApp.BrowserOf(host);
        (await steward.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var invited = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Invite", new()
        {
            ["Invite.Email"] = email,
            ["Invite.Organization"] = p.Partners[1].ToString(),
            ["Invite.Role"] = "viewer",
            ["Invite.Level"] = "frontline",
        });
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", await invited.ErrorSummaryAsync()));
        return Forms.InputValue(await steward.ReadPageAsync($"/partnerships/{p.Id}/members"), "invitation-link").ShouldNotBeNull();
    }
}
