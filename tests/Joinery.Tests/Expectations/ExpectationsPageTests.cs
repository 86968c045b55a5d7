using System.Net;
using Joinery.Core.Expectations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Expectations;

/// <summary>The expectations pages as a browser without script uses them.</summary>
[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class ExpectationsPageTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Page(SeededPartnership p) => $"/partnerships/{p.Id}/expectations";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, SeededPartnership p, string handler, Dictionary<string, string> fields) =>
        await browser.SubmitFormAsync(Page(p), $"{Page(p)}?handler={handler}", fields);

    private static async Task AddAndSubmitAsync(HttpClient browser, SeededPartnership p, params string[] texts)
    {
        foreach (var text in texts)
        {
            (await PostAsync(browser, p, "Item", new() { ["Item.Text"] = text })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await PostAsync(browser, p, "Submit", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<List<ExpectationItem>> ItemsAsync(SeededPartnership p) =>
        app.ReadAsync(db => db.Set<ExpectationItem>().Where(i => i.PartnershipId == p.Id).OrderBy(i => i.CreatedAt).ToListAsync());

    [Fact]
    public async Task Before_the_reveal_the_page_shows_the_other_partners_status_but_never_their_text()
    {
        var p = await PartnershipAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        var viewer = await app.SignedInAsync(p.First(MemberRole.Viewer));
        await AddAndSubmitAsync(steward, p, "Riverbend secret: billable consultant time.", "Riverbend secret: yearly physicals.");
        var riverbendIds = (await ItemsAsync(p)).Select(i => i.Id.ToString()).ToList();

        var forPlanner = await planner.ReadPageAsync(Page(p));
        var forViewer = await viewer.ReadPageAsync(Page(p));

        foreach (var html in new[] { forPlanner, forViewer })
        {
            html.ShouldNotContain("Riverbend secret");
            riverbendIds.ShouldAllBe(id => !html.Contains(id, StringComparison.Ordinal));
            html.ShouldContain($"Submitted on {TestClock.ShownDay(0)} by {p.Steward.Name}");
            html.ShouldContain("<td>2</td>");
            html.ShouldNotContain("id=\"side-heading\"");
        }
        forPlanner.ShouldContain("Add to our list");
        forViewer.ShouldNotContain("Add to our list");

        await AddAndSubmitAsync(planner, p, "Eastside: same-day warm handoffs.");
        var revealed = await viewer.ReadPageAsync(Page(p));

        revealed.ShouldContain("id=\"side-heading\"");
        revealed.ShouldContain("Riverbend secret: billable consultant time.");
        revealed.ShouldContain("Eastside: same-day warm handoffs.");
        revealed.ShouldNotContain("Pair them", customMessage: "viewers read only");
    }

    [Fact]
    public async Task Conflicting_pairs_stand_out_until_the_partners_agree_on_them()
    {
        var p = await PartnershipAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        await AddAndSubmitAsync(steward, p, "Billable consultant time.");
        await AddAndSubmitAsync(planner, p, "Consultant free for handoffs.");
        var items = await ItemsAsync(p);

        var paired = await PostAsync(planner, p, "Pair", new()
        {
            ["Pair.First"] = items[0].Id.ToString(),
            ["Pair.Second"] = items[1].Id.ToString(),
            ["Pair.Relation"] = "conflicting",
            ["Pair.Note"] = "Handoffs are not billable.",
        });
        var withConflict = await planner.ReadPageAsync(Page(p));
        var pair = await app.ReadAsync(db => db.Set<ExpectationPair>().SingleAsync(x => x.PartnershipId == p.Id));
        var fromPair = await planner.ReadPageAsync($"{Page(p)}?agreeOn={pair.Id}");
        var agreed = await planner.SubmitFormAsync(Page(p), $"{Page(p)}?handler=Agree", new KeyValuePair<string, string>[]
        {
            new("Agree.Statement", "Handoffs are free; the consultant bills follow-up visits."),
            new("Agree.Owner", p.Steward.UserId.ToString()),
            new("Agree.ReevaluateOn", TestClock.Today.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Agree.Items", items[0].Id.ToString()),
            new("Agree.Items", items[1].Id.ToString()),
        });
        var resolved = await planner.ReadPageAsync(Page(p));

        paired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        withConflict.ShouldContain("<tr class=\"conflict\">");
        withConflict.ShouldContain("1 conflicting pair has no agreed expectation yet.");
        withConflict.ShouldContain("Conflicts with");
        fromPair.ShouldContain($"value=\"{items[0].Id}\" checked=\"checked\"");
        fromPair.ShouldContain($"value=\"{items[1].Id}\" checked=\"checked\"");
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resolved.ShouldNotContain("no agreed expectation yet.</strong>");
        resolved.ShouldContain("Handoffs are free; the consultant bills follow-up visits.");
    }

    [Fact]
    public async Task Bad_input_on_the_forms_is_shown_next_to_its_field_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));

        var emptyItem = await PostAsync(steward, p, "Item", new() { ["Item.Text"] = "  " });
        var emptySubmit = await PostAsync(steward, p, "Submit", []);
        (await PostAsync(steward, p, "Item", new() { ["Item.Text"] = "Fewer emergency visits." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = (await ItemsAsync(p)).Single();
        var longReword = await steward.SubmitFormAsync(Page(p), $"{Page(p)}?handler=EditItem&itemId={item.Id}", new() { ["EditText"] = new string('x', 1001) });
        await AddAndSubmitAsync(steward, p);
        await AddAndSubmitAsync(planner, p, "Warm handoffs.");
        var samePartner = await PostAsync(planner, p, "Pair", new() { ["Pair.First"] = item.Id.ToString(), ["Pair.Second"] = item.Id.ToString(), ["Pair.Relation"] = "same" });
        var agree = await PostAsync(planner, p, "Agree", new() { ["Agree.Statement"] = "", ["Agree.Owner"] = Guid.NewGuid().ToString() });
        var pilot = await PostAsync(planner, p, "Pilot", new() { ["Review.From"] = "2026-03-01", ["Review.To"] = "2026-01-01" });

        (await emptyItem.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Item_Text"]);
        (await emptySubmit.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Item_Text"]);
        var reword = await longReword.ErrorSummaryAsync();
        reword.Select(e => e.Field).ShouldBe([$"edit-{item.Id}"]);
        (await longReword.Content.ReadAsStringAsync()).ShouldContain($"id=\"edit-{item.Id}\"");
        (await samePartner.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Pair_Second"]);
        (await agree.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Agree_Statement", "Agree_Owner", "Agree_Items"], ignoreOrder: true);
        (await pilot.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Review_To"]);
        (await ItemsAsync(p)).Single(i => i.Id == item.Id).Text.ShouldBe("Fewer emergency visits.");
        (await app.ReadAsync(db => db.Set<ExpectationPair>().CountAsync(x => x.PartnershipId == p.Id))).ShouldBe(0);
        (await app.ReadAsync(db => db.Set<AgreedExpectation>().CountAsync(x => x.PartnershipId == p.Id))).ShouldBe(0);
        (await app.ReadAsync(db => db.Set<PilotReview>().CountAsync(x => x.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_hand_crafted_post_with_a_field_that_cannot_be_read_says_which_and_saves_nothing()
    {
        var p = await PartnershipAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        await AddAndSubmitAsync(steward, p, "Visits within a week.");
        await AddAndSubmitAsync(planner, p, "Visits within 7 days.");
        var items = await ItemsAsync(p);

        var pair = await PostAsync(steward, p, "Pair", new() { ["Pair.First"] = "A1", ["Pair.Second"] = items[1].Id.ToString(), ["Pair.Relation"] = "same" });
        var agree = await PostAsync(steward, p, "Agree", new()
        {
            ["Agree.Statement"] = "A first visit within 7 days.",
            ["Agree.Owner"] = p.Steward.UserId.ToString(),
            ["Agree.ReevaluateOn"] = "next spring",
            ["Agree.Items"] = items[0].Id.ToString(),
        });
        var pilot = await PostAsync(steward, p, "Pilot", new() { ["Review.From"] = "2026-02-30", ["Review.To"] = TestClock.Day(-1) });
        var agreeHtml = await agree.Content.ReadAsStringAsync();

        (await pair.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Pair_First"]);
        var dateError = (await agree.ErrorSummaryAsync()).ShouldHaveSingleItem();
        dateError.Field.ShouldBe("Agree_ReevaluateOn");
        dateError.Message.ShouldContain("the re-evaluation date");
        agreeHtml.ShouldNotContain("next spring");
        agreeHtml.ShouldContain("A first visit within 7 days.", customMessage: "the rest of the form is kept");
        (await pilot.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Review_From"]);
        (await app.ReadAsync(db => db.Set<ExpectationPair>().CountAsync(x => x.PartnershipId == p.Id))).ShouldBe(0);
        (await app.ReadAsync(db => db.Set<AgreedExpectation>().CountAsync(x => x.PartnershipId == p.Id))).ShouldBe(0);
        (await app.ReadAsync(db => db.Set<PilotReview>().CountAsync(x => x.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_pilot_review_page_records_each_re_evaluation_and_says_when_it_is_complete()
    {
        var p = await PartnershipAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        await AddAndSubmitAsync(steward, p, "Visits within a week.");
        await AddAndSubmitAsync(planner, p, "Visits within 7 days.");
        var items = await ItemsAsync(p);
        (await PostAsync(steward, p, "Agree", new()
        {
            ["Agree.Statement"] = "A first visit within 7 days.",
            ["Agree.Owner"] = p.Steward.UserId.ToString(),
            ["Agree.Items"] = items[0].Id.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agreed = await app.ReadAsync(db => db.Set<AgreedExpectation>().SingleAsync(a => a.PartnershipId == p.Id));
        var today = TestClock.Day(0);

        var created = await PostAsync(steward, p, "Pilot", new() { ["Review.From"] = "2026-01-05", ["Review.To"] = today, ["Review.HeldOn"] = today, ["Review.Summary"] = "Waits fell." });
        var reviewPage = created.Headers.Location!.OriginalString;
        var before = await steward.ReadPageAsync(reviewPage);
        var evaluated = await steward.SubmitFormAsync(reviewPage, $"{reviewPage}?handler=Evaluate", new()
        {
            ["Evaluation.Expectation"] = agreed.Id.ToString(),
            ["Evaluation.Result"] = "partly-met",
            ["Evaluation.Response"] = "Add a Friday huddle.",
        });
        var after = await steward.ReadPageAsync(reviewPage);
        var agreedPage = await steward.ReadPageAsync($"{Page(p)}/agreed/{agreed.Id}");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reviewPage.ShouldStartWith($"{Page(p)}/pilot-reviews/");
        before.ShouldContain("1 agreed expectation still to re-evaluate.");
        evaluated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.ShouldContain("Complete: every agreed expectation is re-evaluated.");
        after.ShouldContain("Add a Friday huddle.");
        agreedPage.ShouldContain("Partly met");
    }
}
