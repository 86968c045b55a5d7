using System.Net;
using System.Text.Json;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;

namespace Joinery.Tests.Partnerships;

public sealed class RoadmapTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Naming_a_champion_in_each_partner_meets_the_champions_named_criterion()
    {
        var p = await app.APartnership()
            .With(MemberRole.Steward, MemberLevel.Executive)
            .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
            .BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var api = await app.ApiAsync(p.Steward);

        await MakeChampionAsync(steward, p, p.Steward, "executive");
        var halfway = await ChampionsNamedAsync(api, p);
        await MakeChampionAsync(steward, p, p.First(MemberRole.Clinician), "frontline");
        var done = await ChampionsNamedAsync(api, p);

        halfway.Text("status").ShouldBe("not-met");
        halfway.Text("evidence").ShouldContain("Eastside Community Health");
        done.Text("status").ShouldBe("met");
        var roadmap = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap");
        roadmap.GetProperty("steps")[0].Text("status").ShouldBe("in-progress");
        var overview = await steward.ReadPageAsync($"/partnerships/{p.Id}");
        overview.ShouldContain("<li class=\"criterion met\">");
        overview.ShouldContain("Champions named in each partner");
    }

    [Fact]
    public async Task The_overview_shows_every_phase_and_the_eight_steps_as_not_started()
    {
        var p = await app.APartnership().BuildAsync();

        var overview = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}");

        foreach (var phase in Enum.GetValues<Phase>())
        {
            overview.ShouldContain($"<h3>{phase}");
        }
        foreach (var step in ComputeRoadmap.StepTitles)
        {
            overview.ShouldContain(step);
        }
        overview.ShouldContain("<strong>Explore</strong> phase");
        var explore = (await (await app.ApiAsync(p.Steward)).GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap")).GetProperty("phases")[0].GetProperty("criteria").GetArrayLength();
        overview.ShouldContain($"{explore} things to do before the Plan phase, 0 of {explore} done:");
    }

    private static async Task MakeChampionAsync(HttpClient steward, SeededPartnership p, Person member, string level)
    {
        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Change", new()
        {
            ["membershipId"] = member.MembershipId.ToString()!,
            ["Change.Role"] = member.Role!.Value.ToString().ToLowerInvariant(),
            ["Change.Level"] = level,
            ["Change.IsChampion"] = "true",
            ["Change.ChampionFor"] = "",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<JsonElement> ChampionsNamedAsync(HttpClient api, SeededPartnership p)
    {
        var roadmap = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap");
        return roadmap.GetProperty("phases").EnumerateArray()
            .SelectMany(phase => phase.GetProperty("criteria").EnumerateArray())
            .Single(c => c.Text("code") == "champions-named");
    }
}
