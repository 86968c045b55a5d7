using System.Globalization;
using System.Net;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Feedback;
using Joinery.Core.Formalize;
using Joinery.Core.Glossary;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Core.Search;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Search;

/// <summary>Search across a partnership, through the API and the page, on whichever database the suite runs on.</summary>
public sealed class SearchTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private static string Search(Guid partnershipId, string query) => $"/api/v1/partnerships/{partnershipId}/search?q={Uri.EscapeDataString(query)}";

    private static string Page(Guid partnershipId, string query) => $"/partnerships/{partnershipId}/search?q={Uri.EscapeDataString(query)}";

    private string Day(int daysFromToday) => app.Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One record of every searchable kind, each holding <paramref name="word"/> in its text (not its title); their ids by kind.</summary>
    private Task<Dictionary<string, Guid>> OneOfEachAsync(SeededPartnership p, string word) =>
        app.ActingAsAsync(p.Steward, async services =>
        {
            var meetings = services.GetRequiredService<MeetingsWork>();
            var term = await services.GetRequiredService<GlossaryWork>().CreateAsync(p.Id,
                new GlossaryInput($"Intake {app.Unique()}", "procedures", $"The first {word} visit.", "The first appointment.", "", "proposed"));
            var meeting = await meetings.CreateMeetingAsync(p.Id, new MeetingInput("Monthly review", Day(-7), "face-to-face", null, $"1. The {word} backlog"));
            var decision = await services.GetRequiredService<DecisionsWork>().CreateAsync(p.Id,
                new DecisionInput("Shared room", $"No room for the {word} consultant.", "", "negotiable", "", "Half of the supply room.", "proposed"));
            var feedback = await services.GetRequiredService<FeedbackWork>().PostAsync(p.Id,
                new FeedbackInput("idea", "Fewer forms", $"One {word} form for both clinics.", Anonymous: true));
            var measure = await services.GetRequiredService<MeasuresWork>().CreateAsync(p.Id,
                new MeasureInput("Days to first visit", $"Waiting loses the {word} patients.", "process", "value", "days", "", "", "", null, "down", "7", "monthly"));
            var agreement = await services.GetRequiredService<RecordAgreement>().RunAsync(p.Id,
                new AgreementInput("mou", "Memorandum of understanding", "draft", Notes: $"Covers the {word} pathway."));
            var action = await meetings.AddActionAsync(p.Id, new ActionInput($"Call the {word} coordinator", p.Steward.UserId.ToString(), Day(14), null));
            foreach (var (outcome, error) in new[] { (term.Succeeded, term.FirstError), (meeting.Succeeded, meeting.FirstError),
                (decision.Succeeded, decision.FirstError), (feedback.Succeeded, feedback.FirstError), (measure.Succeeded, measure.FirstError),
                (agreement.Succeeded, agreement.FirstError), (action.Succeeded, action.FirstError) })
            {
                outcome.ShouldBeTrue(error);
            }
            return new Dictionary<string, Guid>
            {
                ["term"] = term.Value!.Id,
                ["meeting"] = meeting.Value,
                ["decision"] = decision.Value,
                ["feedback"] = feedback.Value,
                ["measure"] = measure.Value,
                ["agreement"] = agreement.Value,
                ["action-item"] = action.Value,
            };
        });

    private Task<Guid> AddTermAsync(SeededPartnership p, string term, string definition) =>
        app.ActingAsAsync(p.Steward, async services =>
        {
            var outcome = await services.GetRequiredService<GlossaryWork>().CreateAsync(p.Id,
                new GlossaryInput(term, "management", "", "", definition, "proposed"));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value!.Id;
        });

    [Fact]
    public async Task Finds_every_kind_by_a_word_in_its_text_with_a_link_inside_the_partnership_and_the_word_marked()
    {
        var p = await app.APartnership().BuildAsync();
        var ids = await OneOfEachAsync(p, "zephyr");
        var api = await app.ApiAsync(p.Steward);

        var results = (await api.GetJsonAsync(Search(p.Id, "Zephyr"))).EnumerateArray().ToList();

        results.Select(r => r.Text("kind")).ShouldBe(ids.Keys, ignoreOrder: true);
        foreach (var result in results)
        {
            var kind = result.Text("kind");
            result.Text("link").ShouldBe(kind == "action-item" ? $"/partnerships/{p.Id}/actions" : $"/partnerships/{p.Id}/{Section(kind)}/{ids[kind]}", kind);
            result.Text("snippet").ShouldContain("<mark>zephyr</mark>", Case.Insensitive, kind);
            result.Text("title").ShouldNotBeNullOrWhiteSpace();
            DateOnly.ParseExact(result.Text("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture).ShouldBeInRange(app.Today.AddDays(-7), app.Today.AddDays(14), kind);
        }
        results.Single(r => r.Text("kind") == "meeting").Text("date").ShouldBe(Day(-7));
        results.Single(r => r.Text("kind") == "action-item").Text("date").ShouldBe(Day(14));
        foreach (var result in results)
        {
            (await (await app.SignedInAsync(p.Steward)).GetAsync(result.Text("link"))).StatusCode.ShouldBe(HttpStatusCode.OK, result.Text("link"));
        }
    }

    private static string Section(string kind) => kind switch
    {
        "term" => "glossary",
        "meeting" => "meetings",
        "decision" => "decisions",
        "agreement" => "agreements",
        "measure" => "measures",
        _ => kind,
    };

    [Fact]
    public async Task The_page_lists_every_kind_with_its_link_and_echoes_the_query()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer, partner: 1).BuildAsync();
        var ids = await OneOfEachAsync(p, "quokka");
        var viewer = await app.SignedInAsync(p.First(MemberRole.Viewer));

        var html = await viewer.ReadPageAsync(Page(p.Id, "quokka"));

        html.ShouldContain("7 results for “quokka”");
        foreach (var kind in new[] { "Term", "Meeting", "Decision", "Feedback", "Measure", "Agreement", "Action item" })
        {
            html.ShouldContain($"<span class=\"status-tag\">{kind}</span>");
        }
        html.ShouldContain($"href=\"/partnerships/{p.Id}/glossary/{ids["term"]}\"");
        html.ShouldContain("<mark>quokka</mark>");
        html.ShouldContain("<label for=\"Q\">");
        Forms.InputValue(html, "Q").ShouldBe("quokka");
    }

    [Fact]
    public async Task Past_fifty_results_the_page_shows_the_best_fifty_and_says_a_word_more_narrows_the_search()
    {
        var p = await app.APartnership().BuildAsync();
        await app.ActingAsAsync(p.Steward, async services =>
        {
            var glossary = services.GetRequiredService<GlossaryWork>();
            for (var i = 0; i <= SearchPartnership.MaxResults; i++)
            {
                var outcome = await glossary.CreateAsync(p.Id, new GlossaryInput($"Wombat term {i}", "management", "", "", "A wombat definition.", "proposed"));
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            return true;
        });
        var browser = await app.SignedInAsync(p.Steward);

        var found = await (await app.ApiAsync(p.Steward)).GetJsonAsync(Search(p.Id, "wombat"));
        var html = await browser.ReadPageAsync(Page(p.Id, "wombat"));
        var fewer = await browser.ReadPageAsync(Page(p.Id, "term 7"));

        found.GetArrayLength().ShouldBe(SearchPartnership.MaxResults);
        html.ShouldContain("The best 50 results for “wombat”, best match first. There may be more: add a word to narrow the search.");
        fewer.ShouldNotContain("There may be more");
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_passing_mention()
    {
        var p = await app.APartnership().BuildAsync();
        var mention = await AddTermAsync(p, "Panel", "Each clinician's list of patients, also called the caseload.");
        var title = await AddTermAsync(p, "Caseload", "The clients a clinician sees regularly.");
        var api = await app.ApiAsync(p.Steward);

        var links = (await api.GetJsonAsync(Search(p.Id, "caseload"))).Texts("link");

        links.ShouldBe([$"/partnerships/{p.Id}/glossary/{title}", $"/partnerships/{p.Id}/glossary/{mention}"]);
    }

    [Fact]
    public async Task A_member_of_one_partnership_never_sees_anothers_content()
    {
        var mine = await app.APartnership().BuildAsync();
        var theirs = await app.APartnership().BuildAsync();
        await OneOfEachAsync(theirs, "wombat");
        await AddTermAsync(mine, $"Huddle {app.Unique()}", "A short meeting.");
        var api = await app.ApiAsync(mine.Steward);
        var browser = await app.SignedInAsync(mine.Steward);

        (await api.GetJsonAsync(Search(mine.Id, "wombat"))).GetArrayLength().ShouldBe(0);
        (await browser.ReadPageAsync(Page(mine.Id, "wombat"))).ShouldContain("No results for “wombat”.");
        var problem = await (await api.GetAsync(Search(theirs.Id, "wombat"))).ReadProblemAsync(HttpStatusCode.NotFound);
        problem.ToString().ShouldNotContain("wombat", Case.Insensitive);
        problem.ToString().ShouldNotContain(theirs.Name);
        (await browser.GetAsync(Page(theirs.Id, "wombat"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/partnerships/{theirs.Id}/search")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_person_in_no_partnership_gets_404_from_the_page_and_the_api()
    {
        var p = await app.APartnership().BuildAsync();
        await OneOfEachAsync(p, "numbat");
        var outsider = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0]);

        (await (await app.ApiAsync(outsider)).GetAsync(Search(p.Id, "numbat"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.SignedInAsync(outsider)).GetAsync(Page(p.Id, "numbat"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("\"foo", 0)]
    [InlineData("AND OR (", 0)]
    [InlineData("*", 0)]
    [InlineData("huddle*", 1)]
    [InlineData("\"huddle", 1)]
    [InlineData("NEAR(huddle clinic)", 0)]
    [InlineData("(huddle clinic)", 1)]
    [InlineData("title:huddle", 0)]
    [InlineData("-huddle ^clinic", 1)]
    [InlineData("huddle' OR '1'='1", 0)]
    [InlineData("huddle\\ & | ! <-> :*", 1)]
    [InlineData("\u0000huddle", 1)]
    public async Task Query_syntax_characters_are_searched_as_words_and_never_fail(string query, int found)
    {
        var p = await app.ArrangedOnceAsync("syntax", async () =>
        {
            var seeded = await app.APartnership().BuildAsync();
            await AddTermAsync(seeded, "Huddle", "A short meeting before clinic.");
            return seeded;
        });
        var api = await app.ApiAsync(p.Steward);
        var browser = await app.SignedInAsync(p.Steward);

        var results = await api.GetJsonAsync(Search(p.Id, query));
        var page = await browser.GetAsync(Page(p.Id, query));

        results.GetArrayLength().ShouldBe(found, query);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, query);
        (await page.Content.ReadAsStringAsync()).ShouldContain(found == 0 ? "No results for" : "1 result for", customMessage: query);
    }

    [Fact]
    public async Task Markup_in_a_query_or_in_content_is_shown_as_text()
    {
        var p = await app.APartnership().BuildAsync();
        await AddTermAsync(p, "Escalation", "Use <script>alert('x')</script> when <b>urgent</b>.");
        var api = await app.ApiAsync(p.Steward);
        var browser = await app.SignedInAsync(p.Steward);

        var echoed = await browser.ReadPageAsync(Page(p.Id, "<script>alert(1)</script>"));
        var found = await browser.ReadPageAsync(Page(p.Id, "urgent"));
        var snippet = (await api.GetJsonAsync(Search(p.Id, "urgent")))[0].Text("snippet");

        echoed.ShouldNotContain("<script>alert(1)");
        echoed.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        found.ShouldNotContain("<script>alert('x')");
        found.ShouldNotContain("<b>urgent");
        snippet.ShouldContain("<mark>urgent</mark>");
        snippet.ShouldNotContain("<script", Case.Insensitive);
        snippet.ShouldNotContain("<b>");
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // PostgreSQL's headline leaves tags out of the passage; SQLite's keeps them, encoded.
            snippet.ShouldContain("&lt;b&gt;<mark>urgent</mark>&lt;/b&gt;");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_query_is_refused_with_a_message(string query)
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        var browser = await app.SignedInAsync(p.Steward);

        var problem = await (await api.GetAsync(Search(p.Id, query))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var page = await browser.GetAsync(Page(p.Id, query));

        problem.ErrorFields().ShouldBe(["q"]);
        problem.GetProperty("errors").GetProperty("q")[0].GetString().ShouldBe("Enter a word or two to search for.");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.ErrorSummaryAsync()).ShouldBe([new FieldError("Q", "Enter a word or two to search for.")]);
    }

    [Fact]
    public async Task A_query_over_200_characters_is_refused_not_cut()
    {
        var p = await app.APartnership().BuildAsync();
        await AddTermAsync(p, "Huddle", "A short meeting.");
        var api = await app.ApiAsync(p.Steward);
        var browser = await app.SignedInAsync(p.Steward);
        var longest = "huddle " + new string('x', 193);
        var tooLong = longest + "x";

        var accepted = await api.GetJsonAsync(Search(p.Id, longest));
        var problem = await (await api.GetAsync(Search(p.Id, tooLong))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var page = await browser.GetAsync(Page(p.Id, tooLong));

        accepted.GetArrayLength().ShouldBe(0, "every word must match, and the second is not in the glossary");
        problem.GetProperty("errors").GetProperty("q")[0].GetString().ShouldBe("Search for at most 200 characters; this search has 201.");
        (await page.ErrorSummaryAsync()).Select(e => e.Message).ShouldBe(["Search for at most 200 characters; this search has 201."]);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("maxlength", Case.Insensitive);
    }

    [Fact]
    public async Task An_edited_term_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        var p = await app.APartnership().BuildAsync();
        var id = await AddTermAsync(p, "Warm handoff", "An introduction in the exam room.");
        var api = await app.ApiAsync(p.Steward);
        (await api.GetJsonAsync(Search(p.Id, "exam"))).GetArrayLength().ShouldBe(1);

        var changed = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<GlossaryWork>().UpdateAsync(p.Id, id,
            new GlossaryInput("Warm handoff", "management", "", "", "A same-day introduction by video.", "proposed")));
        changed.Succeeded.ShouldBeTrue(changed.FirstError);

        (await api.GetJsonAsync(Search(p.Id, "exam"))).GetArrayLength().ShouldBe(0);
        (await api.GetJsonAsync(Search(p.Id, "video"))).Texts("link").ShouldBe([$"/partnerships/{p.Id}/glossary/{id}"]);
    }

    [Fact]
    public async Task A_deleted_record_is_no_longer_found()
    {
        var p = await app.APartnership().BuildAsync();
        var ids = await OneOfEachAsync(p, "bilby");
        var api = await app.ApiAsync(p.Steward);

        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<JoineryDb>();
            await db.Set<GlossaryTerm>().Where(t => t.Id == ids["term"]).ExecuteDeleteAsync();
            await db.Set<ActionItem>().Where(a => a.Id == ids["action-item"]).ExecuteDeleteAsync();
        });

        (await api.GetJsonAsync(Search(p.Id, "bilby"))).Texts("kind").ShouldBe(["meeting", "decision", "feedback", "measure", "agreement"], ignoreOrder: true);
    }

    [Fact]
    public async Task Words_are_matched_by_their_stem_and_every_word_must_match()
    {
        var p = await app.APartnership().BuildAsync();
        await AddTermAsync(p, "Huddle", "Short meetings before clinic.");
        var api = await app.ApiAsync(p.Steward);

        (await api.GetJsonAsync(Search(p.Id, "meeting"))).Texts("title").ShouldBe(["Huddle"]);
        (await api.GetJsonAsync(Search(p.Id, "short clinic"))).Texts("title").ShouldBe(["Huddle"]);
        (await api.GetJsonAsync(Search(p.Id, "short dentist"))).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_archived_partnership_stays_searchable()
    {
        var p = await app.APartnership().BuildAsync();
        await AddTermAsync(p, "Huddle", "A short meeting.");
        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<JoineryDb>();
            await db.Partnerships.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, app.Clock.GetUtcNow()));
        });
        var api = await app.ApiAsync(p.Steward);

        (await api.GetJsonAsync(Search(p.Id, "huddle"))).Texts("title").ShouldBe(["Huddle"]);
    }
}
