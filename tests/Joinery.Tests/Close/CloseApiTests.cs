using System.Net;
using System.Net.Http.Json;
using Joinery.Core.Formalize;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Close;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class CloseApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>Partner 0: an executive steward and a manager planner; partner 1: an executive planner and a viewer.</summary>
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p, string rest = "") => $"/api/v1/partnerships/{p.Id}/close{rest}";

    private static string Day(int daysFromToday) => TestClock.Day(daysFromToday);

    private static object Plan(SeededPartnership p, string? done = null, string? dueOn = null) => new
    {
        continuedBy = p.Partners[1],
        howTold = "A letter from the clinic, then a conversation at the next visit.",
        recordsKeptBy = p.Partners[1],
        records = "Care plans and progress notes stay in the clinic's record for seven years.",
        peopleServed = 140,
        owner = p.Steward.UserId,
        dueOn,
        careHandedOverOn = done,
        peopleToldOn = done,
        recordsSettledOn = done,
    };

    private Task<Guid> ServiceAsync(SeededPartnership p, string name, bool part2 = false) =>
        app.ActingAsAsync(p.Steward, async services =>
        {
            var outcome = await services.GetRequiredService<ServicesWork>().CreateAsync(p.Id,
                new ServiceInput(name, "", p.Partners[0].ToString(), p.Partners[0].ToString(), "", ["medicaid"], "contract", part2, null, null));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value;
        });

    private Task<Guid> AgreementAsync(SeededPartnership p, string status) =>
        app.ActingAsAsync(p.Steward, async services =>
        {
            var outcome = await services.GetRequiredService<RecordAgreement>().RunAsync(p.Id, new AgreementInput("mou", "Memorandum of understanding", status));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value;
        });

    private static Task<System.Text.Json.JsonElement> EndAsync(HttpClient steward, SeededPartnership p) =>
        steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/phase", new { to = "close", reason = "The grant ended and neither board can fund the service." }, HttpStatusCode.OK);

    [Fact]
    public async Task Moving_to_close_needs_a_reason_and_the_close_shows_it_with_every_service_unplanned()
    {
        var p = await PartnershipAsync();
        var consults = await ServiceAsync(p, "Psychiatric consults");
        var steward = await app.ApiAsync(p.Steward);

        var silent = await (await steward.PostAsJsonAsync($"/api/v1/partnerships/{p.Id}/phase", new { to = "close" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        silent.ErrorFields().ShouldBe(["reason"]);
        (await steward.GetJsonAsync(Url(p))).GetProperty("closing").GetBoolean().ShouldBeFalse();
        await EndAsync(steward, p);
        var view = await steward.GetJsonAsync(Url(p));

        view.GetProperty("closing").GetBoolean().ShouldBeTrue();
        view.Text("reason").ShouldBe("The grant ended and neither board can fund the service.");
        view.Text("closedFrom").ShouldBe("explore");
        var transition = view.GetProperty("transitions").EnumerateArray().ShouldHaveSingleItem();
        transition.Text("serviceId").ShouldBe(consults.ToString());
        transition.Text("progress").ShouldBe("not-planned");
        view.GetProperty("criteria").Texts("status").ShouldBe(["not-started", "met"]);
        view.GetProperty("readyToArchive").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_transition_plan_is_kept_only_once_the_partners_decided_to_close()
    {
        var p = await PartnershipAsync();
        var service = await ServiceAsync(p, "Care management");
        var steward = await app.ApiAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var early = await (await steward.PutAsJsonAsync(Url(p, $"/transitions/{service}"), Plan(p))).ReadProblemAsync(HttpStatusCode.Conflict);

        early.Text("detail").ShouldContain("moves it to Close first");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_plan_names_who_continues_care_how_people_are_told_and_who_keeps_which_records_and_is_complete_when_all_three_are_done()
    {
        var p = await PartnershipAsync();
        var service = await ServiceAsync(p, "Care management");
        var steward = await app.ApiAsync(p.Steward);
        await EndAsync(steward, p);

        await steward.PutJsonAsync(Url(p, $"/transitions/{service}"), Plan(p, dueOn: Day(30)), HttpStatusCode.OK);
        var planned = (await steward.GetJsonAsync(Url(p))).GetProperty("transitions")[0];
        await steward.PutJsonAsync(Url(p, $"/transitions/{service}"), Plan(p, done: Day(-1), dueOn: Day(30)), HttpStatusCode.OK);
        var view = await steward.GetJsonAsync(Url(p));
        var done = view.GetProperty("transitions")[0];

        planned.Text("progress").ShouldBe("planned");
        var clinic = await app.ReadAsync(db => db.Organizations.Where(o => o.Id == p.Partners[1]).Select(o => o.Name).SingleAsync());
        planned.Text("continuedBy").ShouldBe(clinic);
        planned.Text("recordsKeptBy").ShouldBe(clinic);
        planned.Text("owner").ShouldBe(p.Steward.Name);
        planned.GetProperty("peopleServed").GetInt32().ShouldBe(140);
        done.Text("progress").ShouldBe("complete");
        done.Text("careHandedOverOn").ShouldBe(Day(-1));
        view.GetProperty("criteria")[0].Text("status").ShouldBe("met");
        (await steward.RoadmapCriterionAsync(p.Id, "transitions-complete")).Text("status").ShouldBe("met");
    }

    [Fact]
    public async Task Another_provider_may_continue_care_but_not_together_with_a_partner()
    {
        var p = await PartnershipAsync();
        var service = await ServiceAsync(p, "Therapy groups");
        var steward = await app.ApiAsync(p.Steward);
        await EndAsync(steward, p);

        var both = await (await steward.PutAsJsonAsync(Url(p, $"/transitions/{service}"), new
        {
            continuedBy = p.Partners[0],
            continuingProvider = "County mental health center",
            howTold = "Letters.",
            recordsKeptBy = p.Partners[0],
            records = "Notes.",
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await steward.PutJsonAsync(Url(p, $"/transitions/{service}"), new
        {
            continuingProvider = "County mental health center",
            howTold = "Letters.",
            recordsKeptBy = p.Partners[0],
            records = "Notes.",
        }, HttpStatusCode.OK);

        both.ErrorFields().ShouldBe(["continuingProvider"]);
        (await steward.GetJsonAsync(Url(p))).GetProperty("transitions")[0].Text("continuedBy").ShouldBe("County mental health center");
    }

    [Fact]
    public async Task Bad_plans_are_refused_field_by_field_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var service = await ServiceAsync(p, "Care management");
        var steward = await app.ApiAsync(p.Steward);
        await EndAsync(steward, p);
        var stranger = await PartnershipBuilder.CreateOrganizationAsync(app, $"Elsewhere Clinic {app.Unique()}", Core.Organizations.OrganizationKind.PrimaryCare);
        var before = await app.SnapshotAsync();

        var empty = await (await steward.PutAsJsonAsync(Url(p, $"/transitions/{service}"), new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var wrong = await (await steward.PutAsJsonAsync(Url(p, $"/transitions/{service}"), new
        {
            continuedBy = stranger,
            howTold = new string('x', 1001),
            recordsKeptBy = stranger,
            records = "Notes.",
            peopleServed = -1,
            owner = Guid.NewGuid(),
            careHandedOverOn = Day(30),
            peopleToldOn = "31/12/2026",
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var invisible = await (await steward.PutAsJsonAsync(Url(p, $"/transitions/{service}"), new
        {
            continuingProvider = "Riverbend\u202EhtlaeH",
            howTold = "Letters.",
            recordsKeptBy = p.Partners[0],
            records = "Notes.",
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var otherService = await (await steward.PutAsJsonAsync(Url(p, $"/transitions/{Guid.NewGuid()}"), Plan(p))).ReadProblemAsync(HttpStatusCode.NotFound);

        empty.ErrorFields().ShouldBe(["continuedBy", "howTold", "recordsKeptBy", "records"], ignoreOrder: true);
        wrong.ErrorFields().ShouldBe(["continuedBy", "howTold", "recordsKeptBy", "peopleServed", "owner", "careHandedOverOn", "peopleToldOn"], ignoreOrder: true);
        invisible.ErrorFields().ShouldBe(["continuingProvider"]);
        otherService.Text("detail").ShouldBe("No such service.");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Viewers_read_the_plans_and_only_stewards_archive()
    {
        var p = await PartnershipAsync();
        var service = await ServiceAsync(p, "Care management");
        var steward = await app.ApiAsync(p.Steward);
        await EndAsync(steward, p);
        await steward.PutJsonAsync(Url(p, $"/transitions/{service}"), Plan(p, done: Day(0)), HttpStatusCode.OK);
        var viewer = await app.ApiAsync(p.Members.Single(m => m.Role == MemberRole.Viewer));
        var planner = await app.ApiAsync(p.Members.Single(m => m.Role == MemberRole.Planner && m.Level == MemberLevel.Executive));
        var before = await app.SnapshotAsync();

        var read = await viewer.GetJsonAsync(Url(p));
        var write = await (await viewer.PutAsJsonAsync(Url(p, $"/transitions/{service}"), Plan(p))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var archive = await (await planner.PostAsJsonAsync(Url(p, "/archive"), new { confirm = true })).ReadProblemAsync(HttpStatusCode.Forbidden);

        read.GetProperty("canWrite").GetBoolean().ShouldBeFalse();
        read.GetProperty("readyToArchive").GetBoolean().ShouldBeTrue();
        write.Text("detail").ShouldBe("Viewers read the transition plans; members keep them.");
        archive.Text("detail").ShouldBe("Only the partnership's stewards archive it.");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Archiving_waits_for_every_transition_and_every_agreement_and_a_confirmation()
    {
        var p = await PartnershipAsync();
        var consults = await ServiceAsync(p, "Psychiatric consults", part2: true);
        var groups = await ServiceAsync(p, "Therapy groups");
        var mou = await AgreementAsync(p, "in-force");
        var steward = await app.ApiAsync(p.Steward);

        var notClosing = await (await steward.PostAsJsonAsync(Url(p, "/archive"), new { confirm = true })).ReadProblemAsync(HttpStatusCode.Conflict);
        await EndAsync(steward, p);
        await steward.PutJsonAsync(Url(p, $"/transitions/{consults}"), Plan(p, done: Day(0)), HttpStatusCode.OK);
        await steward.PutJsonAsync(Url(p, $"/transitions/{groups}"), Plan(p), HttpStatusCode.OK);
        var open = await (await steward.PostAsJsonAsync(Url(p, "/archive"), new { confirm = true })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await steward.PutJsonAsync(Url(p, $"/transitions/{groups}"), Plan(p, done: Day(0)), HttpStatusCode.OK);
        await steward.PutJsonAsync($"/api/v1/partnerships/{p.Id}/agreements/{mou}", new { title = "Memorandum of understanding", status = "terminated" }, HttpStatusCode.OK);
        var unconfirmed = await (await steward.PostAsJsonAsync(Url(p, "/archive"), new { confirm = false })).ReadProblemAsync(HttpStatusCode.BadRequest);

        notClosing.Text("detail").ShouldContain("Only a partnership in the Close phase can be archived");
        var detail = open.GetProperty("errors").GetProperty("").EnumerateArray().ShouldHaveSingleItem().GetString()!;
        detail.ShouldContain("not carried out yet for Therapy groups");
        detail.ShouldContain("Still running: Memorandum of understanding (in force)");
        unconfirmed.ErrorFields().ShouldBe(["confirm"]);
        (await app.ReadAsync(db => db.Partnerships.AsNoTracking().SingleAsync(x => x.Id == p.Id))).ArchivedAt.ShouldBeNull();
    }

    [Fact]
    public async Task An_archived_partnership_is_read_only_through_the_api_withdraws_its_invitations_and_records_the_archive()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var invitation = await app.ActingAsAsync(p.Steward, async services => (await services.GetRequiredService<Invitations>().InviteAsync(p.Id,
            new InvitationInput($"late{app.Unique()}@example.org", p.Partners[0].ToString(), "viewer", "frontline"))).Value!.Id);
        await EndAsync(steward, p);
        var checkpoint = await app.AuditCheckpointAsync();

        var archived = await steward.PostJsonAsync(Url(p, "/archive"), new { confirm = true }, HttpStatusCode.OK);
        var before = await app.SnapshotAsync();
        var again = await (await steward.PostAsJsonAsync(Url(p, "/archive"), new { confirm = true })).ReadProblemAsync(HttpStatusCode.Conflict);
        var term = await (await steward.PostAsJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", new { term = "huddle", category = "management", status = "proposed" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var back = await (await steward.PostAsJsonAsync($"/api/v1/partnerships/{p.Id}/phase", new { to = "explore", reason = "A new grant." }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        archived.GetProperty("archived").GetBoolean().ShouldBeTrue();
        again.Text("detail").ShouldBe(PartnershipArchivedException.Text);
        term.Text("detail").ShouldBe(PartnershipArchivedException.Text);
        back.Text("detail").ShouldBe(PartnershipArchivedException.Text);
        (await app.SnapshotAsync()).ShouldBe(before);
        var partnership = await app.ReadAsync(db => db.Partnerships.AsNoTracking().SingleAsync(x => x.Id == p.Id));
        partnership.ArchivedAt.ShouldNotBeNull();
        partnership.ArchivedByUserId.ShouldBe(p.Steward.UserId);
        (await app.ReadAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation))).RevokedAt.ShouldNotBeNull();
        var audit = await app.AuditSinceAsync(checkpoint);
        audit.ShouldContain(e => e.Action == "partnership.archived" && e.PartnershipId == p.Id && e.UserId == p.Steward.UserId);
        var view = await steward.GetJsonAsync(Url(p));
        view.GetProperty("archived").GetBoolean().ShouldBeTrue();
        view.Text("archivedBy").ShouldBe(p.Steward.Name);
        view.GetProperty("canWrite").GetBoolean().ShouldBeFalse();
        (await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}")).GetProperty("archivedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task Closing_raises_signals_for_services_without_a_plan_and_overdue_transitions_and_an_archive_silences_them()
    {
        var p = await PartnershipAsync();
        var consults = await ServiceAsync(p, "Psychiatric consults");
        var groups = await ServiceAsync(p, "Therapy groups");
        var steward = await app.ApiAsync(p.Steward);
        await EndAsync(steward, p);
        await steward.PutJsonAsync(Url(p, $"/transitions/{consults}"), Plan(p, dueOn: Day(-3)), HttpStatusCode.OK);

        var signals = (await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals")).EnumerateArray().ToList();
        var unplanned = signals.Single(s => s.Text("code") == "close-service-without-plan");
        var overdue = signals.Single(s => s.Text("code") == "close-transition-overdue");
        unplanned.Text("severity").ShouldBe("critical");
        unplanned.GetProperty("evidence").Texts("label").ShouldBe(["Therapy groups"]);
        overdue.GetProperty("evidence").Texts("label").ShouldBe([$"Psychiatric consults (due {TestClock.ShownDay(-3)})"]);

        await steward.PutJsonAsync(Url(p, $"/transitions/{consults}"), Plan(p, done: Day(0)), HttpStatusCode.OK);
        await steward.PutJsonAsync(Url(p, $"/transitions/{groups}"), Plan(p, done: Day(0)), HttpStatusCode.OK);
        await steward.PostJsonAsync(Url(p, "/archive"), new { confirm = true }, HttpStatusCode.OK);
        (await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task While_closing_a_service_cannot_be_deleted_so_its_transition_stays_tracked()
    {
        var p = await PartnershipAsync();
        var service = await ServiceAsync(p, "Care management");
        var steward = await app.ApiAsync(p.Steward);
        await EndAsync(steward, p);
        await steward.PutJsonAsync(Url(p, $"/transitions/{service}"), Plan(p), HttpStatusCode.OK);
        var before = await app.SnapshotAsync();

        var deleted = await (await steward.DeleteAsync($"/api/v1/partnerships/{p.Id}/services/{service}")).ReadProblemAsync(HttpStatusCode.Conflict);

        deleted.Text("detail").ShouldContain("services stay in the catalog");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await steward.GetJsonAsync(Url(p))).GetProperty("transitions")[0].Text("progress").ShouldBe("planned");
    }

    [Fact]
    public async Task Plans_carried_out_before_the_partners_carried_on_must_be_confirmed_when_they_close_again()
    {
        var p = await PartnershipAsync();
        var service = await ServiceAsync(p, "Care management");
        var steward = await app.ApiAsync(p.Steward);
        await EndAsync(steward, p);
        await steward.PutJsonAsync(Url(p, $"/transitions/{service}"), Plan(p, done: Day(0)), HttpStatusCode.OK);
        await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/phase", new { to = "explore", reason = "A new grant came through." }, HttpStatusCode.OK);
        await EndAsync(steward, p);

        var again = await steward.GetJsonAsync(Url(p));
        await steward.PutJsonAsync(Url(p, $"/transitions/{service}"), Plan(p, done: Day(0)), HttpStatusCode.OK);
        var confirmed = await steward.GetJsonAsync(Url(p));

        again.GetProperty("transitions")[0].Text("progress").ShouldBe("planned");
        again.GetProperty("transitions")[0].GetProperty("fromEarlierClose").GetBoolean().ShouldBeTrue();
        again.GetProperty("criteria")[0].Text("status").ShouldBe("not-met");
        confirmed.GetProperty("transitions")[0].Text("progress").ShouldBe("complete");
        confirmed.GetProperty("transitions")[0].GetProperty("fromEarlierClose").GetBoolean().ShouldBeFalse();
    }
}
