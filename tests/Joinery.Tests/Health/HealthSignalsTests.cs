using System.Net;
using System.Text.Json;
using Joinery.Core.Health;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Health;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class HealthSignalsTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive, champion: true)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Month(int monthsAgo) => TestClock.Month(-monthsAgo);

    private static Dictionary<string, JsonElement> ByCode(JsonElement signals) =>
        signals.EnumerateArray().ToDictionary(s => s.Text("code"));

    [Fact]
    public async Task Each_signal_has_the_contract_fields_and_a_new_partnership_shows_its_missing_foundations()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);

        var signals = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals");

        var byCode = ByCode(signals);
        byCode.Keys.ShouldBe(["mission-missing", "no-champion", "no-frontline-champion"], ignoreOrder: true);
        foreach (var signal in signals.EnumerateArray())
        {
            signal.Text("severity").ShouldBeOneOf("info", "warning", "critical");
            signal.GetProperty("step").GetInt32().ShouldBeInRange(1, 8);
            signal.Text("message").ShouldNotBeNullOrWhiteSpace();
            signal.GetProperty("evidence").ValueKind.ShouldBe(JsonValueKind.Array);
            signal.Text("link").ShouldStartWith($"/partnerships/{p.Id}/");
        }
        byCode["no-champion"].GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ShouldBe([p.Partners[1]]);
        signals.EnumerateArray().Select(s => s.Text("severity")).ShouldBe(["warning", "warning", "info"], "most serious first");
    }

    [Fact]
    public async Task A_closing_partnership_is_no_longer_told_to_write_a_mission_or_agree_expectations()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/expectations/items", new { text = "Fewer missed referrals" }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/expectations/submit", new { }, HttpStatusCode.OK);
        var building = ByCode(await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals")).Keys.ToList();

        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/phase", new { to = "close", reason = "The grant ended." }, HttpStatusCode.OK);
        var closing = ByCode(await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals")).Keys.ToList();

        building.ShouldContain("mission-missing");
        building.ShouldContain("expectations-waiting");
        closing.ShouldNotContain("mission-missing");
        closing.ShouldNotContain(code => code.StartsWith("expectations-", StringComparison.Ordinal));
        closing.ShouldContain("no-champion", "signs about the people still apply while the partners close");
    }

    [Fact]
    public async Task A_measure_moving_the_wrong_way_is_critical_and_measures_without_baseline_or_recent_data_are_named()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var wait = (await api.PostJsonAsync(url, new { name = "Days to first visit", kind = "value", betterDirection = "down", unit = "days" }, HttpStatusCode.Created)).Text("id");
        var stale = (await api.PostJsonAsync(url, new { name = "Screens with a plan", kind = "proportion", betterDirection = "up" }, HttpStatusCode.Created)).Text("id");
        double[] rising = [10, 11, 10, 9, 10, 12, 13, 14, 15, 16, 17];
        for (var i = 0; i < rising.Length; i++)
        {
            await api.PostJsonAsync($"{url}/{wait}/points", new { period = Month(rising.Length - i), value = rising[i] }, HttpStatusCode.Created);
        }
        await api.PutJsonAsync($"{url}/{wait}/baseline", new { from = Month(11), to = Month(7) }, HttpStatusCode.OK);
        await api.PostJsonAsync($"{url}/{stale}/points", new { period = Month(6), numerator = 3, denominator = 10 }, HttpStatusCode.Created);

        var byCode = ByCode(await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals"));

        byCode["measure-unfavourable"].Text("severity").ShouldBe("critical");
        byCode["measure-unfavourable"].GetProperty("step").GetInt32().ShouldBe(8);
        byCode["measure-unfavourable"].Text("link").ShouldBe($"/partnerships/{p.Id}/measures/{wait}");
        byCode["measure-no-baseline"].GetProperty("evidence").EnumerateArray().Select(e => e.Text("id")).ShouldBe([stale]);
        byCode["measure-no-recent-data"].GetProperty("evidence").EnumerateArray().Select(e => e.Text("id")).ShouldBe([stale]);
    }

    [Fact]
    public async Task Overdue_actions_and_one_sided_decisions_are_signs_and_done_ones_are_not()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        (await app.ActingAsAsync(p.Steward, async services =>
        {
            var meetings = services.GetRequiredService<MeetingsWork>();
            var late = TestClock.Day(-10);
            (await meetings.AddActionAsync(p.Id, new ActionInput("Book the room", p.Steward.UserId.ToString(), late, null))).Succeeded.ShouldBeTrue();
            var done = await meetings.AddActionAsync(p.Id, new ActionInput("Send minutes", p.Steward.UserId.ToString(), late, null));
            return (await meetings.SetActionStatusAsync(p.Id, done.Value, "done")).Succeeded;
        })).ShouldBeTrue();
        var decision = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/decisions",
            new { title = "Where the consultant sits", problem = "No office.", negotiability = "negotiable", compromise = "Half the supply room.", status = "proposed" }, HttpStatusCode.Created)).Text("id");
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/decisions/{decision}/sign-offs", new { }, HttpStatusCode.Created);

        var byCode = ByCode(await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals"));

        byCode["actions-overdue"].GetProperty("evidence").EnumerateArray().Select(e => e.Text("label")).ShouldBe(["Book the room"]);
        byCode["decision-one-sided"].GetProperty("evidence").EnumerateArray().Select(e => e.Text("id")).ShouldBe([decision]);
    }

    [Fact]
    public async Task Thresholds_are_per_partnership_settings_that_change_what_fires()
    {
        var p = await PartnershipAsync();
        var other = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        (await app.ActingAsAsync(p.Steward, async services =>
        {
            var late = TestClock.Day(-12);
            return (await services.GetRequiredService<MeetingsWork>().CreateSeriesAsync(p.Id, new SeriesInput("Weekly huddle", "weekly", late, "08:30", "30", "face-to-face"))).Succeeded;
        })).ShouldBeTrue();
        var before = ByCode(await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals"));

        var saved = await api.PutJsonAsync($"/api/v1/partnerships/{p.Id}/health-settings", new { cadenceSlackPercent = 200 }, HttpStatusCode.OK);
        var after = ByCode(await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals"));
        var untouched = await (await app.ApiAsync(other.Steward)).GetJsonAsync($"/api/v1/partnerships/{other.Id}/health-settings");

        before.ShouldContainKey("cadence-lapsed");
        saved.GetProperty("cadenceSlackPercent").GetInt32().ShouldBe(200);
        after.ShouldNotContainKey("cadence-lapsed");
        untouched.GetProperty("cadenceSlackPercent").GetInt32().ShouldBe(150);
    }

    [Fact]
    public async Task Only_stewards_change_thresholds_and_bad_values_change_nothing()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = $"/api/v1/partnerships/{p.Id}/health-settings";

        await planner.PutJsonAsync(url, new { silenceDays = 30 }, HttpStatusCode.Forbidden);
        var bad = await steward.PutJsonAsync(url, new { silenceDays = 30, attendancePercent = 250, wobble = 3, recentMeetings = "many" }, HttpStatusCode.BadRequest);

        bad.ErrorFields().ShouldBe(["attendancePercent", "wobble", "recentMeetings"], ignoreOrder: true);
        (await app.ReadAsync(db => db.Set<HealthThreshold>().CountAsync(s => s.PartnershipId == p.Id))).ShouldBe(0);
        (await steward.GetJsonAsync(url)).GetProperty("silenceDays").GetInt32().ShouldBe(90);
    }

    [Fact]
    public async Task A_flood_of_unknown_or_huge_names_gets_one_message_instead_of_an_echo_of_the_request()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var flood = Enumerable.Range(0, 50).ToDictionary(i => $"made-up-{i}", _ => (object)1);
        flood[new string('x', 5000)] = 1;

        var bad = await steward.PutJsonAsync($"/api/v1/partnerships/{p.Id}/health-settings", flood, HttpStatusCode.BadRequest);

        var fields = bad.ErrorFields();
        fields.Count.ShouldBe(11);
        fields.ShouldContain("");
        fields.ShouldNotContain(f => f.Length > 60);
        bad.ToString().ShouldNotContain(new string('x', 100));
        (await app.ReadAsync(db => db.Set<HealthThreshold>().CountAsync(s => s.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Cached_signals_follow_a_change_to_the_partnership_at_once()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/health-signals";
        var before = ByCode(await api.GetJsonAsync(url));

        await PartnershipBuilder.AddMemberAsync(app, p.Id, await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]), MemberRole.Clinician, MemberLevel.Frontline, champion: true);
        var after = ByCode(await api.GetJsonAsync(url));

        before["no-champion"].GetProperty("evidence").GetArrayLength().ShouldBe(1);
        after.ShouldNotContainKey("no-champion");
    }

    [Fact]
    public async Task The_overview_shows_the_health_signals_first()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var html = await browser.GetStringAsync($"/partnerships/{p.Id}");

        html.ShouldContain("Partnership health");
        html.IndexOf("Partnership health", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"partners-heading\"", StringComparison.Ordinal));
        html.ShouldContain("There is no shared vision and mission yet.");
    }

    [Fact]
    public async Task Negative_feedback_left_unanswered_is_a_warning_and_long_silence_is_a_question()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var signalsUrl = $"/api/v1/partnerships/{p.Id}/health-signals";
        await SetCreatedAsync(p.Id, TestClock.Start.AddDays(-120));
        var quiet = ByCode(await api.GetJsonAsync(signalsUrl));

        var waiting = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/feedback",
            new { kind = "negative", title = "Referrals disappear", body = "Nobody tells us.", anonymous = true }, HttpStatusCode.Created)).Text("id");
        var fresh = ByCode(await api.GetJsonAsync(signalsUrl));
        await app.WithCoreAsync(services => services.GetRequiredService<Joinery.Core.Data.JoineryDb>().Set<Joinery.Core.Feedback.FeedbackItem>()
            .Where(f => f.Id == Guid.Parse(waiting)).ExecuteUpdateAsync(u => u.SetProperty(f => f.PostedAt, TestClock.Start.AddDays(-40))));
        Joinery.Core.Data.PartnershipVersions.Changed(p.Id);
        var old = ByCode(await api.GetJsonAsync(signalsUrl));
        await api.PutJsonAsync($"/api/v1/partnerships/{p.Id}/feedback/{waiting}/answer", new { answer = "We now send a note when the person is seen." }, HttpStatusCode.OK);
        var answered = ByCode(await api.GetJsonAsync(signalsUrl));

        quiet["no-negative-feedback"].GetProperty("step").GetInt32().ShouldBe(7);
        fresh.ShouldNotContainKey("no-negative-feedback");
        fresh.ShouldNotContainKey("negative-feedback-unanswered");
        old["negative-feedback-unanswered"].GetProperty("evidence").EnumerateArray().Select(e => e.Text("id")).ShouldBe([waiting]);
        answered.ShouldNotContainKey("negative-feedback-unanswered");
    }

    [Fact]
    public async Task No_face_to_face_contact_below_executive_level_is_a_step_6_warning_once_the_partnership_is_older_than_the_threshold()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/health-signals";
        var young = ByCode(await api.GetJsonAsync(url));
        await SetCreatedAsync(p.Id, TestClock.Start.AddDays(-70));

        var old = ByCode(await api.GetJsonAsync(url));

        young.ShouldNotContainKey("no-face-to-face-below-executive");
        old["no-face-to-face-below-executive"].GetProperty("step").GetInt32().ShouldBe(6);
        old["no-face-to-face-below-executive"].Text("message").ShouldContain("never met in person");
    }

    [Fact]
    public async Task Low_pulse_scores_in_a_closed_round_warn_for_each_step_they_concern()
    {
        var p = await app.APartnership()
            .With(MemberRole.Steward, MemberLevel.Executive, champion: true).With(MemberRole.Clinician, MemberLevel.Frontline)
            .With(MemberRole.Planner, MemberLevel.Executive, partner: 1).With(MemberRole.Clinician, MemberLevel.Manager, partner: 1)
            .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
            .BuildAsync();
        var steward = await app.ApiAsync(p.Steward);
        var pulse = $"/api/v1/partnerships/{p.Id}/pulse";
        var round = (await steward.PostJsonAsync($"{pulse}/rounds", new { }, HttpStatusCode.Created)).Text("id");
        foreach (var member in p.Members)
        {
            var api = await app.ApiAsync(member);
            await api.PostJsonAsync($"{pulse}/{round}/answers",
                new { answers = Joinery.Core.Trust.PulseCatalog.Items.Select(i => new { item = i.Id, score = i.Step == 5 ? 4 : 2 }).ToArray() }, HttpStatusCode.Created);
        }
        var open = await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals");
        await steward.PostJsonAsync($"{pulse}/{round}/close", new { }, HttpStatusCode.OK);

        var signals = await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals");

        open.EnumerateArray().ShouldNotContain(s => s.Text("code") == "pulse-low", "an open round shows nothing");
        var steps = signals.EnumerateArray().Where(s => s.Text("code") == "pulse-low").Select(s => s.GetProperty("step").GetInt32()).ToList();
        steps.ShouldBe(Joinery.Core.Trust.PulseCatalog.Items.Select(i => i.Step).Where(step => step != 5).Distinct().Order().ToList(), ignoreOrder: true);
    }

    /// <summary>Backdates the partnership past the data context, so the cached signals are told it changed.</summary>
    private async Task SetCreatedAsync(Guid partnershipId, DateTimeOffset createdAt)
    {
        await app.WithCoreAsync<int>(services => services.GetRequiredService<Joinery.Core.Data.JoineryDb>().Partnerships
            .Where(x => x.Id == partnershipId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, createdAt)));
        Joinery.Core.Data.PartnershipVersions.Changed(partnershipId);
    }
}
