using System.Globalization;
using System.Net;
using Joinery.Core.Launch;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Launch;

/// <summary>The one place where natural milestones are achieved from the data.</summary>
public sealed class MilestoneRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static MilestoneFacts Facts(DateOnly? start = null, bool go = true, DateOnly? meeting = null, DateOnly? mission = null, DateOnly? data = null, DateOnly? mou = null) =>
        new(Today, meeting, mission, start, go, data, mou);

    [Fact]
    public void The_first_meeting_and_the_mission_come_straight_from_their_records()
    {
        var facts = Facts(meeting: new(2026, 2, 3), mission: new(2026, 4, 1));

        MilestonesWork.Derive("first-joint-meeting", facts).ShouldBe(new DateOnly(2026, 2, 3));
        MilestonesWork.Derive("mission-endorsed", facts).ShouldBe(new DateOnly(2026, 4, 1));
        MilestonesWork.Derive("first-joint-meeting", Facts()).ShouldBeNull();
    }

    [Fact]
    public void The_launch_is_achieved_on_the_start_date_once_it_has_passed_with_a_go()
    {
        MilestonesWork.Derive("launch", Facts(start: new(2026, 9, 1))).ShouldBe(new DateOnly(2026, 9, 1));
        MilestonesWork.Derive("launch", Facts(start: new(2026, 9, 1), go: false)).ShouldBeNull("no go, no launch");
        MilestonesWork.Derive("launch", Facts(start: Today.AddDays(1))).ShouldBeNull("the start date has not come");
    }

    [Fact]
    public void Anniversaries_and_the_first_outcome_report_follow_the_launch()
    {
        var launched = Facts(start: new(2025, 3, 1), data: new(2025, 4, 10));
        MilestonesWork.Derive("anniversary-1", launched).ShouldBe(new DateOnly(2026, 3, 1));
        MilestonesWork.Derive("anniversary-2", launched).ShouldBeNull();
        MilestonesWork.Derive("first-outcome-report", launched).ShouldBe(new DateOnly(2025, 4, 10));
        MilestonesWork.Derive("first-outcome-report", Facts(start: new(2025, 3, 1), go: false, data: new(2025, 4, 10))).ShouldBeNull();
        MilestonesWork.PlannedFor("anniversary-2", new(2025, 3, 1)).ShouldBe(new DateOnly(2027, 3, 1));
    }

    [Fact]
    public void The_first_people_served_are_kept_by_hand_and_the_mou_follows_the_agreements_register()
    {
        var everything = Facts(start: new(2025, 3, 1), meeting: new(2025, 1, 1), mission: new(2025, 1, 2), data: new(2025, 4, 1));

        MilestonesWork.Derive("mou-signed", everything).ShouldBeNull("no MOU signed in the register");
        MilestonesWork.Derive("mou-signed", everything with { MouSigned = new(2025, 2, 14) }).ShouldBe(new DateOnly(2025, 2, 14));
        MilestonesWork.Derive("first-people-served", everything).ShouldBeNull();
        MilestonesWork.Derive("", everything).ShouldBeNull();
        MilestonesWork.Natural.Where(n => !n.Derived).Select(n => n.Code).ShouldBe(["first-people-served"]);
    }
}

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class MilestonesApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p, string rest = "") => $"/api/v1/partnerships/{p.Id}/milestones{rest}";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static System.Text.Json.JsonElement Milestone(System.Text.Json.JsonElement view, string code) =>
        view.GetProperty("milestones").EnumerateArray().Single(m => m.Text("code") == code);

    [Fact]
    public async Task Natural_milestones_are_proposed_once_and_achieved_from_meetings_the_launch_with_a_go_and_measure_data()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var today = TestClock.Today;
        var start = today.AddMonths(-13);
        await app.ActingAsAsync(p.Steward, async services =>
        {
            (await services.GetRequiredService<MeetingsWork>().CreateMeetingAsync(p.Id, new MeetingInput("Kick-off", Iso(today.AddMonths(-15)), "face-to-face", null, ""))).Succeeded.ShouldBeTrue();
            var measures = services.GetRequiredService<MeasuresWork>();
            var measure = await measures.CreateAsync(p.Id, new MeasureInput("Days to first visit", "", "process", "value", "days", "", "", "", null, "down", "7", "monthly"));
            (await measures.RecordPointAsync(p.Id, measure.Value, new PointInput(Iso(today).Substring(0, 7), null, null, "9", ""))).Succeeded.ShouldBeTrue();
            return 0;
        });
        await steward.PutJsonAsync($"/api/v1/partnerships/{p.Id}/launch/schedule", new { startDate = Iso(start) }, HttpStatusCode.OK);

        var proposed = await steward.PostJsonAsync(Url(p, "/natural"), new { }, HttpStatusCode.OK);
        (await steward.PostJsonAsync(Url(p, "/natural"), new { }, HttpStatusCode.OK)).GetProperty("added").GetInt32().ShouldBe(0);
        var noGo = await steward.GetJsonAsync(Url(p));
        await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/launch/decisions", new { decision = "go" }, HttpStatusCode.OK);
        await (await app.ApiAsync(p.First(MemberRole.Planner))).PostJsonAsync($"/api/v1/partnerships/{p.Id}/launch/decisions", new { decision = "go" }, HttpStatusCode.OK);
        var view = await steward.GetJsonAsync(Url(p));

        proposed.GetProperty("added").GetInt32().ShouldBe(MilestonesWork.Natural.Count);
        view.GetProperty("notYetProposed").GetArrayLength().ShouldBe(0);
        Milestone(noGo, "launch").GetProperty("achievedOn").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        Milestone(view, "first-joint-meeting").Text("achievedOn").ShouldBe(Iso(today.AddMonths(-15)));
        Milestone(view, "first-joint-meeting").GetProperty("achievedFromData").GetBoolean().ShouldBeTrue();
        Milestone(view, "launch").Text("achievedOn").ShouldBe(Iso(start));
        Milestone(view, "anniversary-1").Text("achievedOn").ShouldBe(Iso(start.AddYears(1)));
        Milestone(view, "anniversary-2").Text("plannedOn").ShouldBe(Iso(start.AddYears(2)));
        Milestone(view, "first-outcome-report").Text("achievedOn").ShouldBe(Iso(today));
        Milestone(view, "mou-signed").GetProperty("achievedOn").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_celebration_recorded_by_mistake_is_removed_but_not_through_another_milestone_or_by_a_viewer()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var id = (await steward.PostJsonAsync(Url(p), new { title = "Shared room opened", achievedOn = "2026-01-10" }, HttpStatusCode.Created)).Text("id");
        var other = (await steward.PostJsonAsync(Url(p), new { title = "First case review", achievedOn = "2026-01-12" }, HttpStatusCode.Created)).Text("id");
        var celebration = (await steward.PostJsonAsync(Url(p, $"/{id}/celebrations"), new { celebratedOn = "2026-01-11", how = "Cake." }, HttpStatusCode.Created)).Text("id");
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var before = await app.SnapshotAsync();

        var elsewhere = await (await steward.DeleteAsync(Url(p, $"/{other}/celebrations/{celebration}"))).ReadProblemAsync(HttpStatusCode.NotFound);
        var byViewer = await (await viewer.DeleteAsync(Url(p, $"/{id}/celebrations/{celebration}"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);
        var removed = await steward.DeleteAsync(Url(p, $"/{id}/celebrations/{celebration}"));

        elsewhere.Text("detail").ShouldBe("No such celebration.");
        byViewer.Text("title").ShouldBe("Not allowed");
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await steward.GetJsonAsync(Url(p))).GetProperty("milestones").EnumerateArray().Single(m => m.Text("title") == "Shared room opened")
            .GetProperty("celebrations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Members_add_their_own_milestones_mark_them_achieved_by_hand_and_the_overview_shows_the_latest_celebration()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var today = TestClock.Today;

        var id = (await steward.PostJsonAsync(Url(p), new { title = "Shared room opened", plannedOn = Iso(today.AddDays(-3)) }, HttpStatusCode.Created)).Text("id");
        var late = Milestone(await steward.GetJsonAsync(Url(p)), "");
        await steward.PutJsonAsync(Url(p, $"/{id}"), new { plannedOn = Iso(today.AddDays(-3)), achievedOn = Iso(today.AddDays(-1)) }, HttpStatusCode.OK);
        await steward.PostJsonAsync(Url(p, $"/{id}/celebrations"),
            new { celebratedOn = Iso(today), how = "Coffee and cake in the new room.", thanked = "<b>Facilities</b> and IT" }, HttpStatusCode.Created);
        var view = await steward.GetJsonAsync(Url(p));
        var overview = await (await app.SignedInAsync(p.First(MemberRole.Viewer))).ReadPageAsync($"/partnerships/{p.Id}");

        late.GetProperty("late").GetBoolean().ShouldBeTrue();
        var done = Milestone(view, "");
        done.Text("achievedOn").ShouldBe(Iso(today.AddDays(-1)));
        done.GetProperty("achievedFromData").GetBoolean().ShouldBeFalse();
        done.GetProperty("late").GetBoolean().ShouldBeFalse();
        done.GetProperty("celebrations")[0].Text("how").ShouldBe("Coffee and cake in the new room.");
        overview.ShouldContain("Celebrated lately");
        overview.ShouldContain("Coffee and cake in the new room.");
        overview.ShouldContain("&lt;b&gt;Facilities&lt;/b&gt;");
        overview.ShouldNotContain("<b>Facilities</b>");
    }

    [Fact]
    public async Task Bad_milestones_and_celebrations_are_refused_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var other = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var steward = await app.ApiAsync(p.Steward);
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var id = (await steward.PostJsonAsync(Url(p), new { title = "Shared room opened" }, HttpStatusCode.Created)).Text("id");
        var foreign = await app.ActingAsAsync(other.Steward, services => services.GetRequiredService<MilestonesWork>().SaveAsync(other.Id, null, new MilestoneInput("Theirs", null, null)));
        var before = await app.SnapshotAsync();

        var empty = await steward.PostJsonAsync(Url(p), new { title = "", plannedOn = "soon" }, HttpStatusCode.BadRequest);
        var huge = await steward.PostJsonAsync(Url(p), new { title = new string('m', Joinery.Core.Launch.Milestone.TitleMax + 1) }, HttpStatusCode.BadRequest);
        var future = await steward.PutJsonAsync(Url(p, $"/{id}"), new { achievedOn = Iso(TestClock.Today.AddDays(30)) }, HttpStatusCode.BadRequest);
        var celebration = await steward.PostJsonAsync(Url(p, $"/{id}/celebrations"), new { celebratedOn = "", how = " ", thanked = new string('t', Celebration.TextMax + 1) }, HttpStatusCode.BadRequest);
        await steward.PutJsonAsync(Url(p, $"/{foreign.Value}"), new { achievedOn = "2026-01-01" }, HttpStatusCode.NotFound);
        await steward.PostJsonAsync(Url(p, $"/{foreign.Value}/celebrations"), new { celebratedOn = "2026-01-01", how = "Cake" }, HttpStatusCode.NotFound);
        await viewer.PostJsonAsync(Url(p), new { title = "A viewer's milestone" }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, "/natural"), new { }, HttpStatusCode.Forbidden);

        empty.ErrorFields().ShouldBe(["title", "plannedOn"], ignoreOrder: true);
        huge.ErrorFields().ShouldBe(["title"]);
        future.ErrorFields().ShouldBe(["achievedOn"]);
        celebration.ErrorFields().ShouldBe(["celebratedOn", "how", "thanked"], ignoreOrder: true);
        (await steward.DeleteAsync(Url(p, $"/{foreign.Value}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.DeleteAsync(Url(p, $"/{id}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Removing_a_milestone_removes_its_celebrations_and_a_natural_one_can_be_proposed_again()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        await steward.PostJsonAsync(Url(p, "/natural"), new { }, HttpStatusCode.OK);
        var mou = Milestone(await steward.GetJsonAsync(Url(p)), "mou-signed").Text("id");
        await steward.PutJsonAsync(Url(p, $"/{mou}"), new { achievedOn = "2026-01-15" }, HttpStatusCode.OK);
        await steward.PostJsonAsync(Url(p, $"/{mou}/celebrations"), new { celebratedOn = "2026-01-16", how = "A toast." }, HttpStatusCode.Created);

        (await steward.DeleteAsync(Url(p, $"/{mou}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await steward.GetJsonAsync(Url(p));
        var again = await steward.PostJsonAsync(Url(p, "/natural"), new { }, HttpStatusCode.OK);

        after.GetProperty("notYetProposed").EnumerateArray().Select(n => n.Text("code")).ShouldBe(["mou-signed"]);
        (await app.ReadAsync(db => db.Set<Celebration>().IgnoreQueryFilters().CountAsync(c => c.PartnershipId == p.Id))).ShouldBe(0);
        again.GetProperty("added").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_mou_milestone_is_achieved_when_the_register_shows_the_mou_signed_on_its_last_signature()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var agreements = $"/api/v1/partnerships/{p.Id}/agreements";
        var mou = (await steward.PostJsonAsync(agreements, new { type = "mou", title = "Memorandum of understanding", status = "in-review" }, HttpStatusCode.Created)).Text("id");
        await steward.PostJsonAsync($"{agreements}/{mou}/signatories", new { name = "Grace Example", title = "CEO", organization = p.Partners[0], signedOn = "2026-02-01" }, HttpStatusCode.Created);
        await steward.PostJsonAsync($"{agreements}/{mou}/signatories", new { name = "Ray Example", title = "Director", organization = p.Partners[1], signedOn = "2026-02-09" }, HttpStatusCode.Created);
        await steward.PostJsonAsync(Url(p, "/natural"), new { }, HttpStatusCode.OK);

        var inReview = await steward.GetJsonAsync(Url(p));
        await steward.PutJsonAsync($"{agreements}/{mou}", new { type = "mou", title = "Memorandum of understanding", status = "signed" }, HttpStatusCode.OK);
        var signed = await steward.GetJsonAsync(Url(p));

        Milestone(inReview, "mou-signed").GetProperty("achievedOn").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "still in review");
        Milestone(signed, "mou-signed").Text("achievedOn").ShouldBe("2026-02-09");
        Milestone(signed, "mou-signed").GetProperty("achievedFromData").GetBoolean().ShouldBeTrue();
    }
}
