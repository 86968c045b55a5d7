using System.Net;
using System.Text;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Measures;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class MeasuresApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Manager, partner: 1)
        .BuildAsync();

    private static object FollowUp => new { name = "Positive screens with a plan", kind = "proportion", betterDirection = "up", unit = "%", target = 80 };

    private static object Wait => new { name = "Days to first visit", kind = "value", betterDirection = "down", unit = "days", target = 7 };

    private static string Month(int monthsAgo) => TestClock.Month(-monthsAgo);

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient api, string url, string csv) =>
        await api.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task A_measure_is_created_with_the_contract_fields_and_answers_201_with_its_id()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";

        var id = (await api.PostJsonAsync(url, FollowUp, HttpStatusCode.Created)).Text("id");
        var measure = await api.GetJsonAsync($"{url}/{id}");
        var list = await api.GetJsonAsync(url);

        measure.Text("name").ShouldBe("Positive screens with a plan");
        measure.Text("kind").ShouldBe("proportion");
        measure.Text("betterDirection").ShouldBe("up");
        measure.Text("unit").ShouldBe("%");
        measure.GetProperty("target").GetDouble().ShouldBe(80);
        list.EnumerateArray().Select(m => m.Text("id")).ShouldBe([id]);
    }

    [Fact]
    public async Task A_bad_definition_is_refused_field_by_field_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";

        var problem = await api.PostJsonAsync(url, new { name = "Wait\u200Btime", kind = "ratio", betterDirection = "sideways", owner = Guid.NewGuid() }, HttpStatusCode.BadRequest);
        var percent = await api.PostJsonAsync(url, new { name = "Share", kind = "proportion", betterDirection = "up", target = 140 }, HttpStatusCode.BadRequest);
        var unitless = await api.PostJsonAsync(url, new { name = "Wait", kind = "value", betterDirection = "down" }, HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldBe(["name", "kind", "betterDirection", "owner"], ignoreOrder: true);
        percent.ErrorFields().ShouldBe(["target"]);
        unitless.ErrorFields().ShouldBe(["unit"]);
        (await app.ReadAsync(db => db.Set<Measure>().CountAsync(m => m.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Posting_a_month_creates_it_and_posting_it_again_corrects_it()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.First(MemberRole.Clinician));
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(url, FollowUp, HttpStatusCode.Created)).Text("id");

        var created = await api.PostJsonAsync($"{url}/{id}/points", new { period = Month(2), numerator = 30, denominator = 60 }, HttpStatusCode.Created);
        var corrected = await api.PostJsonAsync($"{url}/{id}/points", new { period = Month(2), numerator = 33, denominator = 60 }, HttpStatusCode.OK);
        var chart = await api.GetJsonAsync($"{url}/{id}/chart");

        created.GetProperty("created").GetBoolean().ShouldBeTrue();
        corrected.GetProperty("created").GetBoolean().ShouldBeFalse();
        var point = chart.GetProperty("points").EnumerateArray().Single();
        point.Text("period").ShouldBe(Month(2));
        point.GetProperty("numerator").GetInt32().ShouldBe(33);
        point.GetProperty("value").GetDouble().ShouldBe(55);
    }

    [Fact]
    public async Task A_month_that_does_not_fit_the_measure_is_refused_with_the_reason()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var share = (await api.PostJsonAsync(url, FollowUp, HttpStatusCode.Created)).Text("id");
        var days = (await api.PostJsonAsync(url, Wait, HttpStatusCode.Created)).Text("id");

        var tooMany = await api.PostJsonAsync($"{url}/{share}/points", new { period = Month(1), numerator = 70, denominator = 60 }, HttpStatusCode.BadRequest);
        var valueForShare = await api.PostJsonAsync($"{url}/{share}/points", new { period = Month(1), value = 50 }, HttpStatusCode.BadRequest);
        var future = await api.PostJsonAsync($"{url}/{days}/points", new { period = Month(-2), value = 9 }, HttpStatusCode.BadRequest);
        var badPeriod = await api.PostJsonAsync($"{url}/{days}/points", new { period = "March 2026", value = 9 }, HttpStatusCode.BadRequest);
        var fraction = await api.PostJsonAsync($"{url}/{share}/points", new { period = Month(1), numerator = 2.5, denominator = 60 }, HttpStatusCode.BadRequest);

        tooMany.ErrorFields().ShouldBe(["numerator"]);
        valueForShare.ErrorFields().ShouldBe(["numerator", "denominator", "value"], ignoreOrder: true);
        future.ErrorFields().ShouldBe(["period"]);
        badPeriod.ErrorFields().ShouldBe(["period"]);
        fraction.ErrorFields().ShouldBe(["numerator"]);
        (await app.ReadAsync(db => db.Set<MeasurePoint>().CountAsync(x => x.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_chart_returns_points_median_and_signals_with_the_points_that_show_them()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(url, Wait, HttpStatusCode.Created)).Text("id");
        double[] values = [20, 22, 21, 19, 20, 14, 13, 12, 12, 11, 10, 9];
        for (var i = 0; i < values.Length; i++)
        {
            await api.PostJsonAsync($"{url}/{id}/points", new { period = Month(values.Length - i), value = values[i] }, HttpStatusCode.Created);
        }
        await api.PutJsonAsync($"{url}/{id}/baseline", new { from = Month(12), to = Month(8) }, HttpStatusCode.OK);

        var chart = await api.GetJsonAsync($"{url}/{id}/chart");
        var control = await api.GetJsonAsync($"{url}/{id}/chart?type=control");
        var badType = await api.GetAsync($"{url}/{id}/chart?type=pie");

        chart.GetProperty("points").GetArrayLength().ShouldBe(12);
        chart.GetProperty("median").GetDouble().ShouldBe(20);
        chart.Text("medianBasis").ShouldBe("baseline");
        var signals = chart.GetProperty("signals").EnumerateArray().ToDictionary(s => s.Text("rule"));
        signals["shift"].GetProperty("points").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([3, 5, 6, 7, 8, 9, 10, 11], "the 20 on the median neither counts nor breaks the run");
        signals["shift"].GetProperty("favourable").GetBoolean().ShouldBeTrue();
        signals["trend"].Text("direction").ShouldBe("down");
        control.Text("type").ShouldBe("control");
        control.Text("controlChart").ShouldBe("xmr");
        control.GetProperty("points")[0].GetProperty("upper").GetDouble().ShouldBeGreaterThan(20);
        badType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_baseline_is_the_median_of_its_months_or_a_value_given_by_hand_and_needs_data_otherwise()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(url, Wait, HttpStatusCode.Created)).Text("id");
        foreach (var (ago, value) in new[] { (5, 10.0), (4, 30.0), (3, 14.0) })
        {
            await api.PostJsonAsync($"{url}/{id}/points", new { period = Month(ago), value }, HttpStatusCode.Created);
        }

        var computed = await api.PutJsonAsync($"{url}/{id}/baseline", new { from = Month(5), to = Month(3) }, HttpStatusCode.OK);
        var empty = await api.PutJsonAsync($"{url}/{id}/baseline", new { from = Month(30), to = Month(20) }, HttpStatusCode.BadRequest);
        var backwards = await api.PutJsonAsync($"{url}/{id}/baseline", new { from = Month(3), to = Month(5) }, HttpStatusCode.BadRequest);
        var byHand = await api.PutJsonAsync($"{url}/{id}/baseline", new { from = Month(30), to = Month(20), value = 25.5 }, HttpStatusCode.OK);

        computed.GetProperty("value").GetDouble().ShouldBe(14);
        empty.ErrorFields().ShouldBe(["value"]);
        backwards.ErrorFields().ShouldBe(["to"]);
        byHand.GetProperty("value").GetDouble().ShouldBe(25.5);
        (await api.GetJsonAsync($"{url}/{id}")).GetProperty("baseline").GetDouble().ShouldBe(25.5);
    }

    [Fact]
    public async Task A_csv_import_is_all_or_nothing_with_row_numbered_errors()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(url, FollowUp, HttpStatusCode.Created)).Text("id");
        var import = $"{url}/{id}/points/import";

        var bad = await PostCsvAsync(api, import, $"period,numerator,denominator\n{Month(3)},10,20\n{Month(2)},30,20\nsoon,1,2\n{Month(3)},5,20\n");
        var problem = await bad.ReadProblemAsync(HttpStatusCode.BadRequest);
        var nothing = await app.ReadAsync(db => db.Set<MeasurePoint>().CountAsync(x => x.MeasureId == Guid.Parse(id)));
        var good = await PostCsvAsync(api, import, $"period,numerator,denominator,note\n{Month(3)},10,20,\n{Month(2)},15,20,=HYPERLINK(\"x\")\n");
        var noHeader = await PostCsvAsync(api, import, "month,count\n2025-01,3\n");
        var empty = await PostCsvAsync(api, import, "period,value\n");
        var export = await api.GetStringAsync($"{url}/{id}/points.csv");

        problem.ErrorFields().ShouldBe(["row3", "row4", "row5"]);
        problem.GetProperty("errors").GetProperty("row5")[0].GetString()!.ShouldContain("also appears in row 2");
        nothing.ShouldBe(0);
        (await good.ReadJsonAsync()).GetProperty("added").GetInt32().ShouldBe(2);
        noHeader.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        export.ShouldStartWith("period,numerator,denominator,value,note");
        export.ShouldContain("'=HYPERLINK");
    }

    [Fact]
    public async Task Improvement_cycles_need_a_prediction_and_appear_on_the_chart()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(url, Wait, HttpStatusCode.Created)).Text("id");
        await api.PostJsonAsync($"{url}/{id}/points", new { period = Month(1), value = 12 }, HttpStatusCode.Created);
        var started = $"{TestClock.Month(-1)}-05";

        var noPrediction = await api.PostJsonAsync($"{url}/{id}/cycles", new { title = "Huddle", plan = "Join the huddle.", startedOn = started }, HttpStatusCode.BadRequest);
        var cycle = (await api.PostJsonAsync($"{url}/{id}/cycles", new { title = "Huddle", plan = "Join the huddle.", prediction = "Waits fall.", startedOn = started }, HttpStatusCode.Created)).Text("id");
        var actWithoutStudy = await api.PutJsonAsync($"{url}/{id}/cycles/{cycle}", new { title = "Huddle", plan = "Join.", prediction = "Waits fall.", startedOn = started, act = "adopt" }, HttpStatusCode.BadRequest);
        await api.PutJsonAsync($"{url}/{id}/cycles/{cycle}", new { title = "Huddle", plan = "Join.", prediction = "Waits fall.", startedOn = started, study = "They did.", act = "adopt" }, HttpStatusCode.OK);
        var chart = await api.GetJsonAsync($"{url}/{id}/chart");

        noPrediction.ErrorFields().ShouldBe(["prediction"]);
        actWithoutStudy.ErrorFields().ShouldBe(["study"]);
        var annotation = chart.GetProperty("annotations").EnumerateArray().Single();
        annotation.Text("cycleId").ShouldBe(cycle);
        annotation.GetProperty("index").GetInt32().ShouldBe(0);
        annotation.Text("act").ShouldBe("adopt");
    }

    [Fact]
    public async Task Viewers_read_measures_but_cannot_change_them()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await steward.PostJsonAsync(url, Wait, HttpStatusCode.Created)).Text("id");

        await viewer.PostJsonAsync(url, Wait, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"{url}/{id}/points", new { period = Month(1), value = 3 }, HttpStatusCode.Forbidden);
        await viewer.PutJsonAsync($"{url}/{id}/baseline", new { from = Month(1), to = Month(1), value = 3 }, HttpStatusCode.Forbidden);
        var read = await viewer.GetJsonAsync($"{url}/{id}/chart");

        read.Text("name").ShouldBe("Days to first visit");
        (await app.ReadAsync(db => db.Set<Measure>().CountAsync(m => m.PartnershipId == p.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Data_entry_is_audited_without_values_or_notes()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(url, Wait, HttpStatusCode.Created)).Text("id");
        var checkpoint = await app.AuditCheckpointAsync();

        await api.PostJsonAsync($"{url}/{id}/points", new { period = Month(1), value = 17.25, note = "Clinic closed for a confidential reason" }, HttpStatusCode.Created);
        var entries = await app.AuditSinceAsync(checkpoint);

        entries.Select(e => e.Action).ShouldBe(["measure-point.created"]);
        entries[0].Door.ShouldBe(Joinery.Core.Common.Door.Api);
        entries[0].Detail.ShouldNotContain("17.25");
        entries[0].Detail.ShouldNotContain("confidential");
    }

    [Fact]
    public async Task The_plan_gate_needs_an_outcome_measure_with_targets_and_the_prepare_gate_a_baseline_for_every_measure()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var none = await api.RoadmapCriterionAsync(p.Id, "measures-defined");

        var process = (await api.PostJsonAsync(url, new { name = "Referrals completed", type = "process", kind = "proportion", betterDirection = "up", target = 80 }, HttpStatusCode.Created)).Text("id");
        var onlyProcess = await api.RoadmapCriterionAsync(p.Id, "measures-defined");
        var outcome = (await api.PostJsonAsync(url, new { name = "Depression improved", type = "outcome", kind = "proportion", betterDirection = "up", target = 50 }, HttpStatusCode.Created)).Text("id");
        var defined = await api.RoadmapCriterionAsync(p.Id, "measures-defined");
        await api.PutJsonAsync($"{url}/{process}/baseline", new { from = Month(12), to = Month(7), value = 40 }, HttpStatusCode.OK);
        var halfBaseline = await api.RoadmapCriterionAsync(p.Id, "baseline-collected");
        await api.PutJsonAsync($"{url}/{outcome}/baseline", new { from = Month(12), to = Month(7), value = 20 }, HttpStatusCode.OK);
        var baseline = await api.RoadmapCriterionAsync(p.Id, "baseline-collected");

        none.Text("status").ShouldBe("not-started");
        onlyProcess.Text("status").ShouldBe("not-met");
        onlyProcess.Text("evidence").ShouldContain("none yet on results for the people served");
        defined.Text("status").ShouldBe("met");
        halfBaseline.Text("status").ShouldBe("not-met");
        halfBaseline.Text("evidence").ShouldContain("Depression improved");
        baseline.Text("status").ShouldBe("met");
    }

    [Fact]
    public async Task Malformed_or_mistyped_json_is_a_400_problem_and_saves_nothing()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/measures";
        var id = (await api.PostJsonAsync(url, Wait, HttpStatusCode.Created)).Text("id");
        var before = await app.SnapshotAsync();

        var broken = await api.PostAsync(url, new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        var mistyped = await api.PostAsync($"{url}/{id}/points", new StringContent("{\"period\": 202601, \"value\": \"many\"}", Encoding.UTF8, "application/json"));
        var settings = await api.PutAsync($"/api/v1/partnerships/{p.Id}/health-settings", new StringContent("[1, 2]", Encoding.UTF8, "application/json"));

        foreach (var response in new[] { broken, mistyped, settings })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ");
        }
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_csv_file_on_the_measure_page_names_its_rows_and_imports_nothing()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var id = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/measures", Wait, HttpStatusCode.Created)).Text("id");
        var browser = await app.SignedInAsync(p.Steward);
        var page = $"/partnerships/{p.Id}/measures/{id}";
        var token = await browser.AntiforgeryTokenAsync(page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"period,value\n{Month(2)},12\n{Month(1)},<b>\n")), "file", "data.csv" },
        };

        var response = await browser.PostAsync($"{page}?handler=Import", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldContain(e => e.Message.Contains("Row 3", StringComparison.Ordinal));
        (await app.ReadAsync(db => db.Set<MeasurePoint>().CountAsync(x => x.MeasureId == Guid.Parse(id)))).ShouldBe(0);
    }
}
