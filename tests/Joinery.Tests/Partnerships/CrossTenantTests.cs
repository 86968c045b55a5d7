using System.Net;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
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
        var records = await new WorkspaceWalk(app).RecordsAsync(victim);
        records["invitationId"] = invitationId.ToString();
        var handlers = (await Routes.PagesAsync(app)).Where(h => h.Template.StartsWith("partnerships/{id:guid}", StringComparison.Ordinal)).ToList();
        handlers.Select(h => h.ToString()).ShouldBe([
            "GET /Partnerships/Audit", "GET /Partnerships/Audit?handler=Csv",
            "GET /Partnerships/Members", "POST /Partnerships/Members?handler=Invite", "POST /Partnerships/Members?handler=Change",
            "POST /Partnerships/Members?handler=Remove", "POST /Partnerships/Members?handler=Withdraw",
            "GET /Partnerships/Overview", "GET /Partnerships/Phase", "POST /Partnerships/Phase", "POST /Partnerships/Phase?handler=End",
            "GET /Dashboard/Index",
            "GET /Close/Index", "POST /Close/Index?handler=Transition", "POST /Close/Index?handler=Archive",
            "GET /Readiness/Index", "POST /Readiness/Index?handler=OpenRound", "GET /Readiness/Answer", "POST /Readiness/Answer",
            "GET /IntegrationLevels/Index", "POST /IntegrationLevels/Index?handler=Find", "POST /IntegrationLevels/Index?handler=Decide",
            "GET /Mission/Index", "POST /Mission/Index?handler=Draft", "POST /Mission/Index?handler=Comment", "POST /Mission/Index?handler=Endorse",
            "POST /Mission/Index?handler=Acknowledge", "POST /Mission/Index?handler=Communicate",
            "GET /Glossary/Index", "GET /Glossary/Index?handler=Csv", "POST /Glossary/Index?handler=Add", "POST /Glossary/Index?handler=Starter",
            "POST /Glossary/Index?handler=Import", "GET /Glossary/Print", "GET /Glossary/Term", "POST /Glossary/Term?handler=Edit",
            "POST /Glossary/Term?handler=Comment", "GET /Glossary/Translate", "POST /Glossary/Translate",
            "GET /Meetings/Index", "GET /Meetings/Index?handler=Calendar", "POST /Meetings/Index?handler=Series", "POST /Meetings/Index?handler=Meeting",
            "GET /Meetings/Details", "POST /Meetings/Details?handler=Update", "POST /Meetings/Details?handler=Action", "POST /Meetings/Details?handler=Status",
            "GET /Meetings/Actions", "POST /Meetings/Actions?handler=Status",
            "GET /Decisions/Index", "POST /Decisions/Index", "GET /Decisions/Details", "POST /Decisions/Details?handler=Edit",
            "POST /Decisions/Details?handler=Position", "POST /Decisions/Details?handler=SignOff",
            "GET /Decisions/Contributions", "POST /Decisions/Contributions",
            "GET /Measures/Index", "POST /Measures/Index", "GET /Measures/Details", "GET /Measures/Details?handler=Csv",
            "POST /Measures/Details?handler=Point", "POST /Measures/Details?handler=Import", "POST /Measures/Details?handler=Flag",
            "POST /Measures/Details?handler=Baseline", "POST /Measures/Details?handler=Cycle", "POST /Measures/Details?handler=Edit",
            "GET /Measures/Cycle", "POST /Measures/Cycle",
            "GET /Health/Index", "POST /Health/Index", "GET /Reports/Index", "GET /Reports/Index?handler=Pdf", "GET /Search/Index",
            "GET /Formalize/Mou", "GET /Formalize/Mou?handler=Docx", "GET /Formalize/Mou?handler=Pdf",
            "GET /Feedback/Index", "POST /Feedback/Index", "GET /Feedback/Details", "POST /Feedback/Details?handler=Support",
            "POST /Feedback/Details?handler=Answer", "POST /Feedback/Details?handler=Status", "GET /Feedback/YouSaidWeDid",
            "GET /Trust/Index", "GET /Trust/Pulse", "POST /Trust/Pulse?handler=Open",
            "GET /Trust/Round", "GET /Trust/Round?handler=Csv", "POST /Trust/Round", "POST /Trust/Round?handler=Close",
            "GET /Expectations/Index", "POST /Expectations/Index?handler=Item", "POST /Expectations/Index?handler=EditItem",
            "POST /Expectations/Index?handler=DeleteItem", "POST /Expectations/Index?handler=Submit", "POST /Expectations/Index?handler=Pair",
            "POST /Expectations/Index?handler=Unpair", "POST /Expectations/Index?handler=Agree", "POST /Expectations/Index?handler=Pilot",
            "GET /Expectations/Agreed", "POST /Expectations/Agreed",
            "GET /Expectations/Review", "POST /Expectations/Review?handler=Edit", "POST /Expectations/Review?handler=Evaluate",
            "GET /Launch/Index", "POST /Launch/Index?handler=Schedule", "POST /Launch/Index?handler=Starter", "POST /Launch/Index?handler=Item",
            "POST /Launch/Index?handler=UpdateItem", "POST /Launch/Index?handler=Training", "POST /Launch/Index?handler=UpdateTraining",
            "POST /Launch/Index?handler=Source", "POST /Launch/Index?handler=UpdateSource", "POST /Launch/Index?handler=Decide",
            "POST /Launch/Index?handler=RemoveItem", "POST /Launch/Index?handler=RemoveTraining", "POST /Launch/Index?handler=RemoveSource",
            "GET /Milestones/Index", "POST /Milestones/Index?handler=Propose", "POST /Milestones/Index?handler=Add",
            "POST /Milestones/Index?handler=Update", "POST /Milestones/Index?handler=Celebrate", "POST /Milestones/Index?handler=Remove",
            "POST /Milestones/Index?handler=RemoveCelebration",
            "GET /Formalize/Services", "POST /Formalize/Services", "POST /Formalize/Services?handler=Delete",
            "GET /Formalize/Finances", "POST /Formalize/Finances", "POST /Formalize/Finances?handler=Delete",
            "GET /Formalize/Agreements", "POST /Formalize/Agreements",
            "GET /Formalize/Agreement", "GET /Formalize/Agreement?handler=Document", "POST /Formalize/Agreement",
            "POST /Formalize/Agreement?handler=Signatory", "POST /Formalize/Agreement?handler=Element", "POST /Formalize/Agreement?handler=Document",
            "POST /Formalize/Agreement?handler=UpdateSignatory", "POST /Formalize/Agreement?handler=RemoveSignatory",
        ], ignoreOrder: true, customMessage: "a new partnership page handler: check the form below fills it, then add it here");
        var browser = await app.SignedInAsync(outsider);

        foreach (var handler in handlers)
        {
            var before = await app.SnapshotAsync();

            var response = await WorkspaceWalk.SendAsync(browser, handler, victim, records);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, handler.ToString());
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(victim.Name, customMessage: handler.ToString());
            (await app.SnapshotAsync()).ShouldBe(before, handler.ToString());
        }

        var steward = await app.SignedInAsync(victim.Steward);
        // Archiving needs every service's transition carried out, which the services the walk adds lack; CloseTests archives.
        foreach (var handler in handlers.OrderBy(WorkspaceWalk.StewardOrder).Where(h => h.Name != "Archive"))
        {
            var response = await WorkspaceWalk.SendAsync(steward, handler, victim, records);
            WorkspaceWalk.ShouldSucceed(response, handler, victim.Id);
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
        var records = await new WorkspaceWalk(app).RecordsAsync(victim);
        var routes = WorkspaceWalk.PartnershipApiRoutes(app);
        routes.Count.ShouldBeGreaterThanOrEqualTo(4, "the walk must find the partnership routes");
        var outsiderApi = await app.ApiAsync(outsider);
        var stewardApi = await app.ApiAsync(victim.Steward);
        var before = await app.SnapshotAsync();

        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                var response = await outsiderApi.SendAsync(WorkspaceWalk.Request(method, route.Template, victim.Id, records));
                var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
                problem.ToString().ShouldNotContain(victim.Name, customMessage: route.ToString());
            }
        }
        (await app.SnapshotAsync()).ShouldBe(before);

        foreach (var route in routes.Where(r => r.Methods.Contains("GET")))
        {
            (await stewardApi.SendAsync(WorkspaceWalk.Request("GET", route.Template, victim.Id, records))).StatusCode.ShouldBe(HttpStatusCode.OK, $"the steward's own {route}");
        }
    }

    [Fact]
    public async Task A_member_of_two_partnerships_gets_404_from_one_partnerships_pages_for_the_other_partnerships_records()
    {
        var (first, second, both) = await TwoPartnershipsAsync();
        var handlers = (await WorkspaceWalk.PartnershipHandlersAsync(app)).Where(h => WorkspaceWalk.NamesRecords(h, first.Records)).ToList();
        handlers.Count.ShouldBeGreaterThan(60, "the walk must find the handlers that name a record");
        var browser = await app.SignedInAsync(both);

        var refusedWrongly = new List<string>();
        foreach (var (route, other) in new[] { (first, second), (second, first) })
        {
            // The route names one partnership, every other id a record of the other partnership.
            var foreign = new Dictionary<string, string>(other.Records) { ["id"] = route.Partnership.Id.ToString() };
            foreach (var handler in handlers)
            {
                var before = await app.SnapshotAsync();

                var response = await WorkspaceWalk.SendAsync(browser, handler, route.Partnership, foreign);

                var body = await response.Content.ReadAsStringAsync();
                var wrote = await app.SnapshotAsync() != before;
                var refused = handler.ToString() switch
                {
                    // An optional hint naming another partnership's record is ignored; a form field naming one is a form error.
                    var h when WorkspaceWalk.OptionalHints.TryGetValue(h, out var hint) =>
                        response.StatusCode == HttpStatusCode.OK && !body.Contains(foreign[hint], StringComparison.OrdinalIgnoreCase),
                    var h when WorkspaceWalk.RecordIdsInForm.Contains(h) => response.StatusCode == HttpStatusCode.OK && Forms.ErrorSummary(body).Count > 0,
                    _ => response.StatusCode == HttpStatusCode.NotFound,
                };
                if (!refused || wrote)
                {
                    refusedWrongly.Add($"{handler} of {route.Partnership.Name}: {(int)response.StatusCode}{(wrote ? ", wrote" : "")} {Forms.ErrorSummary(body).FirstOrDefault()}");
                }
            }
        }
        refusedWrongly.ShouldBeEmpty("the other partnership's records must be refused with 404 (a form field's as a form error, a hint's ignored), with nothing written");

        // The same person reads each partnership's own records: the ids are real, the 404s came from the mismatch.
        foreach (var (own, handler) in new[] { first, second }.SelectMany(p => handlers.Where(h => h.Method == "GET").Select(h => (p, h))))
        {
            WorkspaceWalk.ShouldSucceed(await WorkspaceWalk.SendAsync(browser, handler, own.Partnership, own.Records), handler, own.Partnership.Id);
        }
    }

    [Fact]
    public async Task A_member_of_two_partnerships_gets_404_problem_from_one_partnerships_api_for_the_other_partnerships_records()
    {
        var (first, second, both) = await TwoPartnershipsAsync();
        var routes = WorkspaceWalk.PartnershipApiRoutes(app).Where(WorkspaceWalk.NamesRecords).ToList();
        routes.Count.ShouldBeGreaterThan(30, "the walk must find the routes that name a record");
        var api = await app.ApiAsync(both);

        var refusedWrongly = new List<string>();
        foreach (var (route, other) in new[] { (first, second), (second, first) })
        {
            foreach (var (template, method) in routes.SelectMany(r => r.Methods.Select(m => (r.Template, m))))
            {
                var before = await app.SnapshotAsync();

                var response = await api.SendAsync(WorkspaceWalk.Request(method, template, route.Partnership.Id, other.Records));

                var body = await response.Content.ReadAsStringAsync();
                var wrote = await app.SnapshotAsync() != before;
                if (response.StatusCode != HttpStatusCode.NotFound || wrote)
                {
                    refusedWrongly.Add($"{method} {template} of {route.Partnership.Name}: {(int)response.StatusCode}{(wrote ? ", wrote" : "")} {(body.Length > 200 ? body[..200] : body)}");
                    continue;
                }
                await response.ReadProblemAsync(HttpStatusCode.NotFound);
            }
        }
        refusedWrongly.ShouldBeEmpty("the other partnership's records must be refused with 404, with nothing written");

        foreach (var own in new[] { first, second })
        {
            foreach (var route in routes.Where(r => r.Methods.Contains("GET")))
            {
                (await api.SendAsync(WorkspaceWalk.Request("GET", route.Template, own.Partnership.Id, own.Records)))
                    .StatusCode.ShouldBe(HttpStatusCode.OK, $"{route} with {own.Partnership.Name}'s own records");
            }
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

    private sealed record Walked(SeededPartnership Partnership, Dictionary<string, string> Records);

    /// <summary>
    /// Two partnerships between the same two organizations, each with a record of every feature, and
    /// one person who is a steward of both; arranged once for the class (the walks only read).
    /// </summary>
    private Task<(Walked First, Walked Second, Person Both)> TwoPartnershipsAsync() =>
        app.ArrangedOnceAsync(nameof(TwoPartnershipsAsync), async () =>
        {
            var first = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, partner: 1).BuildAsync();
            var second = await app.APartnership().Between(first.Partners).With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, partner: 1).BuildAsync();
            var both = await PartnershipBuilder.AddMemberAsync(app, second.Id, first.Steward, MemberRole.Steward, MemberLevel.Executive);
            var walked = new List<Walked>();
            foreach (var partnership in new[] { first, second })
            {
                var records = await new WorkspaceWalk(app).ReadOnlyRecordsAsync(partnership);
                records["invitationId"] = (await OpenInvitationAsync(partnership)).ToString();
                walked.Add(new Walked(partnership, records));
            }
            return (walked[0], walked[1], both);
        });

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
}
