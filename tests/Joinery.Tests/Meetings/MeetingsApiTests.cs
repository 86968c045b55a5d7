using System.Net;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Meetings;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class MeetingsApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager)
        .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    [Fact]
    public async Task A_fortnightly_series_downloads_as_icalendar_with_its_recurrence()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);

        var created = await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/meetings/series",
            new { title = "Joint planning; monthly, with both teams", cadence = "every-two-weeks", firstDate = "2026-03-02", startTime = "08:30", durationMinutes = 45, format = "hybrid" },
            HttpStatusCode.Created);
        var response = await api.GetAsync($"/api/v1/partnerships/{p.Id}/meetings/series/{created.Text("id")}.ics");
        var ics = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        ics.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        ics.ShouldContain("RRULE:FREQ=WEEKLY;INTERVAL=2\r\n");
        ics.ShouldContain("DTSTART:20260302T083000\r\n");
        ics.ShouldContain("DURATION:PT45M\r\n");
        ics.ShouldContain("SUMMARY:Joint planning\\; monthly\\, with both teams");
        ics.Split("\r\n").ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
    }

    [Fact]
    public async Task Attendance_is_counted_by_organization_and_level_and_lists_only_members()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var outsider = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0]);
        var url = $"/api/v1/partnerships/{p.Id}/meetings";

        var refused = await api.PostJsonAsync(url, new { title = "Kick-off", date = "2026-01-05", format = "face-to-face", attendees = new[] { outsider.UserId } }, HttpStatusCode.BadRequest);
        var created = await api.PostJsonAsync(url, new
        {
            title = "Kick-off",
            date = "2026-01-05",
            format = "face-to-face",
            attendees = new[] { p.Steward.UserId, p.First(MemberRole.Planner).UserId, p.First(MemberRole.Clinician).UserId }
        }, HttpStatusCode.Created);
        var meeting = await api.GetJsonAsync($"{url}/{created.Text("id")}");

        refused.ErrorFields().ShouldBe(["attendees"]);
        meeting.GetProperty("summary").GetProperty("attendees").GetInt32().ShouldBe(3);
        meeting.GetProperty("summary").GetProperty("byOrganizationAndLevel").EnumerateArray()
            .Select(a => $"{a.Text("level")}:{a.GetProperty("attended").GetInt32()}").ShouldBe(["executive:1", "manager:1", "frontline:1"], ignoreOrder: true);
        (await app.ReadAsync(db => db.Set<Meeting>().CountAsync(m => m.PartnershipId == p.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Attendance_recorded_after_the_meeting_replaces_the_list()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/meetings";
        var id = (await api.PostJsonAsync(url, new { title = "Kick-off", date = "2026-01-05", format = "hybrid" }, HttpStatusCode.Created)).Text("id");

        await api.PutJsonAsync($"{url}/{id}", new
        {
            title = "Kick-off",
            date = "2026-01-05",
            format = "hybrid",
            attendees = new[] { p.Steward.UserId, p.First(MemberRole.Clinician).UserId }
        }, HttpStatusCode.OK);
        await api.PutJsonAsync($"{url}/{id}", new
        {
            title = "Kick-off",
            date = "2026-01-05",
            format = "hybrid",
            attendees = new[] { p.First(MemberRole.Clinician).UserId, p.First(MemberRole.Planner).UserId }
        }, HttpStatusCode.OK);

        (await app.ReadAsync(db => db.Set<MeetingAttendance>().Where(a => a.MeetingId == Guid.Parse(id)).Select(a => a.UserId).ToListAsync()))
            .ShouldBe([p.First(MemberRole.Clinician).UserId, p.First(MemberRole.Planner).UserId], ignoreOrder: true);
    }

    [Fact]
    public async Task Minutes_are_rendered_without_markup_or_script_links()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var created = await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/meetings",
            new
            {
                title = "Review",
                date = "2026-01-05",
                format = "virtual",
                minutes = "## Notes\n<script>alert(1)</script>\n[click](javascript:alert(1)) and [site](https://example.org)"
            }, HttpStatusCode.Created);

        var html = (await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/meetings/{created.Text("id")}")).Text("minutesHtml");

        html.ShouldContain("<h2>Notes</h2>");
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldNotContain("javascript:");
        html.ShouldContain("href=\"https://example.org\"");
    }

    [Fact]
    public async Task Teams_meeting_face_to_face_below_executive_level_meet_the_plan_gate_and_overdue_actions_show()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}";
        await api.PostJsonAsync($"{url}/meetings", new
        {
            title = "Leaders",
            date = "2026-01-05",
            format = "face-to-face",
            attendees = new[] { p.Steward.UserId }
        }, HttpStatusCode.Created);
        (await api.RoadmapCriterionAsync(p.Id, "teams-met")).Text("status").ShouldBe("not-met");

        var teams = await api.PostJsonAsync($"{url}/meetings", new
        {
            title = "Teams",
            date = "2026-01-12",
            format = "hybrid",
            attendees = new[] { p.First(MemberRole.Planner).UserId, p.First(MemberRole.Clinician).UserId }
        }, HttpStatusCode.Created);
        await api.PostJsonAsync($"{url}/actions", new { title = "Send the minutes", owner = p.First(MemberRole.Planner).UserId, dueDate = "2026-01-13", meetingId = teams.Text("id") }, HttpStatusCode.Created);
        var overdue = await (await app.ApiAsync(p.First(MemberRole.Planner))).GetJsonAsync($"{url}/actions?mine=true&overdue=true");

        (await api.RoadmapCriterionAsync(p.Id, "teams-met")).Text("status").ShouldBe("met");
        overdue.GetArrayLength().ShouldBe(1);
        overdue[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task An_action_item_needs_a_member_as_owner_and_a_real_date_and_viewers_cannot_add_one()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var url = $"/api/v1/partnerships/{p.Id}/actions";

        var problem = await api.PostJsonAsync(url, new { title = "", owner = Guid.NewGuid(), dueDate = "31/12/2026" }, HttpStatusCode.BadRequest);
        await viewer.PostJsonAsync(url, new { title = "Mine", owner = p.Steward.UserId, dueDate = "2026-12-31" }, HttpStatusCode.Forbidden);

        problem.ErrorFields().ShouldBe(["title", "owner", "dueDate"], ignoreOrder: true);
        (await app.ReadAsync(db => db.Set<ActionItem>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(0);
    }
}
