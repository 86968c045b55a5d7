using System.Globalization;
using System.Net;
using System.Text;
using Joinery.Core.Expectations;
using Joinery.Core.Launch;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Launch;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class LaunchApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>Riverbend (partner 0): an executive steward and a manager planner; Eastside (partner 1): an executive planner and a viewer.</summary>
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p, string rest = "") => $"/api/v1/partnerships/{p.Id}/launch{rest}";

    private static string Day(int daysFromToday) => TestClock.Day(daysFromToday);

    private static Person EastsideExecutive(SeededPartnership p) => p.Members.Single(m => m.Role == MemberRole.Planner && m.Level == MemberLevel.Executive);

    private static Person RiverbendManager(SeededPartnership p) => p.Members.Single(m => m.Role == MemberRole.Planner && m.Level == MemberLevel.Manager);

    [Fact]
    public async Task The_starter_set_adds_the_standard_items_by_area_once()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);

        var first = await steward.PostJsonAsync(Url(p, "/checklist/starter"), new { }, HttpStatusCode.OK);
        var second = await steward.PostJsonAsync(Url(p, "/checklist/starter"), new { }, HttpStatusCode.OK);
        var view = await steward.GetJsonAsync(Url(p));
        var items = view.GetProperty("checklist").EnumerateArray().ToList();

        first.GetProperty("added").GetInt32().ShouldBe(LaunchWork.StandardItems.Count);
        second.GetProperty("added").GetInt32().ShouldBe(0);
        items.Count.ShouldBe(LaunchWork.StandardItems.Count);
        items.Select(i => i.Text("area")).Distinct().ShouldBe(
            ["equipment-and-supplies", "space", "it-and-record-access", "workflows", "staff-training", "announcement"], ignoreOrder: true);
        items.Count(i => i.Text("area") == "workflows").ShouldBe(4, "screening, referral, warm handoff and crisis");
    }

    [Fact]
    public async Task The_checklist_criterion_is_met_only_when_every_item_is_done_training_completed_and_every_source_told()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        (await steward.RoadmapCriterionAsync(p.Id, "readiness-checklist")).Text("status").ShouldBe("not-started");

        var item = (await steward.PostJsonAsync(Url(p, "/checklist"), new { area = "space", title = "A room for the consultant", owner = p.Steward.UserId, dueOn = Day(10) },
            HttpStatusCode.Created)).Text("id");
        var course = (await steward.PostJsonAsync(Url(p, "/training"), new { member = RiverbendManager(p).UserId, course = "Warm handoffs", dueOn = Day(5) },
            HttpStatusCode.Created)).Text("id");
        var source = (await steward.PostJsonAsync(Url(p, "/referral-sources"), new { name = "County crisis line", kind = "external", channel = "phone" },
            HttpStatusCode.Created)).Text("id");
        var open = await steward.RoadmapCriterionAsync(p.Id, "readiness-checklist");
        open.Text("status").ShouldBe("not-met");
        open.Text("evidence").ShouldBe("1 of 1 item not done; 1 course not completed; 1 referral source not told.");

        await steward.PutJsonAsync(Url(p, $"/checklist/{item}"), new { owner = p.Steward.UserId, dueOn = Day(10), doneOn = Day(0) }, HttpStatusCode.OK);
        await steward.PutJsonAsync(Url(p, $"/training/{course}"), new { completedOn = Day(-1) }, HttpStatusCode.OK);
        (await steward.RoadmapCriterionAsync(p.Id, "readiness-checklist")).Text("status").ShouldBe("not-met");
        await steward.PutJsonAsync(Url(p, $"/referral-sources/{source}"), new { toldOn = Day(0) }, HttpStatusCode.OK);

        var met = await steward.RoadmapCriterionAsync(p.Id, "readiness-checklist");
        met.Text("status").ShouldBe("met");
        var view = await steward.GetJsonAsync(Url(p));
        view.GetProperty("readyToLaunch").GetBoolean().ShouldBeTrue();
        var training = view.GetProperty("training")[0];
        training.Text("person").ShouldBe(RiverbendManager(p).Name);
        training.Text("course").ShouldBe("Warm handoffs");
        view.GetProperty("checklist")[0].Text("owner").ShouldBe(p.Steward.Name);
    }

    [Fact]
    public async Task It_is_go_only_when_an_executive_of_every_partner_said_go_and_a_later_checklist_change_asks_them_again()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var eastside = await app.ApiAsync(EastsideExecutive(p));
        var manager = await app.ApiAsync(RiverbendManager(p));

        await manager.PostJsonAsync(Url(p, "/decisions"), new { decision = "go" }, HttpStatusCode.Forbidden);
        await steward.PostJsonAsync(Url(p, "/decisions"), new { decision = "go", note = "Riverbend is ready." }, HttpStatusCode.OK);
        (await steward.GetJsonAsync(Url(p))).Text("decision").ShouldBe("pending");
        (await steward.RoadmapCriterionAsync(p.Id, "go-no-go")).Text("status").ShouldBe("not-met");

        await eastside.PostJsonAsync(Url(p, "/decisions"), new { decision = "go" }, HttpStatusCode.OK);
        (await steward.GetJsonAsync(Url(p))).Text("decision").ShouldBe("go");
        (await steward.RoadmapCriterionAsync(p.Id, "go-no-go")).Text("status").ShouldBe("met");

        await steward.PostJsonAsync(Url(p, "/checklist"), new { area = "workflows", title = "Crisis workflow agreed" }, HttpStatusCode.Created);
        var changed = await steward.GetJsonAsync(Url(p));
        changed.Text("decision").ShouldBe("pending");
        changed.GetProperty("decisions").EnumerateArray().ShouldAllBe(d => d.GetProperty("beforeChange").GetBoolean());
        var criterion = await steward.RoadmapCriterionAsync(p.Id, "go-no-go");
        criterion.Text("status").ShouldBe("not-met");
        criterion.Text("evidence").ShouldContain("given before the checklist changed");

        await steward.PostJsonAsync(Url(p, "/decisions"), new { decision = "go" }, HttpStatusCode.OK);
        await eastside.PostJsonAsync(Url(p, "/decisions"), new { decision = "go" }, HttpStatusCode.OK);
        (await steward.GetJsonAsync(Url(p))).Text("decision").ShouldBe("go");
    }

    [Fact]
    public async Task A_no_go_needs_a_note_and_makes_the_decision_no_go()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var eastside = await app.ApiAsync(EastsideExecutive(p));
        await steward.PostJsonAsync(Url(p, "/decisions"), new { decision = "go" }, HttpStatusCode.OK);

        var bare = await eastside.PostJsonAsync(Url(p, "/decisions"), new { decision = "no-go" }, HttpStatusCode.BadRequest);
        var unknown = await eastside.PostJsonAsync(Url(p, "/decisions"), new { decision = "maybe" }, HttpStatusCode.BadRequest);
        await eastside.PostJsonAsync(Url(p, "/decisions"), new { decision = "no-go", note = "The record access is not ready." }, HttpStatusCode.OK);

        bare.ErrorFields().ShouldBe(["note"]);
        unknown.ErrorFields().ShouldBe(["decision"]);
        var view = await steward.GetJsonAsync(Url(p));
        view.Text("decision").ShouldBe("no-go");
        view.GetProperty("decisions").EnumerateArray().Single(d => d.Text("organizationId") == p.Partners[1].ToString())
            .Text("note").ShouldBe("The record access is not ready.");
    }

    [Fact]
    public async Task The_pilot_runs_from_the_start_date_for_the_months_set_and_links_the_pilot_review()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var start = TestClock.Today.AddDays(-40);

        var defaults = await steward.PutJsonAsync(Url(p, "/schedule"), new { startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, HttpStatusCode.OK);
        (await steward.GetJsonAsync(Url(p))).GetProperty("pilot").GetProperty("months").GetInt32().ShouldBe(6);
        await steward.PutJsonAsync(Url(p, "/schedule"), new { startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pilotMonths = 3 }, HttpStatusCode.OK);
        var review = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<RecordPilotReview>()
            .RunAsync(p.Id, new PilotReviewInput(start, start.AddMonths(3).AddDays(-1), null, null)));
        var pilot = (await steward.GetJsonAsync(Url(p))).GetProperty("pilot");

        defaults.Text("id").ShouldNotBeEmpty();
        pilot.GetProperty("month").GetInt32().ShouldBe(2);
        pilot.GetProperty("months").GetInt32().ShouldBe(3);
        pilot.Text("reviewDue").ShouldBe(start.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        pilot.GetProperty("started").GetBoolean().ShouldBeTrue();
        pilot.GetProperty("ended").GetBoolean().ShouldBeFalse();
        pilot.Text("reviewId").ShouldBe(review.Value.ToString());
        (await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}/launch")).ShouldContain("Pilot: month 2 of 3");
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var other = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var steward = await app.ApiAsync(p.Steward);
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var foreignItem = await app.ActingAsAsync(other.Steward, services => services.GetRequiredService<LaunchWork>()
            .SaveItemAsync(other.Id, null, new ChecklistItemInput("space", "Their room", null, null, null)));
        var before = await app.SnapshotAsync();

        var schedule = await steward.PutJsonAsync(Url(p, "/schedule"), new { startDate = "next tuesday", pilotMonths = 0 }, HttpStatusCode.BadRequest);
        var item = await steward.PostJsonAsync(Url(p, "/checklist"),
            new { area = "garden", title = new string('x', ChecklistItem.TitleMax + 1), owner = other.Steward.UserId, dueOn = "2026-02-30", doneOn = Day(30) }, HttpStatusCode.BadRequest);
        var empty = await steward.PostJsonAsync(Url(p, "/checklist"), new { }, HttpStatusCode.BadRequest);
        var both = await steward.PostJsonAsync(Url(p, "/training"), new { member = p.Steward.UserId, staffName = "Front desk", course = "Screening" }, HttpStatusCode.BadRequest);
        var nobody = await steward.PostJsonAsync(Url(p, "/training"), new { course = "Screening" }, HttpStatusCode.BadRequest);
        var source = await steward.PostJsonAsync(Url(p, "/referral-sources"), new { name = "  ", kind = "neither", channel = "pigeon" }, HttpStatusCode.BadRequest);
        await steward.PutJsonAsync(Url(p, $"/checklist/{foreignItem.Value}"), new { doneOn = Day(0) }, HttpStatusCode.NotFound);
        await steward.PutJsonAsync(Url(p, $"/training/{Guid.NewGuid()}"), new { completedOn = Day(0) }, HttpStatusCode.NotFound);
        await viewer.PostJsonAsync(Url(p, "/checklist"), new { area = "space", title = "A room" }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, "/checklist/starter"), new { }, HttpStatusCode.Forbidden);
        var malformed = await steward.PostAsync(Url(p, "/checklist"), new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        var notJson = await steward.PostAsync(Url(p, "/checklist"), new StringContent("title=A room", Encoding.UTF8, "text/plain"));

        schedule.ErrorFields().ShouldBe(["startDate", "pilotMonths"], ignoreOrder: true);
        item.ErrorFields().ShouldBe(["area", "title", "owner", "dueOn", "doneOn"], ignoreOrder: true);
        empty.ErrorFields().ShouldBe(["area", "title"], ignoreOrder: true);
        both.ErrorFields().ShouldBe(["staffName"]);
        nobody.ErrorFields().ShouldBe(["member"]);
        source.ErrorFields().ShouldBe(["name", "kind", "channel"], ignoreOrder: true);
        await malformed.ReadProblemAsync(HttpStatusCode.BadRequest);
        await notJson.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.ReadAsync(db => db.Set<ChecklistItem>().IgnoreQueryFilters().CountAsync(i => i.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Removing_an_item_course_or_source_changes_the_checklist_and_only_within_the_partnership()
    {
        var p = await PartnershipAsync();
        var other = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var steward = await app.ApiAsync(p.Steward);
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var item = (await steward.PostJsonAsync(Url(p, "/checklist"), new { area = "space", title = "A room" }, HttpStatusCode.Created)).Text("id");
        var course = (await steward.PostJsonAsync(Url(p, "/training"), new { staffName = "Front desk", course = "Screening" }, HttpStatusCode.Created)).Text("id");
        var source = (await steward.PostJsonAsync(Url(p, "/referral-sources"), new { name = "School nurses", kind = "external", channel = "letter" }, HttpStatusCode.Created)).Text("id");
        var foreign = await app.ActingAsAsync(other.Steward, services => services.GetRequiredService<LaunchWork>()
            .SaveSourceAsync(other.Id, null, new ReferralSourceInput("Theirs", "internal", "email", null)));
        await steward.PostJsonAsync(Url(p, "/decisions"), new { decision = "go" }, HttpStatusCode.OK);

        (await viewer.DeleteAsync(Url(p, $"/checklist/{item}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await steward.DeleteAsync(Url(p, $"/referral-sources/{foreign.Value}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await steward.DeleteAsync(Url(p, $"/checklist/{item}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await steward.DeleteAsync(Url(p, $"/training/{course}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await steward.DeleteAsync(Url(p, $"/referral-sources/{source}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await steward.DeleteAsync(Url(p, $"/checklist/{item}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var view = await steward.GetJsonAsync(Url(p));

        view.GetProperty("checklist").GetArrayLength().ShouldBe(0);
        view.GetProperty("training").GetArrayLength().ShouldBe(0);
        view.GetProperty("referralSources").GetArrayLength().ShouldBe(0);
        view.GetProperty("decisions").EnumerateArray().Single(d => d.Text("organizationId") == p.Partners[0].ToString())
            .GetProperty("beforeChange").GetBoolean().ShouldBeTrue("a removal is a change to the checklist");
        (await app.ReadAsync(db => db.Set<ReferralSource>().IgnoreQueryFilters().CountAsync(s => s.Id == foreign.Value))).ShouldBe(1);
    }

    [Fact]
    public async Task Launch_changes_are_audited_without_names_or_notes()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var checkpoint = await app.AuditCheckpointAsync();

        await steward.PostJsonAsync(Url(p, "/training"), new { staffName = "Confidential Staffname", course = "Screening" }, HttpStatusCode.Created);
        await steward.PostJsonAsync(Url(p, "/decisions"), new { decision = "no-go", note = "A confidential reason." }, HttpStatusCode.OK);
        var entries = await app.AuditSinceAsync(checkpoint);

        entries.Select(e => e.Action).ShouldContain("training-record.created");
        entries.Select(e => e.Action).ShouldContain("go-decision.created");
        entries.ShouldAllBe(e => e.PartnershipId == p.Id);
        entries.ShouldAllBe(e => !e.Detail.Contains("Confidential", StringComparison.OrdinalIgnoreCase));
    }
}
