using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Trust;

public sealed class PulseApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>
    /// Ten members. Riverbend: the steward (executive) and four managers; Eastside: one manager (a
    /// viewer) and four frontline clinicians. Each partner has five; by level 1, 5 and 4.
    /// </summary>
    private Task<SeededPartnership> TenAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager).With(MemberRole.Planner, MemberLevel.Manager)
        .With(MemberRole.Planner, MemberLevel.Manager).With(MemberRole.Clinician, MemberLevel.Manager)
        .With(MemberRole.Viewer, MemberLevel.Manager, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
        .With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p, string rest = "") => $"/api/v1/partnerships/{p.Id}/pulse{rest}";

    private static object Answers(int score = 4, string? comment = null) =>
        new { answers = PulseCatalog.Items.Select(i => new { item = i.Id, score }).ToArray(), comment };

    private async Task<string> OpenAsync(SeededPartnership p) =>
        (await (await app.ApiAsync(p.Steward)).PostJsonAsync(Url(p, "/rounds"), new { }, HttpStatusCode.Created)).Text("id");

    private async Task AnswerAsync(SeededPartnership p, string round, IEnumerable<Person> people, Func<Person, int>? score = null, Func<Person, string?>? comment = null)
    {
        foreach (var person in people)
        {
            var api = await app.ApiAsync(person);
            await api.PostJsonAsync(Url(p, $"/{round}/answers"), Answers(score?.Invoke(person) ?? 4, comment?.Invoke(person)), HttpStatusCode.Created);
        }
    }

    private async Task CloseAsync(SeededPartnership p, string round) =>
        await (await app.ApiAsync(p.Steward)).PostJsonAsync(Url(p, $"/{round}/close"), new { }, HttpStatusCode.OK);

    private Task<int> StoredAsync(Guid partnershipId) => app.ReadAsync(async db =>
        await db.Set<PulseAnswer>().CountAsync(a => a.PartnershipId == partnershipId) + await db.Set<PulseParticipation>().CountAsync(a => a.PartnershipId == partnershipId)
        + await db.Set<PulseComment>().CountAsync(a => a.PartnershipId == partnershipId));

    private static JsonElement Group(JsonElement results, string name) =>
        results.GetProperty("groups").EnumerateArray().Single(g => g.Text("name") == name);

    [Fact]
    public async Task A_round_is_opened_its_items_answered_by_id_and_its_results_shown_by_group_once_closed()
    {
        var p = await TenAsync();
        var steward = await app.ApiAsync(p.Steward);

        var response = await steward.PostAsJsonAsync(Url(p, "/rounds"), new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var opened = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        var round = opened.Text("id");
        var view = await steward.GetJsonAsync(Url(p, $"/{round}"));
        var ids = view.GetProperty("items").Texts("id");
        var n = 0;
        foreach (var person in p.Members)
        {
            var score = ++n <= 5 ? 5 : 2;
            var api = await app.ApiAsync(person);
            var answered = await api.PostJsonAsync(Url(p, $"/{round}/answers"), new { answers = ids.Select(id => new { item = id, score }) }, HttpStatusCode.Created);
            answered.GetProperty("received").GetInt32().ShouldBe(ids.Count);
        }
        var whileOpen = await steward.GetJsonAsync(Url(p, $"/{round}/results"));
        await CloseAsync(p, round);
        var results = await steward.GetJsonAsync(Url(p, $"/{round}/results"));

        response.Headers.Location!.OriginalString.ShouldBe(Url(p, $"/{round}"));
        view.Text("status").ShouldBe("open");
        ids.ShouldBe(PulseCatalog.Items.Select(i => i.Id));
        view.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("step").GetInt32()).Distinct().Count().ShouldBe(8);
        whileOpen.GetProperty("groups").EnumerateArray().Where(g => !g.GetProperty("suppressed").GetBoolean() || g.Text("reason") != "round-open"
            || g.TryGetProperty("overall", out _) || g.TryGetProperty("items", out _)).ShouldBeEmpty("while the round is open no group has scores");
        Group(whileOpen, "Whole partnership").GetProperty("n").GetInt32().ShouldBe(10);

        results.Text("status").ShouldBe("closed");
        results.GetProperty("respondents").GetInt32().ShouldBe(10);
        var whole = Group(results, "Whole partnership");
        (whole.GetProperty("n").GetInt32(), whole.GetProperty("suppressed").GetBoolean(), whole.GetProperty("overall").GetDouble()).ShouldBe((10, false, 3.5));
        whole.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("mean").GetDouble()).ShouldAllBe(m => m == 3.5);
        var riverbend = results.GetProperty("groups").EnumerateArray().Single(g => g.TryGetProperty("organizationId", out var o) && o.GetGuid() == p.Partners[0]);
        (riverbend.GetProperty("n").GetInt32(), riverbend.GetProperty("overall").GetDouble()).ShouldBe((5, 5.0));
        var levels = results.GetProperty("groups").EnumerateArray().Where(g => g.Text("kind") == "level").ToDictionary(g => g.Text("level"));
        levels["executive"].GetProperty("n").GetInt32().ShouldBe(1);
        levels["frontline"].GetProperty("n").GetInt32().ShouldBe(4);
        foreach (var small in new[] { levels["executive"], levels["frontline"] })
        {
            small.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
            small.Text("reason").ShouldBe("fewer-than-five");
            small.TryGetProperty("overall", out _).ShouldBeFalse("no scores for a suppressed group");
            small.TryGetProperty("items", out _).ShouldBeFalse("no scores for a suppressed group");
        }
        (levels["manager"].GetProperty("n").GetInt32(), levels["manager"].GetProperty("suppressed").GetBoolean()).ShouldBe((5, false));
    }

    [Fact]
    public async Task Answering_the_same_round_twice_is_a_409_problem_and_keeps_the_first_answers()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));
        await viewer.PostJsonAsync(Url(p, $"/{round}/answers"), Answers(2), HttpStatusCode.Created);
        var stored = await StoredAsync(p.Id);

        var again = await viewer.PostAsJsonAsync(Url(p, $"/{round}/answers"), Answers(5));
        var problem = await again.ReadProblemAsync(HttpStatusCode.Conflict);
        var view = await viewer.GetJsonAsync(Url(p, $"/{round}"));

        problem.Text("detail").ShouldContain("already answered");
        (await StoredAsync(p.Id)).ShouldBe(stored);
        (await app.ReadAsync(db => db.Set<PulseAnswer>().Where(a => a.PartnershipId == p.Id).Select(a => a.Score).Distinct().ToListAsync())).ShouldBe([2]);
        view.GetProperty("answeredByMe").GetBoolean().ShouldBeTrue();
        view.GetProperty("canAnswer").GetBoolean().ShouldBeFalse();
        view.GetProperty("respondents").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_closed_round_takes_no_answers_and_says_when_it_closed()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        await CloseAsync(p, round);
        var api = await app.ApiAsync(p.First(MemberRole.Clinician));
        var stored = await StoredAsync(p.Id);

        var problem = await (await api.PostAsJsonAsync(Url(p, $"/{round}/answers"), Answers())).ReadProblemAsync(HttpStatusCode.Conflict);
        var closeAgain = await (await app.ApiAsync(p.Steward)).PostAsJsonAsync(Url(p, $"/{round}/close"), new { });

        problem.Text("detail").ShouldStartWith("Round 1 closed on ");
        problem.Text("detail").ShouldContain("no more answers");
        (await closeAgain.ReadProblemAsync(HttpStatusCode.Conflict)).Text("detail").ShouldContain("was closed");
        (await StoredAsync(p.Id)).ShouldBe(stored);
    }

    [Fact]
    public async Task Scores_outside_one_to_five_unknown_or_missing_statements_and_an_empty_list_are_400_and_save_nothing()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        var api = await app.ApiAsync(p.First(MemberRole.Planner));
        var url = Url(p, $"/{round}/answers");
        var all = PulseCatalog.Items.Select(i => new { item = i.Id, score = (int?)3 }).ToList();
        var first = PulseCatalog.Items[0].Id;
        var stored = await StoredAsync(p.Id);
        var checkpoint = await app.AuditCheckpointAsync();

        var cases = new (object Body, string Field)[]
        {
            (new { answers = Array.Empty<object>() }, "answers"),
            (new { }, "answers"),
            (new { answers = all.Select((a, i) => i == 0 ? a with { score = 0 } : a) }, $"answers.{first}"),
            (new { answers = all.Select((a, i) => i == 0 ? a with { score = 6 } : a) }, $"answers.{first}"),
            (new { answers = all.Select((a, i) => i == 0 ? a with { score = null } : a) }, $"answers.{first}"),
            (new { answers = all.Append(new { item = "tea-is-hot", score = (int?)4 }) }, "answers"),
            (new { answers = all.Skip(1) }, $"answers.{first}"),
            (new { answers = all.Append(all[0]) }, $"answers.{first}"),
            (new { answers = all, comment = new string('x', PulseComment.TextMax + 1) }, "comment"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await (await api.PostAsJsonAsync(url, body)).ReadProblemAsync(HttpStatusCode.BadRequest);
            problem.ErrorFields().ShouldBe([field], JsonSerializer.Serialize(body));
        }
        var notANumber = await api.PostAsync(url, new StringContent($$"""{ "answers": [ { "item": "{{first}}", "score": "five" } ] }""", System.Text.Encoding.UTF8, "application/json"));

        notANumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StoredAsync(p.Id)).ShouldBe(stored);
        (await app.AuditSinceAsync(checkpoint)).ShouldBeEmpty();
        await api.PostJsonAsync(url, new { answers = all }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_stewards_open_and_close_rounds_and_every_member_viewers_included_answers()
    {
        var p = await TenAsync();
        var planner = await app.ApiAsync(p.First(MemberRole.Planner));
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));

        var refusedOpen = await planner.PostAsJsonAsync(Url(p, "/rounds"), new { });
        var round = await OpenAsync(p);
        var refusedClose = await viewer.PostAsJsonAsync(Url(p, $"/{round}/close"), new { });
        await viewer.PostJsonAsync(Url(p, $"/{round}/answers"), Answers(), HttpStatusCode.Created);
        await planner.PostJsonAsync(Url(p, $"/{round}/answers"), Answers(), HttpStatusCode.Created);

        (await refusedOpen.ReadProblemAsync(HttpStatusCode.Forbidden)).Text("detail").ShouldContain("Stewards open and close");
        await refusedClose.ReadProblemAsync(HttpStatusCode.Forbidden);
        (await viewer.GetJsonAsync(Url(p))).GetProperty("canOpen").GetBoolean().ShouldBeFalse();
        (await app.ReadAsync(db => db.Set<PulseRound>().SingleAsync(r => r.PartnershipId == p.Id))).ClosedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Only_one_round_is_open_at_a_time_and_rounds_are_numbered()
    {
        var p = await TenAsync();
        var steward = await app.ApiAsync(p.Steward);
        var first = await OpenAsync(p);

        var second = await (await steward.PostAsJsonAsync(Url(p, "/rounds"), new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        await CloseAsync(p, first);
        var next = await steward.PostJsonAsync(Url(p, "/rounds"), new { }, HttpStatusCode.Created);

        second.Text("detail").ShouldBe("Round 1 is still open. Close it before opening another.");
        next.GetProperty("number").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Stored_answers_participation_and_comments_have_no_column_that_names_a_person_or_a_time()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        await AnswerAsync(p, round, p.Members.Take(2), comment: _ => "More time together.");

        var answer = await ColumnsAsync("pulse_answer");
        var participation = await ColumnsAsync("pulse_participation");
        var comment = await ColumnsAsync("pulse_comment");

        answer.ShouldBe(["id", "partnership_id", "round_id", "item_id", "score", "organization_id", "level"], ignoreOrder: true);
        participation.ShouldBe(["id", "partnership_id", "round_id", "user_id"], ignoreOrder: true);
        comment.ShouldBe(["id", "partnership_id", "round_id", "text"], ignoreOrder: true);
        typeof(PulseAnswer).GetInterfaces().ShouldNotContain(typeof(Joinery.Core.Audit.IAudited));
        typeof(PulseComment).GetInterfaces().ShouldNotContain(typeof(Joinery.Core.Audit.IAudited));
        typeof(PulseParticipation).GetInterfaces().ShouldNotContain(typeof(Joinery.Core.Audit.IAudited));
    }

    [Fact]
    public async Task A_submission_writes_one_audit_entry_naming_the_round_and_no_entry_names_an_answer()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        var clinician = await app.ApiAsync(p.First(MemberRole.Clinician));
        var checkpoint = await app.AuditCheckpointAsync();

        await clinician.PostJsonAsync(Url(p, $"/{round}/answers"), Answers(comment: "Meet at lunch time, please."), HttpStatusCode.Created);
        var entries = await app.AuditSinceAsync(checkpoint);
        var ids = await app.ReadAsync(async db =>
            (await db.Set<PulseAnswer>().Where(a => a.PartnershipId == p.Id).Select(a => a.Id).ToListAsync())
            .Concat(await db.Set<PulseComment>().Where(a => a.PartnershipId == p.Id).Select(a => a.Id).ToListAsync())
            .Concat(await db.Set<PulseParticipation>().Where(a => a.PartnershipId == p.Id).Select(a => a.Id).ToListAsync())
            .Select(id => id.ToString()).ToList());
        var trail = await app.ReadAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());

        var entry = entries.ShouldHaveSingleItem();
        (entry.Action, entry.EntityType, entry.EntityId, entry.Detail, entry.PartnershipId).ShouldBe(("pulse-round.answered", "pulse-round", round, "", p.Id));
        ids.Count.ShouldBe(PulseCatalog.Items.Count + 2);
        trail.ShouldNotContain(e => ids.Contains(e.EntityId) || e.Detail.Contains("Meet at lunch") || e.EntityType.StartsWith("pulse-answer")
            || e.EntityType.StartsWith("pulse-comment") || e.EntityType.StartsWith("pulse-participation"));
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task Each_submission_rewrites_the_rounds_rows_so_one_persons_answers_are_neither_together_nor_last()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        var last = p.First(MemberRole.Viewer);
        await AnswerAsync(p, round, p.Members.Where(m => m != last));
        var before = await app.ReadAsync(db => db.Set<PulseAnswer>().Where(a => a.PartnershipId == p.Id).Select(a => a.Id).ToListAsync());

        await AnswerAsync(p, round, [last]);
        var after = await app.ReadAsync(db => db.Set<PulseAnswer>().Where(a => a.PartnershipId == p.Id).Select(a => a.Id).ToListAsync());
        var stored = await PhysicalOrderAsync(Guid.Parse(round));

        before.Count.ShouldBe(90);
        after.Count.ShouldBe(100);
        after.Intersect(before).ShouldBeEmpty("no row keeps its place from before the last submission");
        // The viewer is Eastside's only manager, so the test (unlike the database) knows which rows are theirs.
        var theirs = stored.Select((row, i) => (row, i)).Where(x => x.row.Organization == p.Partners[1] && x.row.Level == "Manager").Select(x => x.i).ToList();
        theirs.Count.ShouldBe(PulseCatalog.Items.Count);
        (theirs[^1] - theirs[0]).ShouldBeGreaterThan(PulseCatalog.Items.Count - 1, "the last person's rows are not stored side by side");
        theirs.ShouldNotBe(Enumerable.Range(90, 10).ToList(), "the last person's rows are not the last rows");
    }

    [Fact]
    public async Task Members_answering_at_the_same_moment_lose_no_answers_and_one_person_answering_twice_at_once_counts_once()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        var clients = new List<HttpClient>();
        foreach (var person in p.Members)
        {
            clients.Add(await app.ApiAsync(person));
        }

        var responses = await Task.WhenAll(clients.Append(clients[0])
            .Select(api => api.PostAsJsonAsync(Url(p, $"/{round}/answers"), Answers(3, "Together."))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        (await app.ReadAsync(db => db.Set<PulseAnswer>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(10 * PulseCatalog.Items.Count);
        (await app.ReadAsync(db => db.Set<PulseComment>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(10);
        (await app.ReadAsync(db => db.Set<PulseParticipation>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(10);
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task Comments_are_shown_together_unattributed_and_only_for_a_closed_round_of_five_or_more()
    {
        var p = await TenAsync();
        var steward = await app.ApiAsync(p.Steward);
        var small = await OpenAsync(p);
        await AnswerAsync(p, small, p.Members.Take(4), comment: m => $"Comment from {m.Name}");
        await CloseAsync(p, small);
        var big = await OpenAsync(p);
        await AnswerAsync(p, big, p.Members.Take(6), comment: m => m == p.Steward ? null : m == p.Members[1] ? "zebra crossing" : "apples first");
        var open = await steward.GetJsonAsync(Url(p, $"/{big}/results"));
        await CloseAsync(p, big);

        var fewer = await steward.GetJsonAsync(Url(p, $"/{small}/results"));
        var shown = await steward.GetJsonAsync(Url(p, $"/{big}/results"));

        fewer.TryGetProperty("comments", out _).ShouldBeFalse();
        fewer.Text("commentsWithheld").ShouldBe("fewer-than-five");
        open.TryGetProperty("comments", out _).ShouldBeFalse();
        open.Text("commentsWithheld").ShouldBe("round-open");
        shown.GetProperty("comments").EnumerateArray().Select(c => c.GetString()).ShouldBe(["apples first", "apples first", "apples first", "apples first", "zebra crossing"]);
        shown.ToString().ShouldNotContain(p.Members[1].Name);
    }

    [Fact]
    public async Task The_csv_export_gives_suppressed_groups_their_n_and_no_means()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        await AnswerAsync(p, round, p.Members, score: _ => 4);
        await CloseAsync(p, round);

        var response = await (await app.ApiAsync(p.First(MemberRole.Viewer))).GetAsync(Url(p, $"/{round}/results.csv"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        // The mean is the last column; only the statement (before it) may hold a comma.
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(r => (Type: r[1], Group: r[2], N: r[3], Suppressed: r[4], Reason: r[5], Mean: r[^1])).ToList();

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        lines[0].ShouldBe("round,group_type,group,n,suppressed,reason,item,step,statement,mean");
        rows.Count.ShouldBe(6 * (PulseCatalog.Items.Count + 1));
        rows.Where(r => r.Type == "level" && r.Group == "Executive").Select(r => (r.N, r.Suppressed, r.Reason, r.Mean)).Distinct()
            .ShouldHaveSingleItem().ShouldBe(("1", "yes", "fewer-than-five", ""));
        rows.Where(r => r.Type == "level" && r.Group == "Frontline").Select(r => (r.N, r.Suppressed, r.Mean)).Distinct().ShouldHaveSingleItem().ShouldBe(("4", "yes", ""));
        rows.Where(r => r.Type == "partnership").Select(r => (r.N, r.Suppressed, r.Mean)).Distinct().ShouldHaveSingleItem().ShouldBe(("10", "no", "4.00"));
        rows.Where(r => r.Type == "level" && r.Group == "Manager").Select(r => r.Mean).Distinct().ShouldBe(["4.00"]);
    }

    [Fact]
    public async Task The_overview_gives_the_trend_per_round_with_small_and_open_rounds_suppressed()
    {
        var p = await TenAsync();
        var steward = await app.ApiAsync(p.Steward);
        var first = await OpenAsync(p);
        await AnswerAsync(p, first, p.Members.Take(6), score: _ => 3);
        await CloseAsync(p, first);
        var second = await OpenAsync(p);
        await AnswerAsync(p, second, p.Members.Take(3), score: _ => 5);
        await CloseAsync(p, second);
        var third = await OpenAsync(p);
        await AnswerAsync(p, third, p.Members.Take(7), score: _ => 5);

        var overview = await steward.GetJsonAsync(Url(p));

        var rounds = overview.GetProperty("rounds").EnumerateArray().ToList();
        rounds.Select(r => (r.GetProperty("number").GetInt32(), r.Text("status"), r.GetProperty("respondents").GetInt32(), r.GetProperty("suppressed").GetBoolean()))
            .ShouldBe([(1, "closed", 6, false), (2, "closed", 3, true), (3, "open", 7, true)]);
        rounds[0].GetProperty("overall").GetDouble().ShouldBe(3.0);
        rounds[1].TryGetProperty("overall", out _).ShouldBeFalse();
        rounds[2].Text("reason").ShouldBe("round-open");
        overview.GetProperty("openRound").GetString().ShouldBe(third);
        overview.GetProperty("members").GetInt32().ShouldBe(10);
        var trend = overview.GetProperty("trend").EnumerateArray().First().GetProperty("rounds").EnumerateArray().ToList();
        trend[0].GetProperty("mean").GetDouble().ShouldBe(3.0);
        trend.Skip(1).Where(t => !t.GetProperty("suppressed").GetBoolean() || t.TryGetProperty("mean", out _)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_viewer_answers_through_the_page_and_the_page_refuses_a_second_answer()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        var viewer = await app.SignedInAsync(p.First(MemberRole.Viewer));
        var page = $"/partnerships/{p.Id}/pulse/{round}";
        var form = PulseCatalog.Items.ToDictionary(i => $"Scores[{i.Id}]", _ => "3");
        form["Comment"] = "Good start.";

        var html = await viewer.ReadPageAsync(page);
        var answered = await viewer.SubmitFormAsync(page, page, form);
        var again = await viewer.SubmitFormAsync(page, page, form);
        var after = await viewer.ReadPageAsync(page);

        html.ShouldContain("Send my answers anonymously");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answered.Headers.Location!.OriginalString.ShouldBe(page);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldContain("already answered");
        after.ShouldContain("You have answered this round");
        after.ShouldNotContain("Send my answers anonymously");
        (await app.ReadAsync(db => db.Set<PulseAnswer>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(PulseCatalog.Items.Count);
    }

    [Fact]
    public async Task The_answer_page_links_each_unscored_or_badly_scored_statement_and_saves_nothing()
    {
        var p = await TenAsync();
        var round = await OpenAsync(p);
        var browser = await app.SignedInAsync(p.First(MemberRole.Clinician));
        var page = $"/partnerships/{p.Id}/pulse/{round}";
        var form = PulseCatalog.Items.Skip(1).ToDictionary(i => $"Scores[{i.Id}]", _ => "4");
        form[$"Scores[{PulseCatalog.Items[1].Id}]"] = "9";
        form[$"Scores[{PulseCatalog.Items[2].Id}]"] = "<b>";

        var response = await browser.SubmitFormAsync(page, page, form);
        var errors = await response.ErrorSummaryAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        errors.Select(e => e.Field).ShouldBe(PulseCatalog.Items.Take(3).Select(i => $"answers_{i.Id}"), ignoreOrder: true);
        (await StoredAsync(p.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Stewards_open_and_close_rounds_from_the_pages_and_the_round_is_audited_but_not_its_answers()
    {
        var p = await TenAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var checkpoint = await app.AuditCheckpointAsync();

        var opened = await steward.SubmitFormAsync($"/partnerships/{p.Id}/pulse?handler=Open", new Dictionary<string, string>());
        var roundPage = opened.Headers.Location!.OriginalString;
        var closed = await steward.SubmitFormAsync(roundPage, $"{roundPage}?handler=Close", new Dictionary<string, string>());
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));
        var refused = await planner.SubmitFormAsync($"/partnerships/{p.Id}/pulse?handler=Open", new Dictionary<string, string>());
        var entries = await app.AuditSinceAsync(checkpoint);

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        roundPage.ShouldStartWith($"/partnerships/{p.Id}/pulse/");
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        entries.Where(e => e.Action.StartsWith("pulse", StringComparison.Ordinal)).Select(e => (e.Action, e.UserId, e.Door))
            .ShouldBe([("pulse-round.created", p.Steward.UserId, Joinery.Core.Common.Door.Web), ("pulse-round.updated", p.Steward.UserId, Joinery.Core.Common.Door.Web)]);
        (await steward.ReadPageAsync(roundPage)).ShouldContain("Download the results (CSV)");
    }

    /// <summary>The column names of a table as the database has them.</summary>
    private Task<List<string>> ColumnsAsync(string table) =>
        app.ReadAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
                await using var reader = await command.ExecuteReaderAsync();
                return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            }
            finally
            {
                await connection.CloseAsync();
            }
        });

    /// <summary>A round's answer rows in the order the database keeps them: SQLite's rowid, PostgreSQL's physical position (ctid).</summary>
    private Task<List<(Guid Organization, string Level)>> PhysicalOrderAsync(Guid round) =>
        app.ReadAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT round_id, organization_id, level FROM pulse_answer ORDER BY {(app.Provider == DatabaseProvider.Sqlite ? "rowid" : "ctid")}";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<(Guid, string)>();
                while (await reader.ReadAsync())
                {
                    if (Guid.Parse(reader.GetValue(0).ToString()!) == round)
                    {
                        rows.Add((Guid.Parse(reader.GetValue(1).ToString()!), reader.GetString(2)));
                    }
                }
                return rows;
            }
            finally
            {
                await connection.CloseAsync();
            }
        });
}
