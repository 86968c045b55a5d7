using Joinery.Core.Glossary;

namespace Joinery.Tests.Glossary;

public sealed class TranslatorTests
{
    private static readonly TermEntry Plan = new(Guid.NewGuid(), "treatment plan");
    private static readonly TermEntry Treatment = new(Guid.NewGuid(), "treatment");
    private static readonly TermEntry Referral = new(Guid.NewGuid(), "referral");
    private static readonly TermEntry Handoff = new(Guid.NewGuid(), "warm handoff");
    private static readonly TermEntry Client = new(Guid.NewGuid(), "client");
    private static readonly TermEntry Registry = new(Guid.NewGuid(), "registry");

    private static IReadOnlyList<TextMatch> Find(string text) => Translator.Find(text, [Plan, Treatment, Referral, Handoff, Client, Registry]);

    [Fact]
    public void Matching_ignores_case_and_reports_offsets_into_the_text()
    {
        const string text = "Please send the REFERRAL today.";
        var match = Find(text).ShouldHaveSingleItem();

        match.TermId.ShouldBe(Referral.Id);
        text.Substring(match.Start, match.Length).ShouldBe("REFERRAL");
    }

    [Fact]
    public void Plurals_match_their_singular_term()
    {
        var matches = Find("Two referrals and three clients; registries too.");

        matches.Select(m => m.Text).ShouldBe(["referrals", "clients", "registries"]);
    }

    [Fact]
    public void A_possessive_matches_its_term()
    {
        Find("The client's plan.").ShouldHaveSingleItem().Text.ShouldBe("client's");
    }

    [Fact]
    public void Only_whole_words_match()
    {
        Find("The clientele and preferrals are not terms.").ShouldBeEmpty();
    }

    [Fact]
    public void The_longest_term_wins_where_terms_overlap()
    {
        var matches = Find("Update the treatment plan, then treatment starts.");

        matches.Select(m => (m.TermId, m.Text)).ShouldBe([(Plan.Id, "treatment plan"), (Treatment.Id, "treatment")]);
    }

    [Fact]
    public void Multi_word_terms_match_across_line_breaks_and_extra_spaces()
    {
        const string text = "A warm\n   handoffs happened.";
        var match = Find(text).ShouldHaveSingleItem();

        match.TermId.ShouldBe(Handoff.Id);
        match.Start.ShouldBe(2);
        match.Text.ShouldBe("warm\n   handoffs");
    }

    [Fact]
    public void Markup_in_the_text_is_just_text()
    {
        var matches = Find("<b>client</b><script>referral</script>");

        matches.Select(m => m.Text).ShouldBe(["client", "referral"]);
    }
}
