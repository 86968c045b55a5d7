using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Core.Readiness;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Readiness;

public sealed class ReadinessApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private static object AllAnswers(int? score) => new
    {
        answers = ReadinessCatalog.Items.Select(i => new { item = i.Code, score }).ToList(),
        comments = new[] { new { factor = "resources", text = "Staff time is tight until spring." } },
    };

    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    [Fact]
    public async Task One_partners_answers_stay_hidden_from_the_other_until_both_have_completed()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = $"/api/v1/partnerships/{p.Id}/readiness";

        await steward.PostJsonAsync($"{url}/responses", AllAnswers(5), HttpStatusCode.Created);
        var before = await planner.GetJsonAsync(url);

        before.GetProperty("revealed").GetBoolean().ShouldBeFalse();
        before.GetProperty("visibleOrganizations").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([p.Partners[1]]);
        before.GetProperty("comments").GetArrayLength().ShouldBe(0);
        (await planner.RoadmapCriterionAsync(p.Id, "readiness-completed")).Text("status").ShouldBe("not-met");

        await planner.PostJsonAsync($"{url}/responses", AllAnswers(3), HttpStatusCode.Created);
        var after = await steward.GetJsonAsync(url);

        after.GetProperty("revealed").GetBoolean().ShouldBeTrue();
        var factor = after.GetProperty("results")[0].GetProperty("factor");
        factor.GetProperty("byOrganization").EnumerateArray().Select(o => o.GetProperty("mean").GetDouble()).ShouldBe([5.0, 3.0], ignoreOrder: true);
        factor.GetProperty("gap").GetDouble().ShouldBe(2.0);
        factor.GetProperty("talkAboutThis").GetBoolean().ShouldBeTrue();
        after.GetProperty("comments").GetArrayLength().ShouldBe(2);
        (await steward.RoadmapCriterionAsync(p.Id, "readiness-completed")).Text("status").ShouldBe("met");
        var page = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}/readiness");
        page.ShouldContain(">Readiness by factor, each partner's mean</title>");
        page.ShouldContain($"Gaps of 1.0 or more: {ReadinessCatalog.Factors[0].Title} (gap 2.0)");
        page.ShouldContain(">2.0 talk about this</text>");
    }

    [Fact]
    public async Task Frontline_members_do_not_answer_the_leaders_check()
    {
        var p = await PartnershipAsync();
        var clinician = await app.ApiAsync(p.First(MemberRole.Clinician));

        await clinician.PostJsonAsync($"/api/v1/partnerships/{p.Id}/readiness/responses", AllAnswers(4), HttpStatusCode.Forbidden);

        (await app.ReadAsync(db => db.Set<ReadinessRound>().CountAsync(r => r.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_or_out_of_range_answer_names_the_statement_and_saves_nothing()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var answers = ReadinessCatalog.Items.Skip(1).Select(i => new { item = i.Code, score = (int?)7 }).ToList();

        var problem = await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/readiness/responses", new { answers }, HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldContain($"answers.{ReadinessCatalog.Items.First().Code}");
        problem.ErrorFields().ShouldContain($"answers.{ReadinessCatalog.Items.Last().Code}");
        (await app.ReadAsync(db => db.Set<ReadinessResponse>().CountAsync(r => r.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_new_round_opens_only_after_every_partner_completed_the_last_one()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = $"/api/v1/partnerships/{p.Id}/readiness";
        await steward.PostJsonAsync($"{url}/responses", AllAnswers(4), HttpStatusCode.Created);

        await steward.PostJsonAsync($"{url}/rounds", new { }, HttpStatusCode.Conflict);
        await planner.PostJsonAsync($"{url}/responses", AllAnswers(null), HttpStatusCode.Created);
        var opened = await steward.PostJsonAsync($"{url}/rounds", new { }, HttpStatusCode.Created);

        opened.GetProperty("round").GetInt32().ShouldBe(2);
        var history = await steward.GetJsonAsync($"{url}?round=1");
        history.GetProperty("rounds").GetArrayLength().ShouldBe(2);
        history.GetProperty("revealed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_answer_page_shows_every_statement_and_an_empty_submission_lists_what_is_missing()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var page = await browser.ReadPageAsync($"/partnerships/{p.Id}/readiness/answer");
        var response = await browser.SubmitFormAsync($"/partnerships/{p.Id}/readiness/answer", new() { ["Comments[pace]"] = "" });

        foreach (var item in ReadinessCatalog.Items)
        {
            System.Net.WebUtility.HtmlDecode(page).ShouldContain(item.Text);
        }
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).Count.ShouldBe(ReadinessCatalog.Items.Count());
    }
}
