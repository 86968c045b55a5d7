using System.Net;
using Joinery.Core.Formalize;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Close;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class ClosePageTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private async Task<(SeededPartnership P, Guid Service, HttpClient Steward)> ClosingAsync()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Manager, partner: 1).BuildAsync();
        var service = await app.ActingAsAsync(p.Steward, async services =>
            (await services.GetRequiredService<ServicesWork>().CreateAsync(p.Id,
                new ServiceInput("Psychiatric consults", "", p.Partners[0].ToString(), p.Partners[0].ToString(), "", ["medicaid"], "contract", true, null, null))).Value);
        var steward = await app.SignedInAsync(p.Steward);
        (await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase?handler=End", new() { ["End.Reason"] = "Funding ended." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (p, service, steward);
    }

    [Fact]
    public async Task The_close_page_shows_the_decision_and_asks_for_a_plan_for_each_service_with_the_part_2_warning()
    {
        var (p, _, steward) = await ClosingAsync();

        var page = await steward.GetStringAsync($"/partnerships/{p.Id}/close");
        var overview = await steward.GetStringAsync($"/partnerships/{p.Id}");

        page.ShouldContain("Reason recorded: Funding ended.");
        page.ShouldContain("Psychiatric consults");
        page.ShouldContain("No plan yet.");
        page.ShouldContain("42 CFR Part 2");
        page.ShouldContain("The partnership can be archived once everything above is done.");
        overview.ShouldContain("The partners decided to end the partnership");
        overview.ShouldContain($"href=\"/partnerships/{p.Id}/close\"");
    }

    [Fact]
    public async Task A_bad_plan_comes_back_with_each_message_linked_to_its_field_and_nothing_saved()
    {
        var (p, service, steward) = await ClosingAsync();
        var before = await app.SnapshotAsync();

        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/close?handler=Transition&service={service}", new()
        {
            ["Plan.ContinuingProvider"] = "County mental health center",
            ["Plan.HowTold"] = "",
            ["Plan.RecordsKeptBy"] = p.Partners[0].ToString(),
            ["Plan.Records"] = "Notes stay with Riverbend.",
            ["Plan.PeopleToldOn"] = "2999-01-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Plan_HowTold", "Plan_PeopleToldOn"], ignoreOrder: true);
        var html = await response.Content.ReadAsStringAsync();
        Forms.InputValue(html, "Plan_ContinuingProvider").ShouldBe("County mental health center", "what was typed stays in the form");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_plan_carried_out_and_the_agreements_ended_lets_the_steward_archive_from_the_page()
    {
        var (p, service, steward) = await ClosingAsync();
        var saved = await steward.SubmitFormAsync($"/partnerships/{p.Id}/close?handler=Transition&service={service}", new()
        {
            ["Plan.ContinuedBy"] = p.Partners[0].ToString(),
            ["Plan.HowTold"] = "At the next visit, and by letter.",
            ["Plan.RecordsKeptBy"] = p.Partners[0].ToString(),
            ["Plan.Records"] = "Part 2 records stay with the program.",
            ["Plan.CareHandedOverOn"] = "2026-01-05",
            ["Plan.PeopleToldOn"] = "2026-01-05",
            ["Plan.RecordsSettledOn"] = "2026-01-05",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ready = await steward.GetStringAsync($"/partnerships/{p.Id}/close");
        ready.ShouldContain("Transition complete.");
        ready.ShouldContain("Archive the partnership");

        var unconfirmed = await steward.SubmitFormAsync($"/partnerships/{p.Id}/close?handler=Archive", new() { ["Confirm"] = "false" });
        (await unconfirmed.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe("Confirm");
        var archived = await steward.SubmitFormAsync($"/partnerships/{p.Id}/close?handler=Archive", new() { ["Confirm"] = "true" });

        archived.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(db => db.Partnerships.AsNoTracking().SingleAsync(x => x.Id == p.Id))).ArchivedAt.ShouldNotBeNull();
        (await steward.GetStringAsync($"/partnerships/{p.Id}/close")).ShouldContain("Archived on");
    }

    [Fact]
    public async Task The_report_of_a_closing_partnership_says_why_and_shows_each_services_transition_with_gaps_marked()
    {
        var (p, _, steward) = await ClosingAsync();

        var report = await steward.GetStringAsync($"/partnerships/{p.Id}/report");

        report.ShouldContain("Closing the partnership");
        report.ShouldContain("Funding ended.");
        report.ShouldContain("Transition plans by service");
        report.ShouldContain("Not planned yet");
    }
}
