using System.Net;
using System.Net.Http.Json;
using System.Text;
using Joinery.Core.Glossary;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Glossary;

public sealed class GlossaryApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private static object Term(string term, string status = "proposed") => new
    {
        term,
        category = "procedures",
        behavioralHealthUsage = "A formal pathway into intake.",
        primaryCareUsage = "An order to a specialist.",
        definition = "A referral with a status.",
        status,
    };

    [Fact]
    [Trait(TestClock.Trait, TestClock.Dated)]
    public async Task The_printed_glossary_is_dated_on_the_app_clock()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);

        var html = await steward.ReadPageAsync($"/partnerships/{p.Id}/glossary/print");

        html.ShouldContain($"Printed <time datetime=\"{TestClock.Day(0)}\">{TestClock.ShownDay(0)}</time>.");
    }

    [Fact]
    public async Task Creating_a_term_answers_201_with_the_contract_fields_and_its_id()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var created = await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", Term("referral", "agreed"), HttpStatusCode.Created);
        var listed = await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/glossary");

        created.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        created.Text("term").ShouldBe("referral");
        created.Text("category").ShouldBe("procedures");
        created.Text("behavioralHealthUsage").ShouldBe("A formal pathway into intake.");
        created.Text("primaryCareUsage").ShouldBe("An order to a specialist.");
        created.Text("definition").ShouldBe("A referral with a status.");
        created.Text("status").ShouldBe("agreed");
        listed.Texts("term").ShouldBe(["referral"]);
    }

    [Fact]
    public async Task A_term_the_glossary_already_has_is_refused_whatever_its_case()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", Term("Warm handoff"), HttpStatusCode.Created);

        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", Term("warm  HANDOFF"), HttpStatusCode.Conflict);

        (await app.ReadAsync(db => db.Set<GlossaryTerm>().CountAsync(t => t.PartnershipId == p.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Translate_returns_offsets_of_whole_word_plural_and_longest_matches()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        foreach (var term in new[] { "treatment", "treatment plan", "referral" })
        {
            await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", Term(term), HttpStatusCode.Created);
        }
        const string text = "Two Referrals arrived; the treatment plan and the treatment differ. Preferrals are not.";

        var result = await (await api.PostAsync($"/api/v1/partnerships/{p.Id}/glossary/translate",
            JsonContent.Create(new { text, audience = "behavioral-health" }))).ReadJsonAsync();

        var matches = result.GetProperty("matches").EnumerateArray().ToList();
        matches.Select(m => text.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()))
            .ShouldBe(["Referrals", "treatment plan", "treatment"]);
        matches.Select(m => m.Text("term")).ShouldBe(["referral", "treatment plan", "treatment"]);
        matches[0].Text("otherSideUsage").ShouldBe("An order to a specialist.");
    }

    [Theory]
    [InlineData("", "primary-care", "text")]
    [InlineData("Some text", "everyone", "audience")]
    public async Task Translate_without_text_or_with_an_unknown_audience_names_the_field(string text, string audience, string field)
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);

        var problem = await (await api.PostAsync($"/api/v1/partnerships/{p.Id}/glossary/translate", JsonContent.Create(new { text, audience })))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldBe([field]);
    }

    [Fact]
    public async Task An_import_with_one_bad_row_imports_nothing_and_names_the_row()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        const string csv = "term,category,behavioral_health_usage,primary_care_usage,definition,status\n" +
                           "caseload,management,Active clients,Rare,Active people,proposed\n" +
                           "panel,nonsense,,,,proposed\n" +
                           "caseload,roles,,,,proposed\n";

        var response = await api.PostAsync($"/api/v1/partnerships/{p.Id}/glossary/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).ToList();
        messages.ShouldContain(m => m.StartsWith("Row 3:", StringComparison.Ordinal) && m.Contains("category", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("Row 4:", StringComparison.Ordinal) && m.Contains("row 2", StringComparison.Ordinal));
        (await app.ReadAsync(db => db.Set<GlossaryTerm>().CountAsync(t => t.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task An_export_imports_back_into_another_partnership_unchanged()
    {
        var from = await app.APartnership().BuildAsync();
        var to = await app.APartnership().BuildAsync();
        var source = await app.ApiAsync(from.Steward);
        var target = await app.ApiAsync(to.Steward);
        await source.PostAsync($"/api/v1/partnerships/{from.Id}/glossary/starter", null);

        var csv = await source.GetStringAsync($"/api/v1/partnerships/{from.Id}/glossary/export.csv");
        var imported = await (await target.PostAsync($"/api/v1/partnerships/{to.Id}/glossary/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).ReadJsonAsync();

        imported.GetProperty("added").GetInt32().ShouldBe(StarterCrosswalk.Terms.Count);
        var a = await source.GetJsonAsync($"/api/v1/partnerships/{from.Id}/glossary");
        var b = await target.GetJsonAsync($"/api/v1/partnerships/{to.Id}/glossary");
        b.Texts("definition").ShouldBe(a.Texts("definition"));
        b.Texts("behavioralHealthUsage").ShouldBe(a.Texts("behavioralHealthUsage"));
    }

    [Fact]
    public async Task Only_stewards_and_planners_mark_a_term_agreed_and_viewers_only_read()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Clinician).With(MemberRole.Viewer).BuildAsync();
        var clinician = await app.ApiAsync(p.First(MemberRole.Clinician));
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));

        await clinician.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", Term("intake", "agreed"), HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", Term("intake"), HttpStatusCode.Forbidden);
        var proposed = await clinician.PostJsonAsync($"/api/v1/partnerships/{p.Id}/glossary", Term("intake"), HttpStatusCode.Created);
        var history = await clinician.GetJsonAsync($"/api/v1/partnerships/{p.Id}/glossary/{proposed.Text("id")}");

        history.GetProperty("history").GetArrayLength().ShouldBe(1);
        (await viewer.GetJsonAsync($"/api/v1/partnerships/{p.Id}/glossary")).GetArrayLength().ShouldBe(1);
    }
}
