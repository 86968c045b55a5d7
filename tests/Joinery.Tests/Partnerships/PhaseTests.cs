using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Partnerships;

public sealed class PhaseTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private const string Reason = "Both boards asked us to start planning while the readiness check is scheduled.";

    [Fact]
    public async Task Moving_on_with_an_unmet_gate_asks_for_a_reason_and_saves_nothing_without_one()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var page = await steward.ReadPageAsync($"/partnerships/{p.Id}/phase");
        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "plan", ["Input.Reason"] = "" });

        page.ShouldContain("is not met yet");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var error = (await response.ErrorSummaryAsync()).ShouldHaveSingleItem();
        error.Field.ShouldBe("Input_Reason");
        error.Message.ShouldContain("gate is not met");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Moving_on_with_an_unmet_gate_records_the_reason_and_shows_it_on_the_overview()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);

        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "plan", ["Input.Reason"] = Reason });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/partnerships/{p.Id}");
        (await app.ReadAsync(db => db.Partnerships.AsNoTracking().SingleAsync(x => x.Id == p.Id))).Phase.ShouldBe(Phase.Plan);
        var change = await app.ReadAsync(db => db.PhaseChanges.AsNoTracking().SingleAsync(c => c.PartnershipId == p.Id));
        change.From.ShouldBe(Phase.Explore);
        change.To.ShouldBe(Phase.Plan);
        change.ChangedByUserId.ShouldBe(p.Steward.UserId);
        change.UnmetCriteria.ShouldBe("readiness-completed,target-level-chosen");
        change.OverrideReason.ShouldBe(Reason);
        var overview = await steward.ReadPageAsync($"/partnerships/{p.Id}");
        overview.ShouldContain("Moved from Explore to Plan without meeting the gate");
        overview.ShouldContain($"Reason recorded: {Reason}");
        var api = await (await app.ApiAsync(p.Steward)).GetJsonAsync($"/api/v1/partnerships/{p.Id}");
        api.Text("phase").ShouldBe("plan");
        var recorded = api.GetProperty("phaseChanges").EnumerateArray().ShouldHaveSingleItem();
        recorded.Text("overrideReason").ShouldBe(Reason);
        recorded.GetProperty("unmetCriteria").EnumerateArray().Select(c => c.GetString()).ShouldBe(["readiness-completed", "target-level-chosen"]);
    }

    [Theory]
    [InlineData("formalize", "Input_To")]
    [InlineData("explore", "Input_To")]
    [InlineData("sideways", "Input_To")]
    [InlineData("", "Input_To")]
    public async Task Only_the_next_phase_or_close_can_be_chosen(string to, string field)
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var response = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = to, ["Input.Reason"] = Reason });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe(field);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Ending_the_partnership_needs_the_reason_and_skips_the_gate()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var refused = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase?handler=End", new() { ["End.Reason"] = "  " });
        (await refused.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe("End_Reason");
        (await app.SnapshotAsync()).ShouldBe(before);

        var ended = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase?handler=End", new() { ["End.Reason"] = "The grant ended and neither board can fund the service." });

        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ended.Headers.Location!.OriginalString.ShouldBe($"/partnerships/{p.Id}/close");
        var change = await app.ReadAsync(db => db.PhaseChanges.AsNoTracking().SingleAsync(c => c.PartnershipId == p.Id));
        change.From.ShouldBe(Phase.Explore);
        change.To.ShouldBe(Phase.Close);
        change.UnmetCriteria.ShouldBe("", "the gate of the phase being left does not apply to a close");
        change.OverrideReason.ShouldBe("The grant ended and neither board can fund the service.");
    }

    [Fact]
    public async Task A_closing_partnership_returns_only_to_the_phase_it_came_from_and_says_why()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        (await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase?handler=End", new() { ["End.Reason"] = "Funding ended." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await steward.GetStringAsync($"/partnerships/{p.Id}/phase");
        page.ShouldContain("Return to Explore");

        var elsewhere = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "operate", ["Input.Reason"] = "We carry on." });
        var silent = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "explore" });
        var back = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "explore", ["Input.Reason"] = "A new grant came through." });

        (await elsewhere.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldContain("goes back to Explore");
        (await silent.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldBe("Record why the partners carry on after all.");
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(db => db.Partnerships.AsNoTracking().SingleAsync(x => x.Id == p.Id))).Phase.ShouldBe(Phase.Explore);
    }

    [Fact]
    public async Task A_member_who_is_not_a_steward_cannot_open_or_use_the_phase_page()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, MemberLevel.Executive).BuildAsync();
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        var before = await app.SnapshotAsync();

        var page = await planner.GetAsync($"/partnerships/{p.Id}/phase");
        var move = await planner.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "plan", ["Input.Reason"] = Reason });

        page.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        move.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
