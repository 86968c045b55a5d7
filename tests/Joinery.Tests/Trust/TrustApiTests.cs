using System.Net;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Trust;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class TrustApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Today(int daysAgo = 0) => TestClock.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task MeetAsync(HttpClient api, SeededPartnership p, int daysAgo, string format, params Person[] people) =>
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/meetings",
            new { title = "Joint meeting", date = Today(daysAgo), format, attendees = people.Select(x => x.UserId).ToArray() }, HttpStatusCode.Created);

    [Fact]
    public async Task Face_to_face_time_comes_from_in_person_meetings_by_partner_and_level_with_the_last_cross_partner_contact_below_executive_level()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var manager = p.First(MemberRole.Planner);
        var frontline = p.First(MemberRole.Clinician);
        var otherExecutive = p.Members.Single(m => m.Level == MemberLevel.Executive && m.OrganizationId == p.Partners[1]);
        await MeetAsync(api, p, 30, "face-to-face", manager, frontline);
        await MeetAsync(api, p, 10, "face-to-face", p.Steward, otherExecutive);
        await MeetAsync(api, p, 5, "virtual", manager, frontline);

        var view = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/trust");
        var quarters = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/trust?by=quarter");
        var refused = await (await api.GetAsync($"/api/v1/partnerships/{p.Id}/trust?by=fortnight")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var health = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<TrustWork>().LastCrossPartnerContactBelowExecutiveAsync(p.Id));

        view.Text("lastCrossPartnerBelowExecutive").ShouldBe(Today(30));
        view.GetProperty("daysSinceCrossPartnerBelowExecutive").GetInt32().ShouldBe(30);
        view.GetProperty("contactLapsed").GetBoolean().ShouldBeFalse();
        view.GetProperty("inPersonMeetings").GetInt32().ShouldBe(2);
        view.GetProperty("virtualMeetings").GetInt32().ShouldBe(1);
        view.GetProperty("acrossPartners").EnumerateArray().Select(a => (a.Text("level"), a.GetProperty("meetings").GetInt32()))
            .ShouldBe([("executive", 1), ("manager", 0), ("frontline", 0)]);
        var eastsideFrontline = view.GetProperty("byPartner").EnumerateArray().Single(x => x.GetProperty("organizationId").GetGuid() == p.Partners[1])
            .GetProperty("levels").EnumerateArray().Single(l => l.Text("level") == "frontline");
        (eastsideFrontline.GetProperty("meetings").GetInt32(), eastsideFrontline.Text("last")).ShouldBe((1, Today(30)));
        view.GetProperty("overTime").GetArrayLength().ShouldBe(12);
        quarters.Text("by").ShouldBe("quarter");
        quarters.GetProperty("overTime").GetArrayLength().ShouldBe(8);
        refused.ErrorFields().ShouldBe(["by"]);
        health.ShouldBe(TestClock.Today.AddDays(-30));
    }

    [Fact]
    public async Task The_trust_page_warns_when_managers_and_frontline_staff_have_not_met_in_person()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.First(MemberRole.Clinician));

        var html = await browser.ReadPageAsync($"/partnerships/{p.Id}/trust");
        var quarterly = await browser.ReadPageAsync($"/partnerships/{p.Id}/trust?by=quarter");

        html.ShouldContain("have not met in person yet");
        html.ShouldContain("aria-current=\"page\">Trust</a>");
        quarterly.ShouldContain("by quarter (the last 8)");
    }

    [Fact]
    public async Task The_trust_page_draws_attendances_by_level_month_by_month_with_each_levels_latest_value_labelled()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        await MeetAsync(api, p, 0, "face-to-face", p.First(MemberRole.Planner), p.First(MemberRole.Clinician));
        var browser = await app.SignedInAsync(p.First(MemberRole.Clinician));

        var html = await browser.ReadPageAsync($"/partnerships/{p.Id}/trust");

        html.ShouldContain("<title id=\"line-", customMessage: "the chart is an SVG with a title");
        html.ShouldContain(">Attendances at in-person meetings, by level</title>");
        html.ShouldContain($"Attendances at in-person meetings, by level, {ShownDates.Month(TestClock.Today.AddMonths(-11))} to {ShownDates.Month(TestClock.Today)}. "
            + $"Latest: Executive 0 in {ShownDates.Month(TestClock.Today)}; Manager 1 in {ShownDates.Month(TestClock.Today)}; Frontline 1 in {ShownDates.Month(TestClock.Today)}.");
        html.ShouldContain(">1 Manager</text>");
        html.ShouldContain(">1 Frontline</text>");
        html.ShouldContain(">0 Executive</text>");
        html.ShouldContain("<summary>The numbers, month by month</summary>");
    }

    [Fact]
    public async Task Step_six_on_the_roadmap_is_done_with_recent_contact_below_executive_level_and_a_pulse_round_that_could_be_shown()
    {
        var p = await app.APartnership()
            .With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Manager).With(MemberRole.Clinician, MemberLevel.Frontline)
            .With(MemberRole.Planner, MemberLevel.Manager, partner: 1).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
            .BuildAsync();
        var steward = await app.ApiAsync(p.Steward);

        var before = await StepAsync(steward, p);
        await MeetAsync(steward, p, 3, "hybrid", p.Members[1], p.Members[3]);
        var met = await StepAsync(steward, p);
        var round = (await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/pulse/rounds", new { }, HttpStatusCode.Created)).Text("id");
        foreach (var person in p.Members)
        {
            await (await app.ApiAsync(person)).PostJsonAsync($"/api/v1/partnerships/{p.Id}/pulse/{round}/answers",
                new { answers = PulseCatalog.Items.Select(i => new { item = i.Id, score = 4 }) }, HttpStatusCode.Created);
        }
        await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/pulse/{round}/close", new { }, HttpStatusCode.OK);
        var done = await StepAsync(steward, p);

        before.Text("status").ShouldBe("not-started");
        met.Text("status").ShouldBe("in-progress");
        met.Text("evidence").ShouldBe($"Last met in person below executive level on {TestClock.ShownDay(-3)}; no pulse round closed yet.");
        done.Text("status").ShouldBe("done");
        done.Text("evidence").ShouldEndWith("pulse round 1 closed with 5 answers.");
    }

    private static async Task<System.Text.Json.JsonElement> StepAsync(HttpClient api, SeededPartnership p) =>
        (await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap")).GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("number").GetInt32() == 6);
}
