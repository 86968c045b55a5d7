using System.Net;
using Joinery.Core.Decisions;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Decisions;

public sealed class DecisionsApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Manager, partner: 1)
        .BuildAsync();

    private static object Space(string compromise = "Half of the supply room.") => new
    {
        title = "Where the consultant sits",
        problem = "No free office.",
        negotiability = "negotiable",
        compromise,
        status = "proposed",
    };

    [Fact]
    public async Task On_the_page_a_sign_off_shows_the_compromise_and_is_given_only_once_confirmed()
    {
        var p = await PartnershipAsync();
        var id = (await (await app.ApiAsync(p.Steward)).PostJsonAsync($"/api/v1/partnerships/{p.Id}/decisions", Space(), HttpStatusCode.Created)).Text("id");
        var page = $"/partnerships/{p.Id}/decisions/{id}";
        var steward = await app.SignedInAsync(p.Steward);
        (await steward.ReadPageAsync(page)).ShouldContain("<blockquote class=\"prose\">Half of the supply room.</blockquote>");
        var before = await app.SnapshotAsync();

        var unconfirmed = await steward.SubmitFormAsync(page, $"{page}?handler=SignOff", new Dictionary<string, string>());

        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unconfirmed.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldContain("Tick the box to confirm");
        (await app.SnapshotAsync()).ShouldBe(before);

        var confirmed = await steward.SubmitFormAsync(page, $"{page}?handler=SignOff", new Dictionary<string, string> { ["confirm"] = "true" });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithCoreAsync(s => s.GetRequiredService<Joinery.Core.Data.JoineryDb>().Set<DecisionSignOff>().IgnoreQueryFilters()
            .CountAsync(x => x.DecisionId == Guid.Parse(id)))).ShouldBe(1);
    }

    [Fact]
    public async Task A_decision_is_agreed_when_an_executive_of_each_partner_signs_it_off_and_a_change_reopens_it()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = $"/api/v1/partnerships/{p.Id}/decisions";
        var id = (await steward.PostJsonAsync(url, Space(), HttpStatusCode.Created)).Text("id");

        var first = await steward.PostJsonAsync($"{url}/{id}/sign-offs", new { }, HttpStatusCode.Created);
        await steward.PostJsonAsync($"{url}/{id}/sign-offs", new { }, HttpStatusCode.Conflict);
        var second = await planner.PostJsonAsync($"{url}/{id}/sign-offs", new { }, HttpStatusCode.Created);
        var agreed = await steward.GetJsonAsync($"{url}/{id}");
        var changed = await planner.PutJsonAsync($"{url}/{id}", Space("The whole supply room."), HttpStatusCode.OK);
        var reopened = await steward.GetJsonAsync($"{url}/{id}");

        first.GetProperty("agreed").GetBoolean().ShouldBeFalse();
        second.GetProperty("agreed").GetBoolean().ShouldBeTrue();
        agreed.Text("status").ShouldBe("agreed");
        changed.GetProperty("voidedSignOffs").GetInt32().ShouldBe(2);
        reopened.Text("status").ShouldBe("proposed");
        reopened.GetProperty("version").GetInt32().ShouldBe(2);
        reopened.GetProperty("signOffs").EnumerateArray().ShouldAllBe(s => s.GetProperty("signedBy").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_matter_fixed_by_regulation_needs_its_citation()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/decisions";

        var problem = await api.PostJsonAsync(url, new { title = "Sharing counseling notes", problem = "Who sees them?", negotiability = "fixed-by-regulation" }, HttpStatusCode.BadRequest);
        await api.PostJsonAsync(url, new { title = "Sharing counseling notes", problem = "Who sees them?", negotiability = "fixed-by-regulation", citation = "42 CFR Part 2, §2.31" }, HttpStatusCode.Created);

        problem.ErrorFields().ShouldBe(["citation"]);
        (await app.ReadAsync(db => db.Set<Decision>().CountAsync(d => d.PartnershipId == p.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Each_partner_states_its_own_position_and_managers_cannot_sign_off()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var manager = await app.ApiAsync(p.First(MemberRole.Clinician));
        var url = $"/api/v1/partnerships/{p.Id}/decisions";
        var id = (await steward.PostJsonAsync(url, Space(), HttpStatusCode.Created)).Text("id");

        await steward.PostJsonAsync($"{url}/{id}/positions", new { position = "Any room near the clinic." }, HttpStatusCode.OK);
        await manager.PostJsonAsync($"{url}/{id}/positions", new { position = "Only if shelving is paid for." }, HttpStatusCode.OK);
        await manager.PostJsonAsync($"{url}/{id}/sign-offs", new { }, HttpStatusCode.Forbidden);
        var positions = (await steward.GetJsonAsync($"{url}/{id}")).GetProperty("positions").EnumerateArray().ToList();

        positions.Single(x => x.GetProperty("organizationId").GetGuid() == p.Partners[0]).Text("position").ShouldBe("Any room near the clinic.");
        positions.Single(x => x.GetProperty("organizationId").GetGuid() == p.Partners[1]).Text("position").ShouldBe("Only if shelving is paid for.");
    }

    [Fact]
    public async Task Contributions_are_totalled_by_partner_with_each_partners_share()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/contributions";

        await api.PostJsonAsync(url, new { organization = p.Partners[0], kind = "staff-fte", description = "Consultant two days a week", value = 30000m, fte = 0.4m }, HttpStatusCode.Created);
        await api.PostJsonAsync(url, new { organization = p.Partners[0], kind = "equipment", description = "Shelving", value = 5000m }, HttpStatusCode.Created);
        await api.PostJsonAsync(url, new { organization = p.Partners[1], kind = "space", description = "Consultation room", value = 15000m }, HttpStatusCode.Created);
        var refused = await api.PostJsonAsync(url, new { organization = Guid.NewGuid(), kind = "gold", description = "", value = -1m }, HttpStatusCode.BadRequest);
        var totals = (await api.GetJsonAsync(url)).GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("organizationId").GetGuid());

        totals[p.Partners[0]].GetProperty("value").GetDecimal().ShouldBe(35000m);
        totals[p.Partners[0]].GetProperty("fte").GetDecimal().ShouldBe(0.4m);
        totals[p.Partners[0]].GetProperty("share").GetDouble().ShouldBe(0.7, 0.0001);
        totals[p.Partners[1]].GetProperty("share").GetDouble().ShouldBe(0.3, 0.0001);
        refused.ErrorFields().ShouldBe(["organization", "kind", "description", "value"], ignoreOrder: true);
    }

    [Fact]
    public async Task Changes_through_the_api_are_audited_with_the_api_door_and_no_free_text()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var checkpoint = await app.AuditCheckpointAsync();

        var id = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/decisions", Space(), HttpStatusCode.Created)).Text("id");
        await api.PutJsonAsync($"/api/v1/partnerships/{p.Id}/decisions/{id}", Space("A confidential compromise text."), HttpStatusCode.OK);
        var entries = await app.AuditSinceAsync(checkpoint);

        entries.Select(e => e.Action).ShouldBe(["decision.created", "decision.updated"]);
        entries.ShouldAllBe(e => e.Door == Joinery.Core.Common.Door.Api && e.UserId == p.Steward.UserId && e.PartnershipId == p.Id);
        entries[1].Detail.ShouldContain("Compromise");
        entries[1].Detail.ShouldNotContain("confidential");
    }
}
