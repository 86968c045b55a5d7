using System.Net;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Partnerships;

/// <summary>
/// A person who is not a member of a partnership gets 404 from every page handler and API route of
/// it, and changes nothing. The routes come from the app's endpoint list, so new ones are covered;
/// the same requests made by the partnership's own steward must succeed, which proves the requests
/// are well-formed and that the 404 comes from tenancy.
/// </summary>
public sealed class CrossTenantTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task A_member_of_another_partnership_gets_404_from_every_page_handler_and_changes_nothing()
    {
        var (victim, outsider) = await ArrangeAsync();
        var invitationId = await OpenInvitationAsync(victim);
        var handlers = (await Routes.PagesAsync(app)).Where(h => h.Template.StartsWith("partnerships/{", StringComparison.Ordinal)).ToList();
        foreach (var expected in (string[])["GET /Partnerships/Overview", "GET /Partnerships/Members", "POST /Partnerships/Members?handler=Invite",
            "POST /Partnerships/Members?handler=Change", "POST /Partnerships/Members?handler=Remove", "POST /Partnerships/Members?handler=Withdraw",
            "GET /Partnerships/Phase", "POST /Partnerships/Phase", "GET /Partnerships/Audit", "GET /Partnerships/Audit?handler=Csv"])
        {
            handlers.Select(h => h.ToString()).ShouldContain(expected, "the walk must find the partnership's handlers");
        }
        var browser = await app.SignedInAsync(outsider);

        foreach (var handler in handlers)
        {
            var before = await app.SnapshotAsync();

            var response = await SendAsync(browser, handler, victim, invitationId);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, handler.ToString());
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(victim.Name, customMessage: handler.ToString());
            (await app.SnapshotAsync()).ShouldBe(before, handler.ToString());
        }

        var steward = await app.SignedInAsync(victim.Steward);
        foreach (var handler in handlers.OrderBy(h => h.Name == "Remove"))
        {
            var response = await SendAsync(steward, handler, victim, invitationId);
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], $"the steward's own {handler}");
            if (response.StatusCode == HttpStatusCode.OK && handler.Method == "POST")
            {
                (await response.ErrorSummaryAsync()).ShouldBeEmpty(handler.ToString());
            }
        }
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task A_member_of_another_partnership_gets_404_problem_from_every_partnership_api_route()
    {
        var (victim, outsider) = await ArrangeAsync();
        var routes = Routes.Api(app).Where(r => r.Template.StartsWith("/api/v1/partnerships/{", StringComparison.Ordinal)).ToList();
        routes.Count.ShouldBeGreaterThanOrEqualTo(4, "the walk must find the partnership routes");
        var outsiderApi = await app.ApiAsync(outsider);
        var stewardApi = await app.ApiAsync(victim.Steward);
        var before = await app.SnapshotAsync();

        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                var response = await outsiderApi.SendAsync(Request(method, route.Template, victim.Id));
                var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
                problem.ToString().ShouldNotContain(victim.Name, customMessage: route.ToString());
            }
        }
        (await app.SnapshotAsync()).ShouldBe(before);

        foreach (var route in routes.Where(r => r.Methods.Contains("GET")))
        {
            (await stewardApi.SendAsync(Request("GET", route.Template, victim.Id))).StatusCode.ShouldBe(HttpStatusCode.OK, $"the steward's own {route}");
        }
    }

    [Fact]
    public async Task A_steward_of_two_partnerships_cannot_reach_one_partnerships_members_through_the_other()
    {
        var first = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        var second = await app.APartnership().Between(first.Partners).With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        await PartnershipBuilder.AddMemberAsync(app, second.Id, first.Steward, MemberRole.Steward);
        var secondInvitation = await OpenInvitationAsync(second);
        var browser = await app.SignedInAsync(first.Steward);
        var before = await app.SnapshotAsync();
        var membershipId = second.First(MemberRole.Planner).MembershipId.ToString()!;

        var change = await browser.SubmitFormAsync($"/partnerships/{first.Id}/members?handler=Change",
            new() { ["membershipId"] = membershipId, ["Change.Role"] = "viewer", ["Change.Level"] = "frontline" });
        var remove = await browser.SubmitFormAsync($"/partnerships/{first.Id}/members?handler=Remove", new() { ["membershipId"] = membershipId });
        var withdraw = await browser.SubmitFormAsync($"/partnerships/{first.Id}/members?handler=Withdraw", new() { ["invitationId"] = secondInvitation.ToString() });

        change.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        withdraw.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_profile_of_an_organization_outside_my_partnerships_answers_404_and_cannot_be_changed()
    {
        var (victim, outsider) = await ArrangeAsync();
        var browser = await app.SignedInAsync(outsider);
        var unrelated = victim.Partners[1];
        var before = await app.SnapshotAsync();

        var view = await browser.GetAsync($"/organizations/{unrelated}");
        var edit = await browser.SubmitFormAsync($"/organizations/{unrelated}",
            new() { ["Input.Name"] = "Renamed", ["Input.Kind"] = "other", ["Input.Mission"] = "Ours now" });

        view.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    /// <summary>
    /// The victim partnership has a steward and a planner in its second partner. The outsider works
    /// for the victim's first partner organization and is a steward elsewhere, but is not a member
    /// of the victim partnership: tenancy follows membership, not employer.
    /// </summary>
    private async Task<(SeededPartnership Victim, Person Outsider)> ArrangeAsync()
    {
        var victim = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Manager, partner: 1).BuildAsync();
        var elsewhere = await PartnershipBuilder.CreateOrganizationAsync(app, $"Hillside Clinic {app.Unique()}", OrganizationKind.PrimaryCare);
        var own = await app.APartnership().Between([victim.Partners[0], elsewhere]).BuildAsync();
        return (victim, own.Steward);
    }

    private Task<Guid> OpenInvitationAsync(SeededPartnership partnership) =>
        app.ActingAsAsync(partnership.Steward, async services =>
        {
            var outcome = await services.GetRequiredService<Invitations>().InviteAsync(partnership.Id,
                new InvitationInput($"invitee{app.Unique()}@example.org", partnership.Partners[0].ToString(), "viewer", "frontline"));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value!.Id;
        });

    /// <summary>A request a steward of the partnership could make: every field the handler binds is filled with a valid value.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, PageHandler handler, SeededPartnership victim, Guid invitationId)
    {
        if (handler.Method == "GET")
        {
            return await browser.GetAsync(handler.Url(victim.Id));
        }
        var known = new Dictionary<string, string>
        {
            ["id"] = victim.Id.ToString(),
            ["membershipId"] = victim.First(MemberRole.Planner).MembershipId.ToString()!,
            ["invitationId"] = invitationId.ToString(),
        };
        var missing = handler.Parameters.Where(p => !known.ContainsKey(p)).ToList();
        missing.ShouldBeEmpty($"{handler}: teach the cross-tenant test how to fill these parameters");
        var form = handler.Parameters.Where(p => p != "id").ToDictionary(p => p, p => known[p]);
        form["Invite.Email"] = $"newcomer{Guid.NewGuid():N}@example.org";
        form["Invite.Organization"] = victim.Partners[1].ToString();
        form["Invite.Role"] = "planner";
        form["Invite.Level"] = "manager";
        form["Change.Role"] = "viewer";
        form["Change.Level"] = "frontline";
        form["Change.IsChampion"] = "true";
        form["Change.ChampionFor"] = "Scheduling";
        form["Input.To"] = "plan";
        form["Input.Reason"] = "The partners agreed to start planning now.";
        return await browser.SubmitFormAsync(handler.Url(victim.Id), form);
    }

    private static HttpRequestMessage Request(string method, string template, Guid id)
    {
        var url = Routes.Fill(template, name => name is "id" or "partnershipId" ? id.ToString() : null);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }
}
