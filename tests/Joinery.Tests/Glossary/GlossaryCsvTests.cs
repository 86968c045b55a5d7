using Joinery.Core.Glossary;

namespace Joinery.Tests.Glossary;

public sealed class GlossaryCsvTests
{
    [Fact]
    public void Written_terms_read_back_the_same_including_commas_quotes_and_line_breaks()
    {
        var term = new TermView(Guid.NewGuid(), "warm handoff", TermCategory.Procedures, "An introduction, \"in person\".", "Line one\nline two",
            "=SUM(A1) is not a formula here", TermStatus.Disputed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0);

        var csv = GlossaryCsv.Write([term]);
        var (rows, error) = GlossaryCsv.Read(csv);

        error.ShouldBeNull();
        var (row, input) = rows.ShouldHaveSingleItem();
        row.ShouldBe(2);
        input.ShouldBe(new GlossaryInput("warm handoff", "procedures", "An introduction, \"in person\".", "Line one\nline two", "=SUM(A1) is not a formula here", "disputed"));
        csv.ShouldContain("'=SUM(A1)");
    }

    [Fact]
    public void Rows_are_numbered_from_the_header_and_blank_lines_are_skipped()
    {
        var (rows, error) = GlossaryCsv.Read("term,category\nclient,people-served\n,\nreferral,procedures\n");

        error.ShouldBeNull();
        rows.Select(r => (r.Row, r.Input.Term)).ShouldBe([(2, "client"), (4, "referral")]);
    }

    [Fact]
    public void A_file_without_the_required_columns_is_refused()
    {
        var (_, error) = GlossaryCsv.Read("name,kind\nclient,people-served\n");

        error.ShouldNotBeNull();
        error.ShouldContain("term");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var (_, error) = GlossaryCsv.Read("");

        error.ShouldNotBeNull();
    }

    [Fact]
    public void The_starter_crosswalk_has_at_least_thirty_distinct_terms_with_both_usages()
    {
        StarterCrosswalk.Terms.Count.ShouldBeGreaterThanOrEqualTo(30);
        StarterCrosswalk.Terms.Select(t => t.Term.ToLowerInvariant()).ShouldBeUnique();
        StarterCrosswalk.Terms.ShouldAllBe(t => t.BehavioralHealthUsage.Length > 0 && t.PrimaryCareUsage.Length > 0 && t.Definition.Length > 0);
    }

    [Fact]
    public void Starter_definitions_say_what_a_word_means_not_how_to_use_it_for_the_mou_prints_them_as_definitions()
    {
        string[] advice = ["Say ", "Use ", "Name ", "Keep ", "Record ", "Report ", "In shared documents", "'"];

        StarterCrosswalk.Terms.Where(t => advice.Any(a => t.Definition.StartsWith(a, StringComparison.Ordinal)))
            .Select(t => $"{t.Term}: {t.Definition}").ShouldBeEmpty();
        StarterCrosswalk.Terms.ShouldAllBe(t => t.Definition.EndsWith('.') && char.IsUpper(t.Definition[0]));
    }
}
