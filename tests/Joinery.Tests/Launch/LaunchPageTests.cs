using System.Globalization;
using System.Net;
using Joinery.Core.Health;
using Joinery.Core.Launch;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Launch;

/// <summary>The launch and milestones pages as a browser without script uses them.</summary>
[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class LaunchPageTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Page(SeededPartnership p) => $"/partnerships/{p.Id}/launch";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, SeededPartnership p, string handler, Dictionary<string, string> fields, string query = "") =>
        await browser.SubmitFormAsync(Page(p), $"{Page(p)}?handler={handler}{query}", fields);

    private static string Day(int daysFromToday) => TestClock.Day(daysFromToday);

    [Fact]
    public async Task A_member_adds_the_standard_items_and_marks_one_done_with_an_owner()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.First(MemberRole.Planner));

        (await PostAsync(browser, p, "Starter", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var space = await app.ReadAsync(db => db.Set<ChecklistItem>().SingleAsync(i => i.PartnershipId == p.Id && i.Code == "space"));
        var saved = await PostAsync(browser, p, "UpdateItem", new()
        {
            ["Row.Owner"] = p.Steward.UserId.ToString(),
            ["Row.DueOn"] = Day(3),
            ["Row.DoneOn"] = Day(0),
        }, $"&checklistItemId={space.Id}");
        var html = await browser.ReadPageAsync(Page(p));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.ShouldContain("1 of 9 items done.");
        html.ShouldContain($"<td><time datetime=\"{Day(0)}\">{TestClock.ShownDay(0)}</time></td>");
        html.ShouldContain("Add the standard items");
        html.ShouldNotContain("Record the decision", customMessage: "a manager does not decide go or no-go");
        html.ShouldContain("An executive of each partner records the go or no-go.");
    }

    [Fact]
    public async Task Errors_link_to_their_fields_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var item = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<LaunchWork>()
            .SaveItemAsync(p.Id, null, new ChecklistItemInput("space", "A room", null, null, null)));
        var before = await app.SnapshotAsync();

        var schedule = await PostAsync(browser, p, "Schedule", new() { ["Schedule.StartDate"] = "31/12/2026", ["Schedule.PilotMonths"] = "99" });
        var row = await PostAsync(browser, p, "UpdateItem", new() { ["Row.DoneOn"] = "yesterday" }, $"&checklistItemId={item.Value}");
        var markup = await PostAsync(browser, p, "Source", new() { ["Source.Name"] = "", ["Source.Kind"] = "internal", ["Source.Channel"] = "<script>" });
        var decide = await PostAsync(browser, p, "Decide", new() { ["Decision.Decision"] = "no-go" });
        var rowHtml = await row.Content.ReadAsStringAsync();

        (await schedule.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Schedule_StartDate", "Schedule_PilotMonths"], ignoreOrder: true);
        (await row.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Row_DoneOn"]);
        rowHtml.ShouldContain("id=\"Row_DoneOn\"", customMessage: "the link from the summary lands on the failed row's field");
        (await markup.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Source_Name", "Source_Channel"], ignoreOrder: true);
        (await markup.Content.ReadAsStringAsync()).ShouldNotContain("<script>");
        (await decide.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Decision_Note"]);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_viewer_reads_the_launch_and_milestones_without_any_form()
    {
        var p = await PartnershipAsync();
        await app.ActingAsAsync(p.Steward, async services =>
        {
            (await services.GetRequiredService<LaunchWork>().AddStarterSetAsync(p.Id)).Succeeded.ShouldBeTrue();
            (await services.GetRequiredService<MilestonesWork>().ProposeAsync(p.Id)).Succeeded.ShouldBeTrue();
            return 0;
        });
        var viewer = await app.SignedInAsync(p.First(MemberRole.Viewer));

        var launch = await viewer.ReadPageAsync(Page(p));
        var milestones = await viewer.ReadPageAsync($"/partnerships/{p.Id}/milestones");

        launch.ShouldContain("Readiness checklist");
        launch.ShouldContain("Crisis workflow agreed");
        launch.ShouldNotContain("handler=");
        milestones.ShouldContain("First anniversary of the launch");
        milestones.ShouldNotContain("handler=");
        (await viewer.PostAsync($"{Page(p)}?handler=Starter", new FormUrlEncodedContent([]))).StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_celebration_recorded_on_the_milestones_page_appears_there()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var page = $"/partnerships/{p.Id}/milestones";

        (await browser.SubmitFormAsync(page, $"{page}?handler=Add", new() { ["Input.Title"] = "First shared case review", ["Input.AchievedOn"] = Day(-2) }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await app.ReadAsync(db => db.Set<Milestone>().Where(m => m.PartnershipId == p.Id).Select(m => m.Id).SingleAsync());
        var empty = await browser.SubmitFormAsync(page, $"{page}?handler=Celebrate&milestoneId={id}", new() { ["Celebration.CelebratedOn"] = Day(-1) });
        var done = await browser.SubmitFormAsync(page, $"{page}?handler=Celebrate&milestoneId={id}",
            new() { ["Celebration.CelebratedOn"] = Day(-1), ["Celebration.How"] = "Lunch for both teams.", ["Celebration.Thanked"] = "The care managers." });
        var html = await browser.ReadPageAsync(page);

        (await empty.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Celebration_How"]);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("id=\"Celebration_How\"");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.ShouldContain("Lunch for both teams. Thanked: The care managers.");
    }
}

/// <summary>The launch health signals, with their thresholds.</summary>
public sealed class LaunchHealthTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private async Task<(SeededPartnership P, IReadOnlyList<HealthSignal> Signals)> SignalsAsync(int startInDays, int pilotMonths = 6, Phase? phase = null)
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        if (phase is { } moved)
        {
            await app.WithCoreAsync<int>(services => services.GetRequiredService<Joinery.Core.Data.JoineryDb>().Partnerships
                .Where(x => x.Id == p.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Phase, moved)));
            Joinery.Core.Data.PartnershipVersions.Changed(p.Id);
        }
        var signals = await app.ActingAsAsync(p.Steward, async services =>
        {
            var launch = services.GetRequiredService<LaunchWork>();
            var start = TestClock.Day(startInDays);
            (await launch.ScheduleAsync(p.Id, new ScheduleInput(start, pilotMonths.ToString(CultureInfo.InvariantCulture)))).Succeeded.ShouldBeTrue();
            (await launch.SaveTrainingAsync(p.Id, null, new TrainingInput(null, "Front desk team", "Screening at check-in", null, null))).Succeeded.ShouldBeTrue();
            (await launch.SaveSourceAsync(p.Id, null, new ReferralSourceInput("County crisis line", "external", "phone", null))).Succeeded.ShouldBeTrue();
            (await services.GetRequiredService<MeasuresWork>().CreateAsync(p.Id,
                new MeasureInput("Days to first visit", "", "process", "value", "days", "", "", "", null, "down", "7", "monthly"))).Succeeded.ShouldBeTrue();
            return (await services.GetRequiredService<PartnershipHealth>().SignalsAsync(p.Id))!;
        });
        return (p, signals);
    }

    [Fact]
    public async Task Close_to_the_start_date_open_training_untold_sources_and_unsigned_agreements_are_signalled_with_where_to_fix_them()
    {
        var (p, signals) = await SignalsAsync(10);

        var training = signals.Single(s => s.Code == "launch-training-incomplete");
        training.Evidence.Select(e => e.Label).ShouldBe(["Screening at check-in"]);
        training.Link.ShouldBe($"/partnerships/{p.Id}/launch#training-heading");
        training.Message.ShouldBe("The start date is in 10 days and 1 training course is not completed.");
        signals.Single(s => s.Code == "launch-sources-not-told").Evidence.Select(e => e.Label).ShouldBe(["County crisis line"]);
        var baseline = signals.Single(s => s.Code.Contains("baseline", StringComparison.Ordinal));
        baseline.Code.ShouldBe("measure-no-baseline", "the missing baseline is said once, by the measures, which name the measure");
        baseline.Evidence.Select(e => e.Label).ShouldBe(["Days to first visit"]);
        baseline.Link.ShouldBe($"/partnerships/{p.Id}/measures");
        var agreements = signals.Single(s => s.Code == "launch-agreements-unsigned");
        agreements.Evidence.Select(e => e.Label).ShouldBe(["MOU (missing)"], "every partnership needs an MOU");
        agreements.Severity.ShouldBe(Severity.Warning);
        agreements.Link.ShouldBe($"/partnerships/{p.Id}/agreements");
        signals.ShouldNotContain(s => s.Code == "pilot-review-overdue");
    }

    [Fact]
    public async Task Once_the_required_agreements_are_in_force_the_launch_no_longer_waits_on_them()
    {
        var (p, _) = await SignalsAsync(10);
        var api = await app.ApiAsync(p.Steward);
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/agreements", new { type = "mou", title = "Memorandum of understanding", status = "in-force" }, HttpStatusCode.Created);

        var signals = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals");

        signals.EnumerateArray().Select(s => s.Text("code")).ShouldNotContain("launch-agreements-unsigned");
        signals.EnumerateArray().Select(s => s.Text("code")).ShouldContain("launch-training-incomplete", "the other launch signals still stand");
    }

    [Fact]
    public async Task Far_from_the_start_date_there_is_no_launch_signal()
    {
        var (_, signals) = await SignalsAsync(60);

        signals.ShouldNotContain(s => s.Code.StartsWith("launch-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_the_pilot_period_a_missing_pilot_review_is_overdue()
    {
        var (p, signals) = await SignalsAsync(-200, pilotMonths: 6);

        var overdue = signals.Single(s => s.Code == "pilot-review-overdue");
        overdue.Link.ShouldBe($"/partnerships/{p.Id}/expectations#pilot-heading");
        signals.ShouldNotContain(s => s.Code.StartsWith("launch-", StringComparison.Ordinal), "the pilot is over");
    }

    [Theory]
    [InlineData(Phase.Operate)]
    [InlineData(Phase.Close)]
    public async Task Once_operating_or_closing_a_partnership_gets_no_start_up_warnings(Phase phase)
    {
        var (_, before) = await SignalsAsync(10, phase: Phase.Pilot);
        var (_, signals) = await SignalsAsync(10, phase: phase);

        before.ShouldContain(s => s.Code == "launch-training-incomplete", "the same partnership still piloting is warned");
        signals.ShouldNotContain(s => s.Code.StartsWith("launch-", StringComparison.Ordinal));
        signals.Any(s => s.Code == "measure-no-baseline").ShouldBe(phase != Phase.Close, "a closing partnership can no longer collect a baseline");
    }
}
