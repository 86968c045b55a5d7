using System.Net;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.IntegrationLevels;

public sealed class IntegrationLevelApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Partners_who_see_the_practice_differently_are_shown_both_levels_and_where_they_diverged()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Manager, partner: 1).BuildAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = $"/api/v1/partnerships/{p.Id}/integration-level";

        var first = await steward.PostJsonAsync($"{url}/findings", new { answers = new Dictionary<string, string> { ["same-site"] = "yes", ["shared-systems"] = "no" } }, HttpStatusCode.Created);
        var hidden = await planner.GetJsonAsync(url);
        await planner.PostJsonAsync($"{url}/findings", new { answers = new Dictionary<string, string> { ["same-site"] = "no", ["regular-contact"] = "yes" } }, HttpStatusCode.Created);
        var shown = await steward.GetJsonAsync(url);

        first.GetProperty("level").GetInt32().ShouldBe(3);
        hidden.GetProperty("state").GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("organizationId").GetGuid() == p.Partners[0])
            .GetProperty("hidden").GetBoolean().ShouldBeTrue();
        shown.GetProperty("state").GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("level").GetInt32()).ShouldBe([3, 2], ignoreOrder: true);
        shown.GetProperty("state").Text("divergedAt").ShouldBe("same-site");
    }

    [Fact]
    public async Task Agreed_levels_are_kept_with_history_and_meet_the_explore_gate()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var steward = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/integration-level";

        (await steward.RoadmapCriterionAsync(p.Id, "target-level-chosen")).Text("status").ShouldBe("not-started");
        await steward.PostJsonAsync($"{url}/decisions", new { currentLevel = 2, targetLevel = 4, note = "Co-locate first." }, HttpStatusCode.Created);
        await steward.PostJsonAsync($"{url}/decisions", new { currentLevel = 2, targetLevel = 5 }, HttpStatusCode.Created);
        var state = (await steward.GetJsonAsync(url)).GetProperty("state");

        state.GetProperty("agreed").GetProperty("targetLevel").GetInt32().ShouldBe(5);
        state.GetProperty("history").GetArrayLength().ShouldBe(2);
        (await steward.RoadmapCriterionAsync(p.Id, "target-level-chosen")).Text("status").ShouldBe("met");
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(2, 7)]
    [InlineData(null, 3)]
    public async Task A_level_outside_one_to_six_is_refused_and_nothing_is_stored(int? current, int? target)
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var steward = await app.ApiAsync(p.Steward);

        var problem = await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/integration-level/decisions", new { currentLevel = current, targetLevel = target }, HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldNotBeEmpty();
        (await app.ReadAsync(db => db.Set<LevelDecision>().CountAsync(d => d.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Viewers_and_clinicians_cannot_record_the_agreed_levels()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer).With(MemberRole.Clinician).BuildAsync();

        foreach (var role in new[] { MemberRole.Viewer, MemberRole.Clinician })
        {
            var api = await app.ApiAsync(p.First(role));
            await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/integration-level/decisions", new { currentLevel = 1, targetLevel = 3 }, HttpStatusCode.Forbidden);
        }
        await (await app.ApiAsync(p.First(MemberRole.Viewer))).PostJsonAsync($"/api/v1/partnerships/{p.Id}/integration-level/findings",
            new { answers = new Dictionary<string, string> { ["same-site"] = "no", ["regular-contact"] = "no" } }, HttpStatusCode.Forbidden);
        (await app.ReadAsync(db => db.Set<LevelDecision>().CountAsync(d => d.PartnershipId == p.Id))).ShouldBe(0);
    }
}
