using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;

namespace Joinery.Tests.Formalize;

/// <summary>A signatory is often recorded before signing: the date is added once signed, and a mistaken one removed.</summary>
[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class SignatoryTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p, string rest) => $"/api/v1/partnerships/{p.Id}/{rest}";

    private static async Task<(string Agreement, string Signatory)> UnsignedAsync(HttpClient api, SeededPartnership p)
    {
        var agreement = (await api.PostJsonAsync(Url(p, "agreements"), new { type = "mou", title = "Memorandum of understanding", status = "signed" }, HttpStatusCode.Created)).Text("id");
        var signatory = (await api.PostJsonAsync(Url(p, $"agreements/{agreement}/signatories"), new { name = "Grace Example", title = "CEO", organization = p.Partners[1] },
            HttpStatusCode.Created)).Text("id");
        return (agreement, signatory);
    }

    [Fact]
    public async Task The_date_signed_is_added_later_keeping_the_name_title_and_partner_and_the_mou_milestone_follows_it()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var (agreement, signatory) = await UnsignedAsync(api, p);
        var yesterday = TestClock.Day(-1);

        await api.PutJsonAsync(Url(p, $"agreements/{agreement}/signatories/{signatory}"), new { signedOn = yesterday }, HttpStatusCode.OK);
        var row = (await api.GetJsonAsync(Url(p, $"agreements/{agreement}"))).GetProperty("signatories").EnumerateArray().Single();
        var milestones = await api.PostJsonAsync(Url(p, "milestones/natural"), new { }, HttpStatusCode.OK);

        row.Text("signedOn").ShouldBe(yesterday);
        row.Text("name").ShouldBe("Grace Example");
        row.Text("title").ShouldBe("CEO");
        row.Text("organizationId").ShouldBe(p.Partners[1].ToString());
        milestones.GetProperty("added").GetInt32().ShouldBeGreaterThan(0);
        var mou = (await api.GetJsonAsync(Url(p, "milestones"))).GetProperty("milestones").EnumerateArray().Single(m => m.Text("code") == "mou-signed");
        mou.Text("achievedOn").ShouldBe(yesterday);
    }

    [Fact]
    public async Task A_future_date_another_agreements_signatory_and_a_viewer_are_refused_and_nothing_changes()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var (agreement, signatory) = await UnsignedAsync(api, p);
        var (other, _) = await UnsignedAsync(api, p);
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var before = await app.SnapshotAsync();

        var future = await (await api.PutAsync(Url(p, $"agreements/{agreement}/signatories/{signatory}"), Json(new { signedOn = "2999-01-01" }))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var elsewhere = await (await api.PutAsync(Url(p, $"agreements/{other}/signatories/{signatory}"), Json(new { signedOn = "2026-01-01" }))).ReadProblemAsync(HttpStatusCode.NotFound);
        var removeElsewhere = await (await api.DeleteAsync(Url(p, $"agreements/{other}/signatories/{signatory}"))).ReadProblemAsync(HttpStatusCode.NotFound);
        var byViewer = await (await viewer.DeleteAsync(Url(p, $"agreements/{agreement}/signatories/{signatory}"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        future.ErrorFields().ShouldBe(["signedOn"]);
        elsewhere.Text("detail").ShouldBe("No such signatory.");
        removeElsewhere.Text("detail").ShouldBe("No such signatory.");
        byViewer.Text("title").ShouldBe("Not allowed");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_signatory_recorded_by_mistake_is_removed_and_the_removal_is_audited()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var (agreement, signatory) = await UnsignedAsync(api, p);
        var checkpoint = await app.AuditCheckpointAsync();

        (await api.DeleteAsync(Url(p, $"agreements/{agreement}/signatories/{signatory}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetJsonAsync(Url(p, $"agreements/{agreement}"))).GetProperty("signatories").GetArrayLength().ShouldBe(0);
        (await app.AuditSinceAsync(checkpoint)).ShouldContain(e => e.Action == "agreement-signatory.deleted" && e.EntityId == signatory);
    }

    [Fact]
    public async Task On_the_page_the_date_signed_is_saved_in_the_signatorys_row_and_a_bad_one_is_linked_to_that_field()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var (agreement, signatory) = await UnsignedAsync(api, p);
        var browser = await app.SignedInAsync(p.Steward);
        var page = $"/partnerships/{p.Id}/agreements/{agreement}";

        var bad = await browser.SubmitFormAsync($"{page}?handler=UpdateSignatory&signatoryId={signatory}", new() { ["SignedOn"] = "2999-01-01" });
        var good = await browser.SubmitFormAsync($"{page}?handler=UpdateSignatory&signatoryId={signatory}", new() { ["SignedOn"] = "2026-01-15" });

        (await bad.ErrorSummaryAsync()).ShouldHaveSingleItem().Field.ShouldBe("SignedOn");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetJsonAsync(Url(p, $"agreements/{agreement}"))).GetProperty("signatories")[0].Text("signedOn").ShouldBe("2026-01-15");
    }

    private static StringContent Json(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
