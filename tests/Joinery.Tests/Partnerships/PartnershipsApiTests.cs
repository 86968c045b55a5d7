using System.Net;
using System.Text.Json;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Partnerships;

public sealed class PartnershipsApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Me_names_the_token_owner_with_their_organization_and_partnerships()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var me = await api.GetJsonAsync("/api/v1/me");

        me.Text("id").ShouldBe(p.Steward.UserId.ToString());
        me.Text("email").ShouldBe(p.Steward.Email);
        me.Text("name").ShouldBe(p.Steward.Name);
        me.GetProperty("isSiteAdmin").GetBoolean().ShouldBeFalse();
        var organization = me.GetProperty("organization");
        organization.Text("id").ShouldBe(p.Partners[0].ToString());
        organization.Text("kind").ShouldBe("behavioral-health");
        var partnership = me.GetProperty("partnerships").EnumerateArray().ShouldHaveSingleItem();
        partnership.Text("id").ShouldBe(p.Id.ToString());
        partnership.Text("myRole").ShouldBe("steward");
    }

    [Fact]
    public async Task Partnerships_lists_only_the_callers_own()
    {
        var mine = await app.APartnership().With(MemberRole.Viewer, MemberLevel.Frontline).BuildAsync();
        var other = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(mine.First(MemberRole.Viewer));

        var list = await api.GetJsonAsync("/api/v1/partnerships");

        var only = list.EnumerateArray().ShouldHaveSingleItem();
        only.Text("id").ShouldBe(mine.Id.ToString());
        only.Text("name").ShouldBe(mine.Name);
        only.Text("phase").ShouldBe("explore");
        only.Text("myRole").ShouldBe("viewer");
        list.ToString().ShouldNotContain(other.Id.ToString());
        (await app.ReadAsync(db => db.Partnerships.CountAsync())).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Partnership_shows_partners_phase_and_members_with_kebab_case_values()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var view = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}");

        view.Text("id").ShouldBe(p.Id.ToString());
        view.Text("name").ShouldBe(p.Name);
        view.Text("phase").ShouldBe("explore");
        view.Text("myRole").ShouldBe("steward");
        view.GetProperty("partners").Texts("kind").ShouldBe(["behavioral-health", "primary-care"], ignoreOrder: true);
        var members = view.GetProperty("members");
        members.Texts("role").ShouldBe(["steward", "clinician"], ignoreOrder: true);
        members.Texts("level").ShouldBe(["executive", "frontline"], ignoreOrder: true);
        view.GetProperty("phaseChanges").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Roadmap_lists_every_phase_with_its_gate_and_the_eight_steps()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var roadmap = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap");

        roadmap.Text("current").ShouldBe("explore");
        var phases = roadmap.GetProperty("phases");
        phases.Texts("phase").ShouldBe(["explore", "plan", "formalize", "prepare", "pilot", "operate", "close"]);
        var explore = phases[0];
        explore.GetProperty("isCurrent").GetBoolean().ShouldBeTrue();
        explore.GetProperty("criteria").Texts("status").ShouldAllBe(s => s == "not-started");
        var champions = Criterion(roadmap, "champions-named");
        champions.Text("status").ShouldBe("not-met");
        var steps = roadmap.GetProperty("steps");
        steps.GetArrayLength().ShouldBe(8);
        steps.Texts("status").ShouldAllBe(s => s == "not-started");
    }

    [Fact]
    public async Task Members_lists_each_member_with_organization_role_level_and_champion_flag()
    {
        var p = await app.APartnership()
            .With(MemberRole.Steward, MemberLevel.Executive)
            .With(MemberRole.Planner, MemberLevel.Manager, partner: 1, champion: true)
            .BuildAsync();
        var api = await app.ApiAsync(p.First(MemberRole.Planner));

        var members = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/members");

        members.GetArrayLength().ShouldBe(2);
        var planner = members.EnumerateArray().Single(m => m.Text("id") == p.First(MemberRole.Planner).MembershipId.ToString());
        planner.Text("userId").ShouldBe(p.First(MemberRole.Planner).UserId.ToString());
        planner.Text("organizationId").ShouldBe(p.Partners[1].ToString());
        planner.Text("role").ShouldBe("planner");
        planner.Text("level").ShouldBe("manager");
        planner.GetProperty("isChampion").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Audit_trail_is_readable_by_a_steward_newest_first()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer).BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var entries = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/audit");

        var ids = entries.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        ids.ShouldNotBeEmpty();
        ids.ShouldBe(ids.OrderDescending().ToList());
        var stored = await app.ReadAsync(db => db.AuditEntries.Where(a => a.PartnershipId == p.Id).Select(a => a.Id).ToListAsync());
        ids.ShouldBe(stored, ignoreOrder: true);
        entries.Texts("action").ShouldContain("partnership.created");
        entries.Texts("action").Count(a => a == "membership.created").ShouldBe(2);
        entries.Texts("door").ShouldAllBe(d => d == "cli");
    }

    [Fact]
    public async Task Audit_trail_filters_by_action_prefix_and_door()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer).BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var memberships = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/audit?action=membership.&door=cli");
        var web = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/audit?door=web");

        memberships.Texts("action").ShouldBe(["membership.created", "membership.created"]);
        web.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Audit_trail_is_forbidden_to_a_member_who_is_not_a_steward()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, MemberLevel.Executive).BuildAsync();
        var api = await app.ApiAsync(p.First(MemberRole.Planner));

        var response = await api.GetAsync($"/api/v1/partnerships/{p.Id}/audit");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Text("detail").ShouldContain("steward");
    }

    [Theory]
    [InlineData("door=front", "door")]
    [InlineData("from=2025-02-01&to=2025-01-01", "from")]
    public async Task Audit_trail_rejects_a_filter_it_cannot_apply_naming_the_field(string query, string field)
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var response = await api.GetAsync($"/api/v1/partnerships/{p.Id}/audit?{query}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("limit=lots")]
    [InlineData("limit=99999999999999")]
    public async Task Audit_trail_answers_a_malformed_filter_with_400_problem(string query)
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var response = await api.GetAsync($"/api/v1/partnerships/{p.Id}/audit?{query}");

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/v1/partnerships/not-a-guid")]
    [InlineData("/api/v1/partnerships/12345/roadmap")]
    [InlineData("/api/v1/partnerships/00000000-0000-0000-0000-000000000000/members")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v2/partnerships")]
    public async Task Unknown_or_malformed_api_routes_answer_404_problem(string url)
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var response = await api.GetAsync(url);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static JsonElement Criterion(JsonElement roadmap, string code) =>
        roadmap.GetProperty("phases").EnumerateArray()
            .SelectMany(p => p.GetProperty("criteria").EnumerateArray())
            .Single(c => c.Text("code") == code);

    [Fact]
    public async Task The_partnership_view_follows_changes_to_members_people_and_organizations_at_once()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}";
        var before = await api.GetJsonAsync(url);

        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<Joinery.Core.Data.JoineryDb>();
            (await db.Users.SingleAsync(u => u.Id == p.Steward.UserId)).DisplayName = "Renamed Steward";
            (await db.Organizations.SingleAsync(o => o.Id == p.Partners[1])).Name = $"Renamed Clinic {app.Unique()}";
            await db.SaveChangesAsync();
        });
        await PartnershipBuilder.AddMemberAsync(app, p.Id, await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1]), MemberRole.Viewer);
        var after = await api.GetJsonAsync(url);

        before.GetProperty("members").GetArrayLength().ShouldBe(2);
        after.GetProperty("members").GetArrayLength().ShouldBe(3);
        after.GetProperty("members").EnumerateArray().Select(m => m.Text("name")).ShouldContain("Renamed Steward");
        after.GetProperty("partners").EnumerateArray().Select(x => x.Text("name")).ShouldContain(n => n.StartsWith("Renamed Clinic", StringComparison.Ordinal));
        after.Text("myRole").ShouldBe("steward");
    }
}
