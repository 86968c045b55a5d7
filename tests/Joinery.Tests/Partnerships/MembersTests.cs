using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Partnerships;

public sealed class MembersTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task A_steward_changes_a_members_role_level_and_champion_flag()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1).BuildAsync();
        var member = p.First(MemberRole.Viewer);
        var steward = await app.SignedInAsync(p.Steward);

        var response = await ChangeAsync(steward, p, member.MembershipId!.Value, "planner", "manager", champion: true, "Scheduling and referrals");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await MembershipAsync(member.MembershipId.Value);
        stored.ShouldNotBeNull();
        stored.Role.ShouldBe(MemberRole.Planner);
        stored.Level.ShouldBe(MemberLevel.Manager);
        stored.IsChampion.ShouldBeTrue();
        stored.ChampionFor.ShouldBe("Scheduling and referrals");
        (await steward.ReadPageAsync($"/partnerships/{p.Id}/members")).ShouldContain("Yes: Scheduling and referrals");
    }

    [Fact]
    public async Task Each_partner_manages_its_own_people_once_it_has_a_steward()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).BuildAsync();
        var nurse = p.First(MemberRole.Clinician);
        var steward = await app.SignedInAsync(p.Steward);
        // The other partner has no steward yet: someone has to look after its people until it has one.
        (await ChangeAsync(steward, p, nurse.MembershipId!.Value, "clinician", "manager")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var otherSteward = await PartnershipBuilder.AddMemberAsync(app, p.Id, await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]),
            MemberRole.Steward, MemberLevel.Executive);
        var before = await app.SnapshotAsync();
        var manages = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<Joinery.Core.Data.JoineryDb>().PeopleIManageAsync(p.Id));
        manages.ShouldBe([p.Partners[0]]);

        (await ChangeAsync(steward, p, nurse.MembershipId.Value, "viewer", "frontline")).Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        (await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Remove", new() { ["membershipId"] = nurse.MembershipId.Value.ToString() }))
            .Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        var invited = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<Invitations>()
            .InviteAsync(p.Id, new InvitationInput($"new{app.Unique()}@eastside.example", p.Partners[1].ToString(), "steward", "executive")));
        invited.Status.ShouldBe(Joinery.Core.Common.OutcomeStatus.Forbidden);
        invited.FirstError.ShouldContain("Each partner manages its own people");
        (await app.SnapshotAsync()).ShouldBe(before);
        var page = await steward.ReadPageAsync($"/partnerships/{p.Id}/members");
        page.ShouldNotContain($"Change <span class=\"visually-hidden\">{nurse.Name}</span>", Case.Sensitive, "no controls for what they may not do");

        var theirs = await app.SignedInAsync(otherSteward);
        (await ChangeAsync(theirs, p, nurse.MembershipId.Value, "viewer", "frontline")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MembershipAsync(nurse.MembershipId.Value))!.Role.ShouldBe(MemberRole.Viewer);
    }

    [Fact]
    public async Task The_last_steward_cannot_be_demoted()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var response = await ChangeAsync(steward, p, p.Steward.MembershipId!.Value, "viewer", "executive");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var error = (await response.ErrorSummaryAsync()).ShouldHaveSingleItem();
        error.Field.ShouldBe($"role-{p.Steward.MembershipId}", "the message links to that member's own role field");
        error.Message.ShouldContain("at least one steward");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_last_steward_cannot_be_removed()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Remove", new() { ["membershipId"] = p.Steward.MembershipId.ToString()! });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldContain("at least one steward");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_steward_may_step_down_once_someone_else_is_a_steward()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Steward, partner: 1).BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);

        var response = await ChangeAsync(steward, p, p.Steward.MembershipId!.Value, "viewer", "executive");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MembershipAsync(p.Steward.MembershipId.Value))!.Role.ShouldBe(MemberRole.Viewer);
        (await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Invite", new() { ["Invite.Email"] = "late@example.org" }))
            .Headers.Location!.AbsolutePath.ShouldBe("/account/denied", "a former steward can no longer manage members");
    }

    [Fact]
    public async Task A_member_removed_from_one_of_two_partnerships_loses_access_to_it_at_once_and_keeps_the_other()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Clinician, partner: 1).BuildAsync();
        var clinician = p.First(MemberRole.Clinician);
        var other = await app.APartnership().Between(p.Partners).BuildAsync();
        await PartnershipBuilder.AddMemberAsync(app, other.Id, clinician, MemberRole.Viewer);
        var clinicianBrowser = await app.SignedInAsync(clinician);
        var steward = await app.SignedInAsync(p.Steward);
        (await clinicianBrowser.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Remove", new() { ["membershipId"] = clinician.MembershipId.ToString()! });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MembershipAsync(clinician.MembershipId!.Value)).ShouldBeNull();
        (await clinicianBrowser.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clinicianBrowser.GetAsync($"/partnerships/{other.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Removing_a_persons_last_membership_ends_their_sessions()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Clinician, partner: 1).BuildAsync();
        var clinician = p.First(MemberRole.Clinician);
        var clinicianBrowser = await app.SignedInAsync(clinician);
        var steward = await app.SignedInAsync(p.Steward);
        (await clinicianBrowser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Remove", new() { ["membershipId"] = clinician.MembershipId.ToString()! });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await clinicianBrowser.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost"), home.Headers.Location!).AbsolutePath.ShouldBe("/account/sign-in");
        (await steward.GetAsync($"/partnerships/{p.Id}/members")).StatusCode.ShouldBe(HttpStatusCode.OK, "the steward's own session goes on");
    }

    [Fact]
    public async Task A_member_who_is_not_a_steward_cannot_change_or_remove_members()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, MemberLevel.Executive).BuildAsync();
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        var before = await app.SnapshotAsync();

        var promote = await ChangeAsync(planner, p, p.First(MemberRole.Planner).MembershipId!.Value, "steward", "executive");
        var remove = await planner.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Remove", new() { ["membershipId"] = p.Steward.MembershipId.ToString()! });

        promote.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        remove.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_members_page_lists_people_by_partner_organization()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).BuildAsync();
        var viewer = await PartnershipBuilder.AddMemberAsync(app, p.Id, await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]), MemberRole.Viewer);

        var page = await (await app.SignedInAsync(viewer)).ReadPageAsync($"/partnerships/{p.Id}/members");

        foreach (var person in p.Members.Append(viewer))
        {
            page.ShouldContain(person.Name);
        }
        page.ShouldNotContain("Invite someone", customMessage: "only stewards see the invitation form");
        page.ShouldNotContain("handler=Change", customMessage: "only stewards see the change forms");
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient browser, SeededPartnership p, Guid membershipId, string role, string level,
        bool champion = false, string championFor = "")
    {
        var form = new Dictionary<string, string>
        {
            ["membershipId"] = membershipId.ToString(),
            ["Change.Role"] = role,
            ["Change.Level"] = level,
            ["Change.ChampionFor"] = championFor,
        };
        if (champion)
        {
            form["Change.IsChampion"] = "true";
        }
        return browser.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Change", form);
    }

    private Task<Membership?> MembershipAsync(Guid id) =>
        app.ReadAsync(db => db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));
}
