using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Feedback;
using Joinery.Core.Formalize;
using Joinery.Core.Inbox;
using Joinery.Core.Launch;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Inbox;

/// <summary>The inbox puts together what the features say waits for a person; done items disappear at once.</summary>
public sealed class WaitingForYouTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<IReadOnlyList<InboxItem>> InboxOfAsync(Person person) =>
        app.ActingAsAsync(person, services => services.GetRequiredService<WaitingForYou>().RunAsync());

    private Task PublishMissionAsync(SeededPartnership p, int number = 1, bool published = true) => app.WithCoreAsync(async services =>
    {
        var db = services.GetRequiredService<JoineryDb>();
        db.Set<MissionVersion>().Add(new MissionVersion
        {
            PartnershipId = p.Id,
            Number = number,
            Vision = "One place for body and mind.",
            Mission = "Care together.",
            AuthorUserId = p.Steward.UserId,
            CreatedAt = db.Now,
            PublishedAt = published ? db.Now : null,
        });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Only_the_current_version_waits_and_a_newer_draft_means_nothing_is_published_to_read()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        await PublishMissionAsync(p, 1);
        await PublishMissionAsync(p, 2);

        (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem().Title.ShouldBe("Read the published mission (version 2)");

        await PublishMissionAsync(p, 3, published: false);
        // The steward is an executive: the new draft now waits for their endorsement instead.
        (await InboxOfAsync(p.Steward)).Select(i => i.Kind).ShouldBe(["mission-to-endorse"]);
    }

    [Fact]
    public async Task A_published_mission_waits_for_each_member_until_they_have_read_it()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1).BuildAsync();
        var viewer = p.First(MemberRole.Viewer);
        (await InboxOfAsync(viewer)).ShouldBeEmpty("nothing is published yet");

        await PublishMissionAsync(p);

        var item = (await InboxOfAsync(viewer)).ShouldHaveSingleItem();
        item.ShouldBe(item with { Kind = "mission-to-read", PartnershipId = p.Id, Link = $"/partnerships/{p.Id}/mission", Title = "Read the published mission (version 1)" });
        item.Why.ShouldContain("Every member");
        (await InboxOfAsync(p.Steward)).Select(i => i.Kind).ShouldBe(["mission-to-read"]);

        var read = await app.ActingAsAsync(viewer, services => services.GetRequiredService<MissionWork>().AcknowledgeAsync(p.Id));
        read.Succeeded.ShouldBeTrue(read.FirstError);
        (await InboxOfAsync(viewer)).ShouldBeEmpty("read, so done");
        (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem("the steward has not read it yet");
    }

    [Fact]
    public async Task An_open_pulse_round_waits_until_answered_and_never_for_a_member_of_another_partnership()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1).BuildAsync();
        var other = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var viewer = p.First(MemberRole.Viewer);
        var round = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<PulseWork>().OpenRoundAsync(p.Id));
        round.Succeeded.ShouldBeTrue(round.FirstError);

        var item = (await InboxOfAsync(viewer)).ShouldHaveSingleItem();
        item.Kind.ShouldBe("pulse-to-answer");
        item.Link.ShouldBe($"/partnerships/{p.Id}/pulse/{round.Value!.Id}");
        (await InboxOfAsync(other.Steward)).ShouldBeEmpty();

        var answers = PulseCatalog.Items.Select(i => new PulseAnswerInput(i.Id, 4)).ToList();
        var answered = await app.ActingAsAsync(viewer, services => services.GetRequiredService<PulseWork>().SubmitAsync(p.Id, round.Value.Id, new PulseSubmission(answers, null)));
        answered.Succeeded.ShouldBeTrue(answered.FirstError);
        (await InboxOfAsync(viewer)).ShouldBeEmpty();
        (await InboxOfAsync(p.Steward)).Select(i => i.Kind).ShouldBe(["pulse-to-answer"]);
    }

    [Fact]
    public async Task A_mission_draft_waits_for_an_executive_of_each_partner_until_their_organization_endorsed_it()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Steward, MemberLevel.Executive, partner: 1)
            .With(MemberRole.Planner, MemberLevel.Manager).BuildAsync();
        var stewards = p.Members.Where(m => m.Role == MemberRole.Steward).ToList();
        await PublishMissionAsync(p, published: false);

        var item = (await InboxOfAsync(stewards[0])).ShouldHaveSingleItem();
        item.ShouldBe(item with { Kind = "mission-to-endorse", PartnershipId = p.Id, Link = $"/partnerships/{p.Id}/mission", Title = "Endorse the mission (version 1)" });
        (await InboxOfAsync(stewards[1])).Select(i => i.Kind).ShouldBe(["mission-to-endorse"]);
        (await InboxOfAsync(p.First(MemberRole.Planner))).ShouldBeEmpty("a manager does not endorse for the organization");

        var endorsed = await app.ActingAsAsync(stewards[0], services => services.GetRequiredService<MissionWork>().EndorseAsync(p.Id));
        endorsed.Succeeded.ShouldBeTrue(endorsed.FirstError);
        (await InboxOfAsync(stewards[0])).ShouldBeEmpty("their organization has endorsed");
        (await InboxOfAsync(stewards[1])).Select(i => i.Kind).ShouldBe(["mission-to-endorse"], "the other partner has not");
    }

    [Fact]
    public async Task An_open_action_item_waits_for_its_owner_until_it_is_done()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).BuildAsync();
        var nurse = p.First(MemberRole.Clinician);
        var added = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<MeetingsWork>()
            .AddActionAsync(p.Id, new ActionInput("Call the front desk about warm handoffs", nurse.UserId.ToString(), TestClock.Day(-1), null)));
        added.Succeeded.ShouldBeTrue(added.FirstError);

        var item = (await InboxOfAsync(nurse)).ShouldHaveSingleItem();
        item.ShouldBe(item with { Kind = "action-item", PartnershipId = p.Id, Title = "Call the front desk about warm handoffs", Link = $"/partnerships/{p.Id}/actions?mine=true" });
        item.Why.ShouldContain("overdue");
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty("the action is the nurse's");

        var done = await app.ActingAsAsync(nurse, services => services.GetRequiredService<MeetingsWork>().SetActionStatusAsync(p.Id, added.Value, "done"));
        done.Succeeded.ShouldBeTrue(done.FirstError);
        (await InboxOfAsync(nurse)).ShouldBeEmpty();
    }

    [Fact]
    public async Task In_the_prepare_phase_the_go_or_no_go_waits_for_an_executive_of_each_partner_until_given()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
            .With(MemberRole.Clinician, MemberLevel.Frontline).BuildAsync();
        var other = p.First(MemberRole.Planner);
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty("not in the prepare phase yet");

        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<JoineryDb>();
            (await db.Partnerships.SingleAsync(x => x.Id == p.Id)).Phase = Phase.Prepare;
            await db.SaveChangesAsync();
        });

        var item = (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem();
        item.ShouldBe(item with { Kind = "go-no-go", PartnershipId = p.Id, Link = $"/partnerships/{p.Id}/launch" });
        (await InboxOfAsync(other)).Select(i => i.Kind).ShouldBe(["go-no-go"]);
        (await InboxOfAsync(p.First(MemberRole.Clinician))).ShouldBeEmpty("executives decide");

        var decided = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<LaunchWork>().DecideAsync(p.Id, new GoInput("go", null)));
        decided.Succeeded.ShouldBeTrue(decided.FirstError);
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty();
        (await InboxOfAsync(other)).Select(i => i.Kind).ShouldBe(["go-no-go"]);
    }

    [Fact]
    public async Task The_api_and_the_home_page_show_the_same_items_with_a_count_in_the_navigation()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        await PublishMissionAsync(p);
        var round = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<PulseWork>().OpenRoundAsync(p.Id));
        round.Succeeded.ShouldBeTrue(round.FirstError);

        var api = await (await app.ApiAsync(p.Steward)).GetJsonAsync("/api/v1/me/inbox");
        var home = await (await app.SignedInAsync(p.Steward)).ReadPageAsync("/");
        var overview = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}");

        var items = api.EnumerateArray().ToList();
        items.Select(i => i.Text("kind")).ShouldBe(["mission-to-read", "pulse-to-answer"], ignoreOrder: true);
        items.ShouldAllBe(i => i.Text("partnershipId") == p.Id.ToString());
        items[0].EnumerateObject().Select(o => o.Name).ShouldBe(["kind", "partnershipId", "title", "link", "since"]);
        home.ShouldContain("Waiting for you <span class=\"count\">2</span>");
        foreach (var item in items)
        {
            home.ShouldContain($"<a href=\"{item.Text("link")}\">{System.Net.WebUtility.HtmlEncode(item.Text("title"))}</a>");
            overview.ShouldContain($"<a href=\"{item.Text("link")}\">{System.Net.WebUtility.HtmlEncode(item.Text("title"))}</a>");
        }
    }

    [Fact]
    public async Task An_archived_partnership_waits_for_nobody()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        await PublishMissionAsync(p);
        (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem();

        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<JoineryDb>();
            var partnership = await db.Partnerships.SingleAsync(x => x.Id == p.Id);
            partnership.ArchivedAt = db.Now;
            partnership.ArchivedByUserId = p.Steward.UserId;
            await db.SaveChangesAsync();
        });

        (await InboxOfAsync(p.Steward)).ShouldBeEmpty();
    }
    [Fact]
    public async Task A_decision_with_a_compromise_waits_for_an_executive_of_each_partner_until_their_organization_signed_it_off()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
            .With(MemberRole.Planner, MemberLevel.Manager).BuildAsync();
        var other = p.Members.Single(m => m.Role == MemberRole.Planner && m.OrganizationId != p.Steward.OrganizationId);
        var decisions = (Person who, Func<DecisionsWork, Task<Outcome<Guid>>> work) => app.ActingAsAsync(who, s => work(s.GetRequiredService<DecisionsWork>()));
        var created = await decisions(p.Steward, d => d.CreateAsync(p.Id, new DecisionInput("Who books the shared nurse", "Two calendars", "", "negotiable", "", "", "open")));
        created.Succeeded.ShouldBeTrue(created.FirstError);
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty("no compromise to sign yet");

        var compromise = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<DecisionsWork>().UpdateAsync(p.Id, created.Value,
            new DecisionInput("Who books the shared nurse", "Two calendars", "", "negotiable", "", "Eastside's front desk books; Riverbend sees the calendar.", "proposed")));
        compromise.Succeeded.ShouldBeTrue(compromise.FirstError);

        var item = (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem();
        item.ShouldBe(item with
        {
            Kind = "decision-to-sign-off",
            PartnershipId = p.Id,
            Title = "Sign off the decision \"Who books the shared nurse\"",
            Link = $"/partnerships/{p.Id}/decisions/{created.Value}"
        });
        (await InboxOfAsync(other)).Select(i => i.Kind).ShouldBe(["decision-to-sign-off"]);
        (await InboxOfAsync(p.Members.Single(m => m.Level == MemberLevel.Manager))).ShouldBeEmpty("executives sign off");

        var signed = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<DecisionsWork>().SignOffAsync(p.Id, created.Value));
        signed.Succeeded.ShouldBeTrue(signed.FirstError);
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty("their organization signed");
        (await InboxOfAsync(other)).Select(i => i.Kind).ShouldBe(["decision-to-sign-off"], "the other partner has not");

        await app.ActingAsAsync(other, s => s.GetRequiredService<DecisionsWork>().SignOffAsync(p.Id, created.Value));
        (await InboxOfAsync(other)).ShouldBeEmpty("agreed by both");
    }

    [Fact]
    public async Task New_feedback_waits_for_the_stewards_until_one_acknowledges_it_and_an_anonymous_one_names_nobody()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Steward, MemberLevel.Manager, partner: 1)
            .With(MemberRole.Clinician, MemberLevel.Frontline).BuildAsync();
        var nurse = p.First(MemberRole.Clinician);
        var posted = await app.ActingAsAsync(nurse, s => s.GetRequiredService<FeedbackWork>()
            .PostAsync(p.Id, new FeedbackInput("negative", "Meetings start before the front desk can leave", "Eight thirty is too early.", Anonymous: true)));
        posted.Succeeded.ShouldBeTrue(posted.FirstError);

        var item = (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem();
        item.ShouldBe(item with
        {
            Kind = "feedback-to-answer",
            PartnershipId = p.Id,
            Title = "Answer the concern \"Meetings start before the front desk can leave\"",
            Link = $"/partnerships/{p.Id}/feedback/{posted.Value}"
        });
        item.Why.ShouldNotContain(nurse.Name);
        (await InboxOfAsync(p.Members.Single(m => m.Role == MemberRole.Steward && m.Level == MemberLevel.Manager))).Select(i => i.Kind).ShouldBe(["feedback-to-answer"]);
        (await InboxOfAsync(nurse)).ShouldBeEmpty("stewards answer feedback");

        var acknowledged = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<FeedbackWork>()
            .SetStatusAsync(p.Id, posted.Value, new FeedbackStatusInput("acknowledged", null)));
        acknowledged.Succeeded.ShouldBeTrue(acknowledged.FirstError);
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_agreement_in_review_waits_for_stewards_and_planners_until_every_element_of_its_checklist_is_ticked()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Manager, partner: 1)
            .With(MemberRole.Clinician, MemberLevel.Frontline).BuildAsync();
        var recorded = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<RecordAgreement>().RunAsync(p.Id, new AgreementInput("baa", "Business associate agreement", "draft")));
        recorded.Succeeded.ShouldBeTrue(recorded.FirstError);
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty("a draft is not in review yet");

        await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<ChangeAgreement>().RunAsync(p.Id, recorded.Value, new AgreementInput("baa", "Business associate agreement", "in-review")));
        var elements = AgreementChecklists.For(AgreementType.Baa);
        var item = (await InboxOfAsync(p.First(MemberRole.Planner))).ShouldHaveSingleItem();
        item.ShouldBe(item with { Kind = "checklist-to-review", Title = "Review the checklist of \"Business associate agreement\"", Link = $"/partnerships/{p.Id}/agreements/{recorded.Value}" });
        item.Why.ShouldContain($"{elements.Count} elements");
        (await InboxOfAsync(p.First(MemberRole.Clinician))).ShouldBeEmpty();

        foreach (var element in elements.Skip(1))
        {
            var ticked = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<ReviewAgreementElement>().RunAsync(p.Id, recorded.Value, new ElementInput(element.Code)));
            ticked.Succeeded.ShouldBeTrue(ticked.FirstError);
        }
        (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem().Why.ShouldContain("1 element of its checklist is not yet ticked");

        await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<ReviewAgreementElement>().RunAsync(p.Id, recorded.Value, new ElementInput(elements[0].Code)));
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invitation_waits_for_the_account_it_is_addressed_to_and_is_accepted_from_the_inbox_by_that_person_only()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var invitee = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]);
        var bystander = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]);
        var invited = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<Invitations>()
            .InviteAsync(p.Id, new InvitationInput(invitee.Email, p.Partners[1].ToString(), "clinician", "frontline")));
        invited.Succeeded.ShouldBeTrue(invited.FirstError);

        var item = (await InboxOfAsync(invitee)).ShouldHaveSingleItem("a member of nothing yet, and still the invitation waits");
        item.ShouldBe(item with { Kind = "invitation", PartnershipId = p.Id, Title = $"Join {p.Name}", Link = "/account/invitations" });
        item.Why.ShouldContain("as a clinician at frontline level");
        (await InboxOfAsync(bystander)).ShouldBeEmpty();

        var stolen = await app.ActingAsAsync(bystander, s => s.GetRequiredService<AcceptMyInvitation>().RunAsync(invited.Value!.Id));
        stolen.Status.ShouldBe(OutcomeStatus.NotFound, "someone else's invitation is as unknown as a missing one");

        var accepted = await app.ActingAsAsync(invitee, s => s.GetRequiredService<AcceptMyInvitation>().RunAsync(invited.Value!.Id));
        accepted.Succeeded.ShouldBeTrue(accepted.FirstError);
        accepted.Value.ShouldBe(p.Id);
        (await InboxOfAsync(invitee)).ShouldNotContain(i => i.Kind == "invitation");
        var membership = await app.WithCoreAsync(s => s.GetRequiredService<JoineryDb>().Memberships.IgnoreQueryFilters().SingleAsync(m => m.UserId == invitee.UserId));
        (membership.PartnershipId, membership.Role, membership.Level).ShouldBe((p.Id, MemberRole.Clinician, MemberLevel.Frontline));

        var again = await app.ActingAsAsync(invitee, s => s.GetRequiredService<AcceptMyInvitation>().RunAsync(invited.Value!.Id));
        again.Status.ShouldBe(OutcomeStatus.Conflict);
    }

    [Fact]
    public async Task The_invitations_page_accepts_with_one_button_and_opens_the_partnership()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var invitee = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0]);
        var invited = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<Invitations>()
            .InviteAsync(p.Id, new InvitationInput(invitee.Email, p.Partners[0].ToString(), "viewer", "manager")));
        invited.Succeeded.ShouldBeTrue(invited.FirstError);
        var browser = await app.SignedInAsync(invitee);

        var page = await browser.ReadPageAsync("/account/invitations");
        page.ShouldContain($"Join {System.Net.WebUtility.HtmlEncode(p.Name)}");
        var response = await browser.SubmitFormAsync("/account/invitations", new() { ["invitationId"] = invited.Value!.Id.ToString() });

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/partnerships/{p.Id}");
        (await browser.ReadPageAsync("/account/invitations")).ShouldContain("No invitation is waiting for you.");
    }
}
