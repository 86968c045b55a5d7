using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joinery.Core.Expectations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Expectations;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class ExpectationsApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>Riverbend (partner 0): a steward and a clinician; Eastside (partner 1): a planner and a viewer. Eastside is list A, Riverbend list B.</summary>
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Frontline)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p, string rest = "") => $"/api/v1/partnerships/{p.Id}/expectations{rest}";

    private static string Day(int daysFromToday) => TestClock.Day(daysFromToday);

    private static async Task<string> AddAsync(HttpClient api, SeededPartnership p, string text) =>
        (await api.PostJsonAsync(Url(p, "/items"), new { text }, HttpStatusCode.Created)).Text("id");

    private static JsonElement Partner(JsonElement view, Guid organizationId) =>
        view.GetProperty("partners").EnumerateArray().Single(x => x.Text("organizationId") == organizationId.ToString());

    /// <summary>Each partner writes items and submits; returns Riverbend's and Eastside's item ids.</summary>
    private async Task<(List<string> Riverbend, List<string> Eastside)> RevealAsync(SeededPartnership p, int riverbend = 2, int eastside = 2)
    {
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var bh = new List<string>();
        var pc = new List<string>();
        for (var i = 1; i <= riverbend; i++)
        {
            bh.Add(await AddAsync(steward, p, $"Riverbend expects result {i}."));
        }
        for (var i = 1; i <= eastside; i++)
        {
            pc.Add(await AddAsync(planner, p, $"Eastside expects result {i}."));
        }
        await steward.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        (await planner.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK)).GetProperty("revealed").GetBoolean().ShouldBeTrue();
        return (bh, pc);
    }

    [Fact]
    public async Task Before_every_partner_submits_the_api_shows_the_other_partners_status_and_count_but_never_their_text()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        await AddAsync(steward, p, "Riverbend secret: billable consultant time.");
        var hidden = await AddAsync(steward, p, "Riverbend secret: yearly physicals.");
        await steward.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        await AddAsync(planner, p, "Eastside secret: same-day warm handoffs.");

        var plannerView = await planner.GetStringAsync(Url(p));
        var viewerView = await viewer.GetStringAsync(Url(p));
        var stewardView = await steward.GetStringAsync(Url(p));
        var forPlanner = JsonSerializer.Deserialize<JsonElement>(plannerView);

        plannerView.ShouldNotContain("Riverbend secret");
        plannerView.ShouldNotContain(hidden);
        viewerView.ShouldNotContain("Riverbend secret");
        stewardView.ShouldNotContain("Eastside secret");
        stewardView.ShouldContain("Riverbend secret: yearly physicals.");
        forPlanner.GetProperty("revealed").GetBoolean().ShouldBeFalse();
        var riverbend = Partner(forPlanner, p.Partners[0]);
        riverbend.GetProperty("submitted").GetBoolean().ShouldBeTrue();
        riverbend.GetProperty("itemCount").GetInt32().ShouldBe(2);
        riverbend.GetProperty("visible").GetBoolean().ShouldBeFalse();
        riverbend.GetProperty("items").ValueKind.ShouldBe(JsonValueKind.Null);
        var eastside = Partner(forPlanner, p.Partners[1]);
        eastside.GetProperty("submitted").GetBoolean().ShouldBeFalse();
        eastside.GetProperty("items").EnumerateArray().Single().Text("text").ShouldBe("Eastside secret: same-day warm handoffs.");

        (await planner.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK)).GetProperty("revealed").GetBoolean().ShouldBeTrue();
        var revealed = await viewer.GetStringAsync(Url(p));

        revealed.ShouldContain("Riverbend secret: billable consultant time.");
        revealed.ShouldContain("Eastside secret: same-day warm handoffs.");
        JsonSerializer.Deserialize<JsonElement>(revealed).GetProperty("revealed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Another_partners_hidden_item_cannot_be_reached_by_its_id_before_the_reveal()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var theirs = await AddAsync(planner, p, "Eastside secret.");

        var reword = await steward.PutAsJsonAsync(Url(p, $"/items/{theirs}"), new { text = "Ours now." });
        var remove = await steward.DeleteAsync(Url(p, $"/items/{theirs}"));

        await reword.ReadProblemAsync(HttpStatusCode.NotFound);
        await remove.ReadProblemAsync(HttpStatusCode.NotFound);
        (await app.ReadAsync(db => db.Set<ExpectationItem>().SingleAsync(i => i.Id == Guid.Parse(theirs)))).Text.ShouldBe("Eastside secret.");
    }

    [Fact]
    public async Task Members_write_their_own_organizations_list_a_steward_or_planner_submits_it_and_it_freezes_at_the_reveal()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var clinician = await app.ApiAsync(p.First(MemberRole.Clinician));
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));

        var empty = await steward.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.BadRequest);
        var byClinician = await AddAsync(clinician, p, "Fewer emergency visits for our clients.");
        await clinician.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.Forbidden);
        await steward.PutJsonAsync(Url(p, $"/items/{byClinician}"), new { text = "Fewer emergency department visits for our clients." }, HttpStatusCode.OK);
        var first = await steward.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        await steward.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.Conflict);
        var lastOne = await steward.DeleteAsync(Url(p, $"/items/{byClinician}"));
        await steward.PutJsonAsync(Url(p, $"/items/{byClinician}"), new { text = "Fewer avoidable emergency department visits." }, HttpStatusCode.OK);
        await AddAsync(planner, p, "Same-day warm handoffs.");
        var last = await planner.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        var reword = await steward.PutAsJsonAsync(Url(p, $"/items/{byClinician}"), new { text = "Changed after the reveal." });
        var remove = await steward.DeleteAsync(Url(p, $"/items/{byClinician}"));
        await steward.PostJsonAsync(Url(p, "/items"), new { text = "One more after the reveal." }, HttpStatusCode.Conflict);

        empty.ErrorFields().ShouldBe(["text"]);
        first.GetProperty("revealed").GetBoolean().ShouldBeFalse();
        await lastOne.ReadProblemAsync(HttpStatusCode.Conflict);
        last.GetProperty("revealed").GetBoolean().ShouldBeTrue();
        await reword.ReadProblemAsync(HttpStatusCode.Conflict);
        await remove.ReadProblemAsync(HttpStatusCode.Conflict);
        var items = await app.ReadAsync(db => db.Set<ExpectationItem>().Where(i => i.PartnershipId == p.Id).Select(i => i.Text).ToListAsync());
        items.ShouldBe(["Fewer avoidable emergency department visits.", "Same-day warm handoffs."], ignoreOrder: true);
    }

    [Fact]
    public async Task Bad_items_are_refused_with_the_field_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);

        var missing = await steward.PostJsonAsync(Url(p, "/items"), new { }, HttpStatusCode.BadRequest);
        var blank = await steward.PostJsonAsync(Url(p, "/items"), new { text = "   " }, HttpStatusCode.BadRequest);
        var huge = await steward.PostJsonAsync(Url(p, "/items"), new { text = new string('x', ExpectationItem.TextMax + 1) }, HttpStatusCode.BadRequest);
        var control = await steward.PostJsonAsync(Url(p, "/items"), new { text = "bad\u0001value" }, HttpStatusCode.BadRequest);

        foreach (var problem in new[] { missing, blank, huge, control })
        {
            problem.ErrorFields().ShouldBe(["text"]);
        }
        (await app.ReadAsync(db => db.Set<ExpectationItem>().CountAsync(i => i.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Pairs_join_revealed_items_of_different_partners_once()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var early = await AddAsync(steward, p, "Early.");
        var tooEarly = await steward.PostAsJsonAsync(Url(p, "/pairs"), new { first = early, second = early, relation = "same" });
        await steward.DeleteAsync(Url(p, $"/items/{early}"));
        var other = await app.APartnership().Between(p.Partners).With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        await PartnershipBuilder.AddMemberAsync(app, other.Id, p.Steward, MemberRole.Steward, MemberLevel.Executive);
        var foreign = await AddAsync(steward, other, "An item of another partnership.");
        var (bh, pc) = await RevealAsync(p);

        var samePartner = await steward.PostJsonAsync(Url(p, "/pairs"), new { first = bh[0], second = bh[1], relation = "same" }, HttpStatusCode.BadRequest);
        var elsewhere = await steward.PostJsonAsync(Url(p, "/pairs"), new { first = bh[0], second = foreign, relation = "same" }, HttpStatusCode.BadRequest);
        var unknown = await steward.PostJsonAsync(Url(p, "/pairs"), new { first = Guid.NewGuid(), relation = "sideways", note = "bad\u0001note" }, HttpStatusCode.BadRequest);
        var notAnId = await steward.PostJsonAsync(Url(p, "/pairs"), new { first = "B1", second = pc[0], relation = "same" }, HttpStatusCode.BadRequest);
        var pair = (await steward.PostJsonAsync(Url(p, "/pairs"), new { first = bh[0], second = pc[0], relation = "conflicting", note = "Billing against free handoffs." }, HttpStatusCode.Created)).Text("id");
        var reversed = await steward.PostAsJsonAsync(Url(p, "/pairs"), new { first = pc[0], second = bh[0], relation = "same" });
        await steward.PostJsonAsync(Url(p, "/pairs"), new { first = pc[0], second = bh[1], relation = "related" }, HttpStatusCode.Created);
        var view = await steward.GetJsonAsync(Url(p));

        await tooEarly.ReadProblemAsync(HttpStatusCode.Conflict);
        samePartner.ErrorFields().ShouldBe(["second"]);
        elsewhere.ErrorFields().ShouldBe(["second"]);
        unknown.ErrorFields().ShouldBe(["first", "second", "relation", "note"], ignoreOrder: true);
        notAnId.ErrorFields().ShouldBe(["first"]);
        await reversed.ReadProblemAsync(HttpStatusCode.Conflict);
        var pairs = view.GetProperty("pairs").EnumerateArray().ToList();
        pairs.Count.ShouldBe(2);
        var conflict = pairs.Single(x => x.Text("id") == pair);
        conflict.Text("relation").ShouldBe("conflicting");
        conflict.Text("note").ShouldBe("Billing against free handoffs.");
        (conflict.Text("firstLabel"), conflict.Text("secondLabel")).ShouldBe(("B1", "A1"));
        conflict.GetProperty("agreed").GetBoolean().ShouldBeFalse();
        var riverbendItems = Partner(view, p.Partners[0]).GetProperty("items").EnumerateArray().ToList();
        riverbendItems.Select(i => i.GetProperty("paired").GetBoolean()).ShouldBe([true, true]);

        (await steward.DeleteAsync(Url(p, $"/pairs/{pair}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await steward.PostJsonAsync(Url(p, "/pairs"), new { first = pc[0], second = bh[0], relation = "same" }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_agreed_expectation_needs_a_member_owner_its_items_and_a_measure_of_this_partnership()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var other = await app.APartnership().Between(p.Partners).With(MemberRole.Steward).BuildAsync();
        await PartnershipBuilder.AddMemberAsync(app, other.Id, p.Steward, MemberRole.Steward, MemberLevel.Executive);
        var measure = new { name = "Days to first visit", kind = "value", unit = "days", betterDirection = "down" };
        var ours = (await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/measures", measure, HttpStatusCode.Created)).Text("id");
        var theirs = (await steward.PostJsonAsync($"/api/v1/partnerships/{other.Id}/measures", measure, HttpStatusCode.Created)).Text("id");
        var early = await steward.PostAsJsonAsync(Url(p, "/agreed"), new { statement = "Too early.", owner = p.Steward.UserId, items = Array.Empty<Guid>() });
        var (bh, pc) = await RevealAsync(p);
        await steward.PostJsonAsync(Url(p, "/pairs"), new { first = bh[0], second = pc[0], relation = "conflicting" }, HttpStatusCode.Created);
        var outsider = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0]);
        var planner = p.First(MemberRole.Planner);

        var foreignMeasure = await steward.PostJsonAsync(Url(p, "/agreed"),
            new { statement = "A first visit within 7 days.", owner = planner.UserId, measure = theirs, items = new[] { bh[0] } }, HttpStatusCode.BadRequest);
        var bad = await steward.PostJsonAsync(Url(p, "/agreed"),
            new { statement = "", owner = outsider.UserId, measure = Guid.NewGuid(), reevaluateOn = "1999-12-31", items = Array.Empty<Guid>() }, HttpStatusCode.BadRequest);
        var notADate = await steward.PostJsonAsync(Url(p, "/agreed"),
            new { statement = "A first visit within 7 days.", owner = planner.UserId, reevaluateOn = "next spring", items = new[] { bh[0] } }, HttpStatusCode.BadRequest);
        var notAnId = await steward.PostJsonAsync(Url(p, "/agreed"),
            new { statement = "A first visit within 7 days.", owner = "the planner", items = new[] { bh[0] } }, HttpStatusCode.BadRequest);
        var unknownItems = await steward.PostJsonAsync(Url(p, "/agreed"),
            new { statement = "A first visit within 7 days.", owner = planner.UserId, items = new[] { Guid.NewGuid() } }, HttpStatusCode.BadRequest);
        var id = (await steward.PostJsonAsync(Url(p, "/agreed"), new
        {
            statement = "A first visit within 7 days of a referral.",
            owner = planner.UserId,
            measure = ours,
            reevaluateOn = Day(90),
            items = new[] { bh[0], pc[0] },
        }, HttpStatusCode.Created)).Text("id");
        var view = await steward.GetJsonAsync(Url(p));
        var linked = await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/measures/{ours}");

        await early.ReadProblemAsync(HttpStatusCode.Conflict);
        foreignMeasure.ErrorFields().ShouldBe(["measure"]);
        bad.ErrorFields().ShouldBe(["statement", "owner", "measure", "reevaluateOn", "items"], ignoreOrder: true);
        unknownItems.ErrorFields().ShouldBe(["items"]);
        notADate.ErrorFields().ShouldBe(["reevaluateOn"]);
        notAnId.ErrorFields().ShouldBe(["owner"]);
        var agreed = view.GetProperty("agreed").EnumerateArray().Single();
        agreed.Text("id").ShouldBe(id);
        agreed.Text("owner").ShouldBe(planner.Name);
        agreed.Text("measureId").ShouldBe(ours);
        agreed.Text("measure").ShouldBe("Days to first visit");
        agreed.Text("reevaluateOn").ShouldBe(Day(90));
        agreed.GetProperty("items").EnumerateArray().Select(i => i.GetString()).ShouldBe([pc[0], bh[0]], ignoreOrder: true);
        view.GetProperty("pairs")[0].GetProperty("agreed").GetBoolean().ShouldBeTrue("one agreed expectation draws on both items of the conflict");
        linked.GetProperty("expectations").EnumerateArray().Single().Text("statement").ShouldBe("A first visit within 7 days of a referral.");

        await steward.PutJsonAsync(Url(p, $"/agreed/{id}"), new { statement = "A first visit within 10 days.", owner = p.Steward.UserId, items = new[] { bh[1] } }, HttpStatusCode.OK);
        var changed = (await steward.GetJsonAsync(Url(p))).GetProperty("agreed")[0];
        changed.Text("statement").ShouldBe("A first visit within 10 days.");
        changed.GetProperty("measureId").ValueKind.ShouldBe(JsonValueKind.Null);
        changed.GetProperty("items").EnumerateArray().Select(i => i.GetString()).ShouldBe([bh[1]]);
        (await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/measures/{ours}")).GetProperty("expectations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_pilot_review_is_complete_once_held_summarised_and_every_agreed_expectation_re_evaluated()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var (bh, pc) = await RevealAsync(p);
        var owner = p.Steward.UserId;
        var first = (await steward.PostJsonAsync(Url(p, "/agreed"), new { statement = "Visits within 7 days.", owner, items = new[] { bh[0], pc[0] } }, HttpStatusCode.Created)).Text("id");
        var second = (await steward.PostJsonAsync(Url(p, "/agreed"), new { statement = "No second intake.", owner, items = new[] { pc[1] } }, HttpStatusCode.Created)).Text("id");

        var backwards = await steward.PostJsonAsync(Url(p, "/pilot-reviews"), new { from = Day(-30), to = Day(-60) }, HttpStatusCode.BadRequest);
        var future = await steward.PostJsonAsync(Url(p, "/pilot-reviews"), new { from = Day(-90), to = Day(-1), heldOn = Day(5), summary = "Went well." }, HttpStatusCode.BadRequest);
        var missing = await steward.PostJsonAsync(Url(p, "/pilot-reviews"), new { to = "2101-01-01", summary = "Went well." }, HttpStatusCode.BadRequest);
        var notADate = await steward.PostJsonAsync(Url(p, "/pilot-reviews"), new { from = "2026-02-30", to = Day(-1) }, HttpStatusCode.BadRequest);
        var review = (await steward.PostJsonAsync(Url(p, "/pilot-reviews"), new { from = Day(-90), to = Day(-1) }, HttpStatusCode.Created)).Text("id");
        var evaluations = Url(p, $"/pilot-reviews/{review}/evaluations");
        var noResponse = await steward.PostJsonAsync(evaluations, new { expectation = first, result = "not-met" }, HttpStatusCode.BadRequest);
        var unknown = await steward.PostJsonAsync(evaluations, new { expectation = Guid.NewGuid(), result = "excellent" }, HttpStatusCode.BadRequest);
        var notAnId = await steward.PostJsonAsync(evaluations, new { expectation = 1, result = "met" }, HttpStatusCode.BadRequest);
        var created = await steward.PostJsonAsync(evaluations, new { expectation = first, result = "partly-met", response = "Add a Friday huddle." }, HttpStatusCode.Created);
        var corrected = await steward.PostJsonAsync(evaluations, new { expectation = first, result = "not-met", response = "Move the consultant's hours to the mornings." }, HttpStatusCode.OK);
        var halfway = (await steward.GetJsonAsync(Url(p))).GetProperty("pilotReviews")[0];
        await steward.PostJsonAsync(evaluations, new { expectation = second, result = "met" }, HttpStatusCode.Created);
        var notHeld = (await steward.GetJsonAsync(Url(p))).GetProperty("pilotReviews")[0];
        await steward.PutJsonAsync(Url(p, $"/pilot-reviews/{review}"), new { from = Day(-90), to = Day(-1), heldOn = Day(0), summary = "Handoffs work; waits do not yet." }, HttpStatusCode.OK);
        var done = (await steward.GetJsonAsync(Url(p))).GetProperty("pilotReviews")[0];

        backwards.ErrorFields().ShouldBe(["to"]);
        future.ErrorFields().ShouldBe(["heldOn"]);
        missing.ErrorFields().ShouldBe(["from", "to", "heldOn"], ignoreOrder: true);
        notADate.ErrorFields().ShouldBe(["from"]);
        noResponse.ErrorFields().ShouldBe(["response"]);
        unknown.ErrorFields().ShouldBe(["expectation", "result"], ignoreOrder: true);
        notAnId.ErrorFields().ShouldBe(["expectation"]);
        created.GetProperty("created").GetBoolean().ShouldBeTrue();
        corrected.GetProperty("created").GetBoolean().ShouldBeFalse();
        halfway.GetProperty("complete").GetBoolean().ShouldBeFalse();
        halfway.GetProperty("awaitingEvaluation").EnumerateArray().Select(a => a.GetString()).ShouldBe([second]);
        var evaluation = halfway.GetProperty("evaluations").EnumerateArray().Single();
        (evaluation.Text("result"), evaluation.Text("response")).ShouldBe(("not-met", "Move the consultant's hours to the mornings."));
        notHeld.GetProperty("complete").GetBoolean().ShouldBeFalse("the review has not been held yet");
        done.GetProperty("complete").GetBoolean().ShouldBeTrue();
        done.Text("heldOn").ShouldBe(Day(0));
        (await steward.RoadmapCriterionAsync(p.Id, "pilot-review")).Text("status").ShouldBe("met");
    }

    [Fact]
    public async Task Viewers_read_the_expectations_but_change_nothing()
    {
        var p = await PartnershipAsync();
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var steward = await app.ApiAsync(p.Steward);
        await viewer.PostJsonAsync(Url(p, "/items"), new { text = "A viewer's expectation." }, HttpStatusCode.Forbidden);
        var (bh, pc) = await RevealAsync(p);
        var agreed = (await steward.PostJsonAsync(Url(p, "/agreed"), new { statement = "Visits within 7 days.", owner = p.Steward.UserId, items = new[] { bh[0] } }, HttpStatusCode.Created)).Text("id");
        var review = (await steward.PostJsonAsync(Url(p, "/pilot-reviews"), new { from = Day(-60), to = Day(-1) }, HttpStatusCode.Created)).Text("id");
        var before = await app.AuditCheckpointAsync();

        await viewer.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, "/pairs"), new { first = bh[0], second = pc[0], relation = "same" }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, "/agreed"), new { statement = "Mine.", owner = p.Steward.UserId, items = new[] { pc[0] } }, HttpStatusCode.Forbidden);
        await viewer.PutJsonAsync(Url(p, $"/agreed/{agreed}"), new { statement = "Mine.", owner = p.Steward.UserId, items = new[] { pc[0] } }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, "/pilot-reviews"), new { from = Day(-60), to = Day(-1) }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, $"/pilot-reviews/{review}/evaluations"), new { expectation = agreed, result = "met" }, HttpStatusCode.Forbidden);
        var view = await viewer.GetJsonAsync(Url(p));

        (await app.AuditSinceAsync(before)).ShouldBeEmpty();
        view.GetProperty("canWrite").GetBoolean().ShouldBeFalse();
        view.GetProperty("agreed").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_health_facts_name_what_needs_attention_without_the_items_text()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var waiting = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<CheckExpectationsHealth>().RunAsync(p.Id));
        var (bh, pc) = await RevealAsync(p, riverbend: 3, eastside: 2);
        var measure = (await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/measures",
            new { name = "Days to first visit", kind = "value", unit = "days", betterDirection = "down" }, HttpStatusCode.Created)).Text("id");
        await steward.PostJsonAsync(Url(p, "/pairs"), new { first = bh[0], second = pc[0], relation = "same" }, HttpStatusCode.Created);
        var conflict = (await steward.PostJsonAsync(Url(p, "/pairs"), new { first = bh[1], second = pc[1], relation = "conflicting" }, HttpStatusCode.Created)).Text("id");
        await steward.PostJsonAsync(Url(p, "/agreed"),
            new { statement = "Visits within 7 days.", owner = p.Steward.UserId, measure, reevaluateOn = Day(30), items = new[] { bh[0], pc[0] } }, HttpStatusCode.Created);
        var bare = (await steward.PostJsonAsync(Url(p, "/agreed"), new { statement = "Fewer second intakes.", owner = p.Steward.UserId, items = new[] { pc[1] } }, HttpStatusCode.Created)).Text("id");
        var overdue = (await steward.PostJsonAsync(Url(p, "/agreed"),
            new { statement = "Shared care plans.", owner = p.Steward.UserId, measure, reevaluateOn = Day(-3), items = new[] { bh[0] } }, HttpStatusCode.Created)).Text("id");

        var facts = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<CheckExpectationsHealth>().RunAsync(p.Id));

        waiting.ShouldNotBeNull().PartnersNotSubmitted.Count.ShouldBe(2);
        facts.ShouldNotBeNull();
        facts.Revealed.ShouldBeTrue();
        facts.PartnersNotSubmitted.ShouldBeEmpty();
        facts.WithoutMeasure.Select(a => a.Id.ToString()).ShouldBe([bare]);
        facts.WithoutReevaluationDate.Select(a => a.Id.ToString()).ShouldBe([bare]);
        facts.ReevaluationOverdue.Select(a => a.Id.ToString()).ShouldBe([overdue]);
        facts.UnpairedItems.Select(i => (i.ItemId.ToString(), i.Label)).ShouldBe([(bh[2], "B3")], "B2 is in a conflict, A2 behind an agreed expectation");
        facts.ConflictsWithoutAgreement.Select(c => c.PairId.ToString()).ShouldBe([conflict], "the agreed expectation draws on A2 but not B2");
        JsonSerializer.Serialize(facts).ShouldNotContain("expects result");
    }

    [Fact]
    public async Task The_health_view_warns_about_open_conflicts_unmatched_items_and_agreed_expectations_without_measure_or_overdue()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var (bh, pc) = await RevealAsync(p, riverbend: 3, eastside: 2);
        var conflict = (await steward.PostJsonAsync(Url(p, "/pairs"), new { first = bh[1], second = pc[1], relation = "conflicting" }, HttpStatusCode.Created)).Text("id");
        var bare = (await steward.PostJsonAsync(Url(p, "/agreed"), new { statement = "Fewer second intakes.", owner = p.Steward.UserId, items = new[] { pc[0] }, reevaluateOn = Day(-3) }, HttpStatusCode.Created)).Text("id");

        var signals = (await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/health-signals")).EnumerateArray()
            .Where(s => s.GetProperty("step").GetInt32() == 5).ToDictionary(s => s.Text("code"));

        signals.Keys.ShouldBe(["expectations-conflict-open", "expectations-unmatched", "expectations-without-measure", "expectations-reevaluation-overdue"], ignoreOrder: true);
        signals["expectations-conflict-open"].GetProperty("evidence")[0].Text("id").ShouldBe(conflict);
        signals["expectations-without-measure"].GetProperty("evidence")[0].Text("id").ShouldBe(bare);
        signals["expectations-unmatched"].GetProperty("evidence").EnumerateArray().Select(e => e.Text("id")).ShouldBe([bh[0], bh[2]], ignoreOrder: true);
        signals.Values.ShouldAllBe(s => s.Text("link") == $"/partnerships/{p.Id}/expectations");
    }

    [Fact]
    public async Task The_plan_gate_counts_expectations_agreed_once_every_list_is_in_and_each_agreed_expectation_has_a_measure()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var start = await steward.RoadmapCriterionAsync(p.Id, "expectations-agreed");
        var bh = await AddAsync(steward, p, "Riverbend expects fewer emergency visits.");
        await steward.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        var waiting = await planner.RoadmapCriterionAsync(p.Id, "expectations-agreed");
        var pc = await AddAsync(planner, p, "Eastside expects warm handoffs.");
        await planner.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        var revealed = await steward.RoadmapCriterionAsync(p.Id, "expectations-agreed");
        var agreed = (await steward.PostJsonAsync(Url(p, "/agreed"), new { statement = "Warm handoffs every clinic day.", owner = p.Steward.UserId, items = new[] { bh, pc } }, HttpStatusCode.Created)).Text("id");
        var withoutMeasure = await steward.RoadmapCriterionAsync(p.Id, "expectations-agreed");
        var measure = (await steward.PostJsonAsync($"/api/v1/partnerships/{p.Id}/measures",
            new { name = "Warm handoffs", kind = "value", unit = "handoffs", betterDirection = "up" }, HttpStatusCode.Created)).Text("id");
        await steward.PutJsonAsync(Url(p, $"/agreed/{agreed}"), new { statement = "Warm handoffs every clinic day.", owner = p.Steward.UserId, measure, items = new[] { bh, pc } }, HttpStatusCode.OK);
        var met = await steward.RoadmapCriterionAsync(p.Id, "expectations-agreed");
        var stepInProgress = (await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap")).GetProperty("steps")[4];
        await steward.PutJsonAsync(Url(p, $"/agreed/{agreed}"),
            new { statement = "Warm handoffs every clinic day.", owner = p.Steward.UserId, measure, reevaluateOn = Day(60), items = new[] { bh, pc } }, HttpStatusCode.OK);
        var stepDone = (await steward.GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap")).GetProperty("steps")[4];

        start.Text("status").ShouldBe("not-started");
        waiting.Text("status").ShouldBe("not-met");
        waiting.Text("evidence").ShouldContain("Eastside Community Health");
        revealed.Text("status").ShouldBe("not-met");
        withoutMeasure.Text("status").ShouldBe("not-met");
        withoutMeasure.Text("evidence").ShouldContain("0 linked to a measure");
        met.Text("status").ShouldBe("met");
        stepInProgress.Text("status").ShouldBe("in-progress");
        stepInProgress.Text("evidence").ShouldContain("re-evaluation date");
        stepDone.Text("status").ShouldBe("done");
    }

    [Fact]
    public async Task Changes_are_audited_by_field_name_without_the_text_and_the_reveal_is_recorded()
    {
        var p = await PartnershipAsync();
        var steward = await app.ApiAsync(p.Steward);
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        await AddAsync(planner, p, "Eastside expects warm handoffs.");
        await planner.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        var checkpoint = await app.AuditCheckpointAsync();

        var id = await AddAsync(steward, p, "A confidential expectation about a named clinician.");
        await steward.PutJsonAsync(Url(p, $"/items/{id}"), new { text = "A reworded confidential expectation." }, HttpStatusCode.OK);
        await steward.PostJsonAsync(Url(p, "/submit"), new { }, HttpStatusCode.OK);
        var entries = await app.AuditSinceAsync(checkpoint);

        entries.Select(e => e.Action).ShouldBe(["expectation-item.created", "expectation-item.updated", "expectations.revealed", "expectation-submission.created"]);
        entries.ShouldAllBe(e => e.PartnershipId == p.Id && e.Door == Joinery.Core.Common.Door.Api);
        entries[1].Detail.ShouldBe("Text,UpdatedAt");
        entries.ShouldAllBe(e => !e.Detail.Contains("confidential", StringComparison.OrdinalIgnoreCase));
    }
}
