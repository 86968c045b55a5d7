using System.Net;
using Joinery.Core.Feedback;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Feedback;

/// <summary>The feedback forms as a browser without script submits them.</summary>
public sealed class FeedbackPageTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    [Fact]
    public async Task A_viewer_posts_anonymously_and_the_item_page_shows_no_name()
    {
        var p = await PartnershipAsync();
        var viewer = p.First(MemberRole.Viewer);
        var browser = await app.SignedInAsync(viewer);

        var posted = await browser.SubmitFormAsync($"/partnerships/{p.Id}/feedback", new()
        {
            ["Input.Kind"] = "negative",
            ["Input.Title"] = "Frontline staff hear about decisions last",
            ["Input.Anonymous"] = "true",
        });
        var page = await browser.ReadPageAsync(posted.Headers.Location!.OriginalString);
        var list = await browser.ReadPageAsync($"/partnerships/{p.Id}/feedback");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.ShouldContain("Frontline staff hear about decisions last");
        page.ShouldContain("posted anonymously");
        page.ShouldNotContain(viewer.Name);
        list.ShouldContain("Anonymous");
        list.ShouldNotContain(viewer.Name);
        page.ShouldNotContain("Publish the answer", customMessage: "a viewer does not answer");
    }

    [Fact]
    public async Task A_named_post_shows_the_writers_name_organization_and_level()
    {
        var p = await PartnershipAsync();
        var viewer = p.First(MemberRole.Viewer);
        var browser = await app.SignedInAsync(viewer);
        var organization = await app.ReadAsync(db => db.Organizations.Where(o => o.Id == viewer.OrganizationId).Select(o => o.Name).SingleAsync());

        var posted = await browser.SubmitFormAsync($"/partnerships/{p.Id}/feedback", new() { ["Input.Kind"] = "positive", ["Input.Title"] = "The huddle works" });
        var page = await browser.ReadPageAsync(posted.Headers.Location!.OriginalString);

        page.ShouldContain($"from {viewer.Name}, {organization}, frontline");
    }

    [Fact]
    public async Task The_forms_name_the_field_to_fix_and_save_nothing()
    {
        var p = await PartnershipAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var feedback = $"/partnerships/{p.Id}/feedback";

        var noTitle = await steward.SubmitFormAsync(feedback, new() { ["Input.Kind"] = "negative", ["Input.Title"] = "" });
        var noKind = await steward.SubmitFormAsync(feedback, new() { ["Input.Title"] = "Parking" });
        var invisible = await steward.SubmitFormAsync(feedback, new() { ["Input.Kind"] = "idea", ["Input.Title"] = "Zero\u200Bwidth" });
        var posted = await steward.SubmitFormAsync(feedback, new() { ["Input.Kind"] = "negative", ["Input.Title"] = "Parking" });
        var item = posted.Headers.Location!.OriginalString;
        var wontDo = await steward.SubmitFormAsync(item, $"{item}?handler=Status", new Dictionary<string, string> { ["Change.Status"] = "wont-do", ["Change.Reason"] = "" });
        var done = await steward.SubmitFormAsync(item, $"{item}?handler=Status", new Dictionary<string, string> { ["Change.Status"] = "done" });
        var emptyAnswer = await steward.SubmitFormAsync(item, $"{item}?handler=Answer", new Dictionary<string, string> { ["Answer"] = " " });

        (await noTitle.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Input_Title"]);
        (await noKind.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Input_Kind"]);
        (await invisible.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Input_Title"]);
        (await wontDo.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Change_Reason"]);
        (await done.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Change_Status"]);
        (await emptyAnswer.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Answer"]);
        (await app.ReadAsync(db => db.Set<FeedbackItem>().Where(f => f.PartnershipId == p.Id).Select(f => f.Status).ToListAsync()))
            .ShouldBe([FeedbackStatus.New]);
    }

    [Fact]
    public async Task A_viewer_cannot_answer_or_change_the_status_through_the_page()
    {
        var p = await PartnershipAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var posted = await steward.SubmitFormAsync($"/partnerships/{p.Id}/feedback", new() { ["Input.Kind"] = "negative", ["Input.Title"] = "Parking" });
        var item = posted.Headers.Location!.OriginalString;
        var viewer = await app.SignedInAsync(p.First(MemberRole.Viewer));
        var before = await app.AuditCheckpointAsync();

        var answer = await viewer.SubmitFormAsync(item, $"{item}?handler=Answer", new Dictionary<string, string> { ["Answer"] = "Sorted." });
        var status = await viewer.SubmitFormAsync(item, $"{item}?handler=Status", new Dictionary<string, string> { ["Change.Status"] = "wont-do", ["Change.Reason"] = "No." });
        var support = await viewer.SubmitFormAsync(item, $"{item}?handler=Support", new Dictionary<string, string>());

        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        status.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        support.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        support.Headers.Location!.OriginalString.ShouldBe(item);
        (await app.AuditSinceAsync(before)).Select(e => e.Action).ShouldBe(["feedback-support.created"]);
    }
}
