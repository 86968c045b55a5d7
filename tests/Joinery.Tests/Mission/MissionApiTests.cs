using System.Net;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Mission;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class MissionApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    [Fact]
    public async Task The_mission_is_published_once_an_executive_of_each_partner_endorses_it()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = $"/api/v1/partnerships/{p.Id}/mission";

        await planner.PostJsonAsync($"{url}/versions", new { vision = "Body and mind in one place.", mission = "Care together." }, HttpStatusCode.Created);
        var first = await steward.PostJsonAsync($"{url}/endorsements", new { }, HttpStatusCode.Created);
        (await steward.RoadmapCriterionAsync(p.Id, "mission-endorsed")).Text("status").ShouldBe("not-met");
        var second = await planner.PostJsonAsync($"{url}/endorsements", new { }, HttpStatusCode.Created);
        var state = await steward.GetJsonAsync(url);

        first.GetProperty("published").GetBoolean().ShouldBeFalse();
        second.GetProperty("published").GetBoolean().ShouldBeTrue();
        state.GetProperty("published").GetBoolean().ShouldBeTrue();
        (await steward.RoadmapCriterionAsync(p.Id, "mission-endorsed")).Text("status").ShouldBe("met");
    }

    [Fact]
    public async Task On_the_page_an_endorsement_is_given_only_once_confirmed()
    {
        var p = await PartnershipAsync();
        await (await app.ApiAsync(p.Steward)).PostJsonAsync($"/api/v1/partnerships/{p.Id}/mission/versions",
            new { vision = "Body and mind in one place.", mission = "Care together." }, HttpStatusCode.Created);
        var page = $"/partnerships/{p.Id}/mission";
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var unconfirmed = await steward.SubmitFormAsync(page, $"{page}?handler=Endorse", new Dictionary<string, string>());

        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unconfirmed.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldContain("Tick the box to confirm");
        (await app.SnapshotAsync()).ShouldBe(before);
        (await steward.SubmitFormAsync(page, $"{page}?handler=Endorse", new Dictionary<string, string> { ["confirm"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithCoreAsync(s => s.GetRequiredService<Joinery.Core.Data.JoineryDb>().Set<MissionEndorsement>().IgnoreQueryFilters()
            .CountAsync(e => e.PartnershipId == p.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Changing_the_text_after_endorsement_voids_the_endorsements_and_says_so()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = $"/api/v1/partnerships/{p.Id}/mission";
        await steward.PostJsonAsync($"{url}/versions", new { vision = "One place.", mission = "Care together." }, HttpStatusCode.Created);
        await steward.PostJsonAsync($"{url}/endorsements", new { }, HttpStatusCode.Created);
        await planner.PostJsonAsync($"{url}/endorsements", new { }, HttpStatusCode.Created);

        var saved = await planner.PostJsonAsync($"{url}/versions", new { vision = "One place, one team.", mission = "Care together." }, HttpStatusCode.Created);
        var state = await steward.GetJsonAsync(url);

        saved.GetProperty("voidedEndorsements").GetInt32().ShouldBe(2);
        state.GetProperty("published").GetBoolean().ShouldBeFalse();
        state.GetProperty("voidedEndorsements").GetInt32().ShouldBe(2);
        state.GetProperty("visionDiff").EnumerateArray().ShouldContain(d => d.Text("kind") == "added" && d.Text("text").Contains("one team"));
        (await steward.RoadmapCriterionAsync(p.Id, "mission-endorsed")).Text("status").ShouldBe("not-met");
        var page = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}/mission");
        page.ShouldContain("endorsements were voided");
    }

    [Fact]
    public async Task Only_planners_and_stewards_edit_the_draft_but_everyone_comments_with_organization_and_level_shown()
    {
        var p = await PartnershipAsync();
        var clinician = await app.ApiAsync(p.First(MemberRole.Clinician));
        var steward = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/mission";

        await clinician.PostJsonAsync($"{url}/versions", new { vision = "Mine.", mission = "Mine." }, HttpStatusCode.Forbidden);
        await steward.PostJsonAsync($"{url}/versions", new { vision = "Ours.", mission = "Ours." }, HttpStatusCode.Created);
        await clinician.PostJsonAsync($"{url}/comments", new { text = "Please say 'the people we serve'." }, HttpStatusCode.Created);
        await clinician.PostJsonAsync($"{url}/endorsements", new { }, HttpStatusCode.Forbidden);
        var comment = (await steward.GetJsonAsync(url)).GetProperty("comments")[0];

        comment.Text("level").ShouldBe("frontline");
        comment.Text("organizationName").ShouldNotBeNullOrEmpty();
        (await app.ReadAsync(db => db.Set<MissionVersion>().CountAsync(v => v.PartnershipId == p.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Acknowledgements_are_counted_by_organization_and_level_once_published()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var clinician = await app.ApiAsync(p.First(MemberRole.Clinician));
        var url = $"/api/v1/partnerships/{p.Id}/mission";
        await steward.PostJsonAsync($"{url}/versions", new { vision = "One place.", mission = "Care together." }, HttpStatusCode.Created);

        await clinician.PostJsonAsync($"{url}/acknowledgements", new { }, HttpStatusCode.Conflict);
        await steward.PostJsonAsync($"{url}/endorsements", new { }, HttpStatusCode.Created);
        await planner.PostJsonAsync($"{url}/endorsements", new { }, HttpStatusCode.Created);
        await clinician.PostJsonAsync($"{url}/acknowledgements", new { }, HttpStatusCode.Created);
        await clinician.PostJsonAsync($"{url}/acknowledgements", new { }, HttpStatusCode.Created);
        var rates = (await steward.GetJsonAsync(url)).GetProperty("acknowledgements").EnumerateArray().ToList();

        rates.Sum(r => r.GetProperty("acknowledged").GetInt32()).ShouldBe(1);
        rates.Single(r => r.Text("level") == "frontline").GetProperty("acknowledged").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Champions_are_listed_by_organization_and_level_with_what_they_champion_and_may_decide()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var clinician = p.First(MemberRole.Clinician);

        var before = (await (await app.ApiAsync(p.Steward)).GetJsonAsync($"/api/v1/partnerships/{p.Id}/mission"))
            .GetProperty("partnersWithoutFrontlineChampion").GetArrayLength();
        var response = await browser.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Change", new()
        {
            ["membershipId"] = clinician.MembershipId.ToString()!,
            ["Change.Role"] = "clinician",
            ["Change.Level"] = "frontline",
            ["Change.IsChampion"] = "true",
            ["Change.ChampionFor"] = "Warm handoffs",
            ["Change.ChampionDecides"] = "The handoff checklist",
        });
        var state = await (await app.ApiAsync(p.Steward)).GetJsonAsync($"/api/v1/partnerships/{p.Id}/mission");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        before.ShouldBe(2);
        var champion = state.GetProperty("champions").EnumerateArray().ShouldHaveSingleItem();
        champion.Text("level").ShouldBe("frontline");
        champion.Text("championFor").ShouldBe("Warm handoffs");
        champion.Text("championDecides").ShouldBe("The handoff checklist");
        state.GetProperty("partnersWithoutFrontlineChampion").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_communication_in_the_future_or_without_an_audience_is_refused()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/mission/communications";

        var problem = await steward.PostJsonAsync(url, new { channel = "newsletter", on = "2999-01-01", audience = "" }, HttpStatusCode.BadRequest);
        await steward.PostJsonAsync(url, new { channel = "all-staff-meeting", on = "2026-01-10", audience = "All staff" }, HttpStatusCode.Created);

        problem.ErrorFields().ShouldBe(["audience", "on"], ignoreOrder: true);
        (await app.ReadAsync(db => db.Set<MissionCommunication>().CountAsync(c => c.PartnershipId == p.Id))).ShouldBe(1);
    }
}
