using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joinery.Core.Common;
using Joinery.Core.Feedback;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Feedback;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class FeedbackApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>A steward (manager), an executive planner, a clinician manager, a frontline viewer and an executive viewer.</summary>
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Manager)
        .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Manager, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline)
        .With(MemberRole.Viewer, MemberLevel.Executive, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p) => $"/api/v1/partnerships/{p.Id}/feedback";

    private static object Negative(bool anonymous = false, string title = "Referrals disappear") =>
        new { kind = "negative", title, body = "We never hear whether the person was seen.", anonymous };

    private static Person ExecutiveViewer(SeededPartnership p) => p.Members.Single(m => m.Role == MemberRole.Viewer && m.Level == MemberLevel.Executive);

    private static async Task<string> PostAsync(HttpClient api, SeededPartnership p, object body) =>
        (await api.PostJsonAsync(Url(p), body, HttpStatusCode.Created)).Text("id");

    [Fact]
    public async Task A_viewer_posts_feedback_and_the_list_shows_its_author_status_and_age()
    {
        var p = await PartnershipAsync();
        var viewer = p.First(MemberRole.Viewer);
        var api = await app.ApiAsync(viewer);
        var organization = await app.ReadAsync(db => db.Organizations.Where(o => o.Id == viewer.OrganizationId).Select(o => o.Name).SingleAsync());

        var response = await api.PostAsJsonAsync(Url(p), new { kind = "idea", title = "A shared calendar", body = "For the consultant's days." });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        var item = (await api.GetJsonAsync(Url(p))).EnumerateArray().Single();

        response.Headers.Location!.OriginalString.ShouldBe($"{Url(p)}/{id}");
        item.Text("id").ShouldBe(id);
        item.Text("kind").ShouldBe("idea");
        item.Text("title").ShouldBe("A shared calendar");
        item.Text("status").ShouldBe("new");
        item.Text("answer").ShouldBe("");
        item.GetProperty("anonymous").GetBoolean().ShouldBeFalse();
        item.GetProperty("author").Text("name").ShouldBe(viewer.Name);
        item.GetProperty("author").Text("organization").ShouldBe(organization);
        item.GetProperty("author").Text("level").ShouldBe("frontline");
        item.GetProperty("ageDays").GetInt32().ShouldBe(0);
        item.GetProperty("waitingDays").GetInt32().ShouldBe(0);
        item.GetProperty("supporters").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_anonymous_item_carries_no_author_in_the_list_or_its_details()
    {
        var p = await PartnershipAsync();
        var writer = p.First(MemberRole.Clinician);
        var api = await app.ApiAsync(writer);
        var id = await PostAsync(api, p, Negative(anonymous: true));
        var steward = await app.ApiAsync(p.Steward);

        var listText = await steward.GetStringAsync(Url(p));
        var detailsText = await steward.GetStringAsync($"{Url(p)}/{id}");
        var item = JsonSerializer.Deserialize<JsonElement>(listText).EnumerateArray().Single();
        var details = JsonSerializer.Deserialize<JsonElement>(detailsText);

        item.GetProperty("anonymous").GetBoolean().ShouldBeTrue();
        item.GetProperty("author").ValueKind.ShouldBe(JsonValueKind.Null);
        details.GetProperty("author").ValueKind.ShouldBe(JsonValueKind.Null);
        foreach (var text in new[] { listText, detailsText })
        {
            text.ShouldNotContain(writer.Name);
            text.ShouldNotContain(writer.Email);
            text.ShouldNotContain(writer.UserId.ToString(), Case.Insensitive);
        }
    }

    [Fact]
    public async Task An_anonymous_post_is_stored_without_the_writer_and_not_audited_while_a_named_one_keeps_them()
    {
        var p = await PartnershipAsync();
        var writer = p.First(MemberRole.Clinician);
        var api = await app.ApiAsync(writer);
        await api.GetJsonAsync(Url(p));
        var checkpoint = await app.AuditCheckpointAsync();

        var anonymousId = Guid.Parse(await PostAsync(api, p, Negative(anonymous: true)));
        var anonymousAudit = await app.AuditSinceAsync(checkpoint);
        var namedId = Guid.Parse(await PostAsync(api, p, Negative(anonymous: false, title: "Parking at Eastside")));
        var namedAudit = (await app.AuditSinceAsync(checkpoint)).Skip(anonymousAudit.Count).ToList();
        var anonymous = await app.ReadAsync(db => db.Set<FeedbackItem>().AsNoTracking().SingleAsync(f => f.Id == anonymousId));
        var named = await app.ReadAsync(db => db.Set<FeedbackItem>().AsNoTracking().SingleAsync(f => f.Id == namedId));

        anonymous.IsAnonymous.ShouldBeTrue();
        anonymous.AuthorUserId.ShouldBeNull();
        anonymous.AuthorOrganizationId.ShouldBeNull();
        anonymous.AuthorLevel.ShouldBeNull();
        // An entry's time and place in the chain would follow the writer's own entries (decision 0004).
        anonymousAudit.ShouldBeEmpty();

        named.AuthorUserId.ShouldBe(writer.UserId);
        named.AuthorOrganizationId.ShouldBe(writer.OrganizationId);
        named.AuthorLevel.ShouldBe(MemberLevel.Manager);
        var namedEntry = namedAudit.ShouldHaveSingleItem();
        namedEntry.Action.ShouldBe("feedback-item.created");
        namedEntry.EntityId.ShouldBe(namedId.ToString());
        namedEntry.Door.ShouldBe(Door.Api);
        namedEntry.UserId.ShouldBe(writer.UserId);
        namedEntry.OrganizationId.ShouldBe(writer.OrganizationId);
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task Wont_do_needs_a_reason_and_done_needs_the_answer_first()
    {
        var p = await PartnershipAsync();
        var id = await PostAsync(await app.ApiAsync(p.First(MemberRole.Clinician)), p, Negative());
        var steward = await app.ApiAsync(p.Steward);
        var status = $"{Url(p)}/{id}/status";

        var noReason = await steward.PostJsonAsync(status, new { status = "wont-do" }, HttpStatusCode.BadRequest);
        var blankReason = await steward.PostJsonAsync(status, new { status = "wont-do", reason = "   " }, HttpStatusCode.BadRequest);
        var doneUnanswered = await steward.PostJsonAsync(status, new { status = "done" }, HttpStatusCode.BadRequest);
        var backToNew = await steward.PostJsonAsync(status, new { status = "new" }, HttpStatusCode.BadRequest);
        var unknown = await steward.PostJsonAsync(status, new { status = "finished" }, HttpStatusCode.BadRequest);
        var untouched = await steward.GetJsonAsync($"{Url(p)}/{id}");
        var declined = await steward.PostJsonAsync(status, new { status = "wont-do", reason = "The state contract fixes this until July." }, HttpStatusCode.OK);
        var again = await (await steward.PostAsJsonAsync(status, new { status = "wont-do", reason = "Still no." })).ReadProblemAsync(HttpStatusCode.Conflict);
        var details = await steward.GetJsonAsync($"{Url(p)}/{id}");

        noReason.ErrorFields().ShouldBe(["reason"]);
        blankReason.ErrorFields().ShouldBe(["reason"]);
        doneUnanswered.ErrorFields().ShouldBe(["status"]);
        backToNew.ErrorFields().ShouldBe(["status"]);
        unknown.ErrorFields().ShouldBe(["status"]);
        untouched.Text("status").ShouldBe("new");
        untouched.GetProperty("history").GetArrayLength().ShouldBe(0);
        declined.Text("status").ShouldBe("wont-do");
        again.Text("detail").ShouldContain("already won't do");
        var change = details.GetProperty("history").EnumerateArray().ShouldHaveSingleItem();
        change.Text("from").ShouldBe("new");
        change.Text("to").ShouldBe("wont-do");
        change.Text("reason").ShouldBe("The state contract fixes this until July.");
        change.Text("changedBy").ShouldBe(p.Steward.Name);
        details.GetProperty("waitingDays").ValueKind.ShouldBe(JsonValueKind.Null, "a declined item with its reason no longer waits");
    }

    [Fact]
    public async Task Answering_acknowledges_a_new_item_and_the_history_keeps_every_status_change()
    {
        var p = await PartnershipAsync();
        var id = await PostAsync(await app.ApiAsync(p.First(MemberRole.Viewer)), p, Negative(anonymous: true));
        var steward = await app.ApiAsync(p.Steward);
        var item = $"{Url(p)}/{id}";

        var answered = await steward.PutJsonAsync($"{item}/answer", new { answer = "Intake now sends a weekly status list." }, HttpStatusCode.OK);
        await steward.PostJsonAsync($"{item}/status", new { status = "in-progress", reason = "Testing the list for a month." }, HttpStatusCode.OK);
        var done = await steward.PostJsonAsync($"{item}/status", new { status = "done" }, HttpStatusCode.OK);
        var details = await steward.GetJsonAsync(item);

        answered.Text("status").ShouldBe("acknowledged");
        done.Text("status").ShouldBe("done");
        details.Text("status").ShouldBe("done");
        details.Text("answer").ShouldBe("Intake now sends a weekly status list.");
        details.Text("answeredBy").ShouldBe(p.Steward.Name);
        details.GetProperty("waitingDays").ValueKind.ShouldBe(JsonValueKind.Null);
        details.GetProperty("history").EnumerateArray().Select(h => $"{h.Text("from")}>{h.Text("to")}:{h.Text("reason")}").ShouldBe(
            ["new>acknowledged:", "acknowledged>in-progress:Testing the list for a month.", "in-progress>done:"]);
        details.GetProperty("history").EnumerateArray().ShouldAllBe(h => h.Text("changedBy") == p.Steward.Name);
    }

    [Fact]
    public async Task Only_stewards_and_executives_answer_and_set_the_status_while_every_member_posts_and_supports()
    {
        var p = await PartnershipAsync();
        var id = await PostAsync(await app.ApiAsync(p.First(MemberRole.Viewer)), p, Negative());
        var item = $"{Url(p)}/{id}";
        var refused = new[] { p.First(MemberRole.Clinician), p.First(MemberRole.Viewer), ExecutiveViewer(p) };
        var allowed = new[] { p.First(MemberRole.Planner), p.Steward };
        var checkpoint = await app.AuditCheckpointAsync();

        foreach (var person in refused)
        {
            var api = await app.ApiAsync(person);
            (await api.PostAsJsonAsync($"{item}/status", new { status = "acknowledged" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, person.Role.ToString());
            (await api.PutAsJsonAsync($"{item}/answer", new { answer = "We hear you." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, person.Role.ToString());
            (await api.GetJsonAsync(item)).GetProperty("canRespond").GetBoolean().ShouldBeFalse(person.Role.ToString());
        }
        (await app.AuditSinceAsync(checkpoint)).Where(e => e.Action.StartsWith("feedback-item", StringComparison.Ordinal)).ShouldBeEmpty();
        var executive = await app.ApiAsync(p.First(MemberRole.Planner));
        (await executive.GetJsonAsync(item)).GetProperty("canRespond").GetBoolean().ShouldBeTrue();
        await executive.PutJsonAsync($"{item}/answer", new { answer = "We hear you." }, HttpStatusCode.OK);
        await executive.PostJsonAsync($"{item}/status", new { status = "in-progress" }, HttpStatusCode.OK);
        await (await app.ApiAsync(p.Steward)).PostJsonAsync($"{item}/status", new { status = "done" }, HttpStatusCode.OK);
        foreach (var person in refused.Concat(allowed))
        {
            await (await app.ApiAsync(person)).PostJsonAsync($"{item}/support", new { }, HttpStatusCode.OK);
            await (await app.ApiAsync(person)).PostJsonAsync(Url(p), new { kind = "positive", title = $"Thanks from a {person.Role}" }, HttpStatusCode.Created);
        }
        (await executive.GetJsonAsync(item)).GetProperty("supporters").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Me_too_counts_each_member_once()
    {
        var p = await PartnershipAsync();
        var id = await PostAsync(await app.ApiAsync(p.Steward), p, Negative());
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        var item = $"{Url(p)}/{id}";

        var first = await viewer.PostJsonAsync($"{item}/support", new { }, HttpStatusCode.OK);
        var twice = await viewer.PostJsonAsync($"{item}/support", new { }, HttpStatusCode.OK);
        var other = await (await app.ApiAsync(p.First(MemberRole.Clinician))).PostJsonAsync($"{item}/support", new { }, HttpStatusCode.OK);

        first.GetProperty("supporters").GetInt32().ShouldBe(1);
        twice.GetProperty("supporters").GetInt32().ShouldBe(1);
        other.GetProperty("supporters").GetInt32().ShouldBe(2);
        (await viewer.GetJsonAsync(item)).GetProperty("supportedByMe").GetBoolean().ShouldBeTrue();
        (await (await app.ApiAsync(p.Steward)).GetJsonAsync(item)).GetProperty("supportedByMe").GetBoolean().ShouldBeFalse();
        (await app.ReadAsync(db => db.Set<FeedbackSupport>().CountAsync(s => s.ItemId == Guid.Parse(id)))).ShouldBe(2);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var huge = new string('x', 10_000);
        var id = await PostAsync(api, p, Negative());
        var item = $"{Url(p)}/{id}";

        (await api.PostJsonAsync(Url(p), new { }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["kind", "title"], ignoreOrder: true);
        (await api.PostJsonAsync(Url(p), new { kind = "complaint", title = "   " }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["kind", "title"], ignoreOrder: true);
        (await api.PostJsonAsync(Url(p), new { kind = "idea", title = huge }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["title"]);
        (await api.PostJsonAsync(Url(p), new { kind = "idea", title = new string('x', FeedbackItem.TitleMax + 1) }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["title"]);
        (await api.PostJsonAsync(Url(p), new { kind = "idea", title = "Invoice\u202Efdp.exe" }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["title"]);
        (await api.PostJsonAsync(Url(p), new { kind = "idea", title = "Bell\u0007" }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["title"]);
        (await api.PostJsonAsync(Url(p), new { kind = "idea", title = "Fine", body = huge }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["body"]);
        (await api.PutJsonAsync($"{item}/answer", new { answer = "" }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["answer"]);
        (await api.PutJsonAsync($"{item}/answer", new { answer = huge }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["answer"]);
        (await api.PostJsonAsync($"{item}/status", new { status = "wont-do", reason = huge }, HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["reason"]);
        (await api.PostAsync(Url(p), new StringContent("{\"kind\": \"idea\", \"title\": ", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PostAsync(Url(p), new StringContent("{\"kind\": \"idea\", \"title\": \"Fine\", \"anonymous\": \"perhaps\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await app.ReadAsync(db => db.Set<FeedbackItem>().CountAsync(f => f.PartnershipId == p.Id))).ShouldBe(1);
        var stored = await api.GetJsonAsync(item);
        stored.Text("answer").ShouldBe("");
        stored.Text("status").ShouldBe("new");
    }

    [Fact]
    public async Task Markup_in_the_details_and_the_answer_is_kept_as_text_and_shown_encoded()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        const string Hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)>";
        var id = await PostAsync(api, p, new { kind = "idea", title = "Markup test", body = Hostile });
        await api.PutJsonAsync($"{Url(p)}/{id}/answer", new { answer = Hostile }, HttpStatusCode.OK);
        var browser = await app.SignedInAsync(p.Steward);

        var stored = await api.GetJsonAsync($"{Url(p)}/{id}");
        var page = await browser.ReadPageAsync($"/partnerships/{p.Id}/feedback/{id}");

        stored.Text("body").ShouldBe(Hostile);
        stored.Text("answer").ShouldBe(Hostile);
        page.ShouldNotContain("<script>alert(1)</script>");
        page.ShouldNotContain("<img src=x");
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task A_title_with_greater_than_is_kept_as_the_plain_string_in_the_api_and_shown_encoded_on_the_page()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var id = await PostAsync(api, p, new { kind = "idea", title = "A1c > 9" });
        var hostile = await PostAsync(api, p, new { kind = "idea", title = "<img src=x onerror=alert(1)>" });
        var browser = await app.SignedInAsync(p.Steward);

        var stored = await api.GetJsonAsync($"{Url(p)}/{id}");
        var list = await browser.ReadPageAsync($"/partnerships/{p.Id}/feedback");
        var page = await browser.ReadPageAsync($"/partnerships/{p.Id}/feedback/{id}");

        stored.Text("title").ShouldBe("A1c > 9");
        (await api.GetJsonAsync($"{Url(p)}/{hostile}")).Text("title").ShouldBe("<img src=x onerror=alert(1)>");
        page.ShouldContain("A1c &gt; 9");
        page.ShouldNotContain("A1c > 9");
        list.ShouldContain("A1c &gt; 9");
        list.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        list.ShouldNotContain("<img src=x");
    }

    [Fact]
    public async Task A_title_with_a_right_to_left_override_is_refused_saying_what_to_remove()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);

        var problem = await api.PostJsonAsync(Url(p), new { kind = "idea", title = "Invoice\u202Efdp.exe" }, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("title")[0].GetString()!.ShouldContain("invisible formatting characters");
        (await app.ReadAsync(db => db.Set<FeedbackItem>().CountAsync(f => f.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Wrong_or_foreign_ids_answer_404_and_change_nothing()
    {
        var p = await PartnershipAsync();
        var other = await app.APartnership().Between(p.Partners).BuildAsync();
        await PartnershipBuilder.AddMemberAsync(app, other.Id, p.Steward, MemberRole.Steward);
        var api = await app.ApiAsync(p.Steward);
        var foreign = await PostAsync(api, other, Negative());
        var checkpoint = await app.AuditCheckpointAsync();

        foreach (var itemId in new[] { Guid.NewGuid().ToString(), foreign })
        {
            var item = $"{Url(p)}/{itemId}";
            await (await api.GetAsync(item)).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await api.PostAsJsonAsync($"{item}/status", new { status = "wont-do", reason = "No." })).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await api.PutAsJsonAsync($"{item}/answer", new { answer = "No." })).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await api.PostAsJsonAsync($"{item}/support", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
        }
        (await api.GetAsync($"{Url(p)}/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await api.GetAsync($"/api/v1/partnerships/{Guid.NewGuid()}/feedback")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await api.PostAsJsonAsync($"/api/v1/partnerships/{Guid.NewGuid()}/feedback", Negative())).ReadProblemAsync(HttpStatusCode.NotFound);

        (await app.AuditSinceAsync(checkpoint)).ShouldBeEmpty();
        (await api.GetJsonAsync($"{Url(other)}/{foreign}")).Text("status").ShouldBe("new");
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_status_and_explains_a_filter_it_cannot_apply()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var negative = await PostAsync(api, p, Negative());
        await PostAsync(api, p, new { kind = "positive", title = "The huddle works" });
        var idea = await PostAsync(api, p, new { kind = "idea", title = "A shared calendar" });
        await api.PutJsonAsync($"{Url(p)}/{idea}/answer", new { answer = "Yes, from next week." }, HttpStatusCode.OK);

        (await api.GetJsonAsync($"{Url(p)}?kind=negative")).Texts("id").ShouldBe([negative]);
        (await api.GetJsonAsync($"{Url(p)}?status=acknowledged")).Texts("id").ShouldBe([idea]);
        (await api.GetJsonAsync($"{Url(p)}?kind=idea&status=new")).GetArrayLength().ShouldBe(0);
        (await api.GetJsonAsync(Url(p))).GetArrayLength().ShouldBe(3);
        var bad = await (await api.GetAsync($"{Url(p)}?kind=rant&status=closed")).ReadProblemAsync(HttpStatusCode.BadRequest);
        bad.ErrorFields().ShouldBe(["kind", "status"], ignoreOrder: true);
        var page = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}/feedback?kind=rant");
        Forms.ErrorSummary(page).ShouldHaveSingleItem().Field.ShouldBe("Kind");
    }

    [Fact]
    public async Task You_said_we_did_lists_done_items_with_their_answer_and_date()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var done = await PostAsync(api, p, Negative(anonymous: true));
        var open = await PostAsync(api, p, new { kind = "idea", title = "A shared calendar" });
        await api.PutJsonAsync($"{Url(p)}/{done}/answer", new { answer = "Intake sends a weekly status list." }, HttpStatusCode.OK);
        await api.PutJsonAsync($"{Url(p)}/{open}/answer", new { answer = "Looking into it." }, HttpStatusCode.OK);
        await api.PostJsonAsync($"{Url(p)}/{done}/status", new { status = "done" }, HttpStatusCode.OK);

        var list = await api.GetJsonAsync($"{Url(p)}/you-said-we-did");
        var page = await (await app.SignedInAsync(p.First(MemberRole.Viewer))).ReadPageAsync($"/partnerships/{p.Id}/feedback/you-said-we-did");

        var item = list.EnumerateArray().ShouldHaveSingleItem();
        item.Text("id").ShouldBe(done);
        item.Text("title").ShouldBe("Referrals disappear");
        item.Text("answer").ShouldBe("Intake sends a weekly status list.");
        item.GetProperty("doneAt").GetDateTimeOffset().ShouldBe(TestClock.Start, TimeSpan.FromMinutes(5));
        page.ShouldContain("Intake sends a weekly status list.");
        page.ShouldNotContain("Looking into it.");
    }

    [Fact]
    public async Task Negative_items_waiting_for_an_answer_show_their_age_and_the_health_view_can_read_them()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.First(MemberRole.Clinician));
        var waiting = Guid.Parse(await PostAsync(api, p, Negative(anonymous: true)));
        var answered = Guid.Parse(await PostAsync(api, p, Negative(title: "Parking")));
        var positive = Guid.Parse(await PostAsync(api, p, new { kind = "positive", title = "The huddle works" }));
        await (await app.ApiAsync(p.Steward)).PutJsonAsync($"{Url(p)}/{answered}/answer", new { answer = "We moved the meeting." }, HttpStatusCode.OK);
        await BackdateAsync(waiting, 23);
        await BackdateAsync(answered, 40);
        await BackdateAsync(positive, 50);
        var outsider = (await app.APartnership().BuildAsync()).Steward;

        var list = (await api.GetJsonAsync(Url(p))).EnumerateArray().ToDictionary(i => Guid.Parse(i.Text("id")));
        var page = await (await app.SignedInAsync(p.First(MemberRole.Viewer))).ReadPageAsync($"/partnerships/{p.Id}/feedback");
        var (unanswered, last) = await app.ActingAsAsync(p.First(MemberRole.Viewer), async services =>
        {
            var feedback = services.GetRequiredService<FeedbackWork>();
            return (await feedback.UnansweredNegativeAsync(p.Id), await feedback.LastNegativeFeedbackAtAsync(p.Id));
        });
        var (hidden, hiddenLast) = await app.ActingAsAsync(outsider, async services =>
        {
            var feedback = services.GetRequiredService<FeedbackWork>();
            return (await feedback.UnansweredNegativeAsync(p.Id), await feedback.LastNegativeFeedbackAtAsync(p.Id));
        });

        list[waiting].GetProperty("waitingDays").GetInt32().ShouldBe(23);
        list[waiting].GetProperty("ageDays").GetInt32().ShouldBe(23);
        list[answered].GetProperty("waitingDays").ValueKind.ShouldBe(JsonValueKind.Null);
        list[answered].GetProperty("ageDays").GetInt32().ShouldBe(40);
        list[positive].GetProperty("waitingDays").GetInt32().ShouldBe(50);
        page.ShouldContain("unanswered for 23 days");
        var item = unanswered.ShouldHaveSingleItem();
        item.Id.ShouldBe(waiting);
        item.DaysWaiting.ShouldBe(23);
        last.ShouldNotBeNull().ShouldBe(TestClock.Start.AddDays(-23), TimeSpan.FromMinutes(5));
        hidden.ShouldBeEmpty();
        hiddenLast.ShouldBeNull();
    }

    [Fact]
    public async Task A_partnership_without_negative_feedback_has_no_last_negative_moment()
    {
        var p = await PartnershipAsync();
        await PostAsync(await app.ApiAsync(p.Steward), p, new { kind = "positive", title = "The huddle works" });

        var last = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<FeedbackWork>().LastNegativeFeedbackAtAsync(p.Id));

        last.ShouldBeNull();
    }

    [Fact]
    public async Task Step_7_is_done_once_feedback_led_to_a_change_and_no_negative_item_waits_a_month()
    {
        var p = await app.APartnership()
            .With(MemberRole.Steward, MemberLevel.Executive)
            .With(MemberRole.Clinician, MemberLevel.Frontline, champion: true)
            .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1, champion: true)
            .BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        async Task<JsonElement> StepAsync() => (await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/roadmap")).GetProperty("steps")[6];
        var before = await StepAsync();
        var id = await PostAsync(api, p, new { kind = "idea", title = "A shared calendar" });
        var posted = await StepAsync();
        await api.PutJsonAsync($"{Url(p)}/{id}/answer", new { answer = "Done: both front desks have it." }, HttpStatusCode.OK);
        await api.PostJsonAsync($"{Url(p)}/{id}/status", new { status = "done" }, HttpStatusCode.OK);
        var done = await StepAsync();
        await BackdateAsync(Guid.Parse(await PostAsync(api, p, Negative(anonymous: true))), FeedbackWork.AnswerWithinDays + 1);
        var neglected = await StepAsync();

        before.Text("status").ShouldBe("in-progress");
        before.Text("evidence").ShouldBe("Every partner has a frontline champion.");
        posted.Text("status").ShouldBe("in-progress");
        posted.Text("evidence").ShouldBe("Every partner has a frontline champion. 1 feedback item, 0 done.");
        done.Text("status").ShouldBe("done");
        neglected.Text("status").ShouldBe("in-progress");
        neglected.Text("evidence").ShouldBe("Every partner has a frontline champion. 2 feedback items, 1 done; 1 negative item unanswered for over 30 days.");
    }

    private Task<int> BackdateAsync(Guid itemId, int days) =>
        app.ReadAsync(async db =>
        {
            var at = db.Now.AddDays(-days);
            return await db.Set<FeedbackItem>().Where(f => f.Id == itemId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.PostedAt, at).SetProperty(f => f.StatusChangedAt, at));
        });
}
