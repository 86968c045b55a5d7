using Joinery.Core.Mission;

namespace Joinery.Tests.Mission;

public sealed class WordDiffTests
{
    private static string Render(IEnumerable<DiffPart> parts) => string.Concat(parts.Select(p => p.Kind switch
    {
        DiffKind.Added => $"[+{p.Text}]",
        DiffKind.Removed => $"[-{p.Text}]",
        _ => p.Text,
    }));

    [Fact]
    public void An_inserted_word_shows_as_added_and_the_rest_as_unchanged() =>
        Render(WordDiff.Compare("care for adults", "care for all adults")).ShouldBe("care for [+all ]adults");

    [Fact]
    public void A_replaced_word_shows_as_removed_and_added() =>
        Render(WordDiff.Compare("we serve clients well", "we serve patients well")).ShouldBe("we serve [+patients ][-clients ]well");

    [Fact]
    public void Identical_texts_have_only_unchanged_parts()
    {
        var parts = WordDiff.Compare("One place for body and mind.", "One place for body and mind.");
        parts.ShouldHaveSingleItem().Kind.ShouldBe(DiffKind.Same);
    }

    [Fact]
    public void Adding_to_an_empty_text_is_one_added_part() =>
        Render(WordDiff.Compare("", "A new mission")).ShouldBe("[+A new mission]");

    [Fact]
    public void Joining_the_unchanged_and_added_parts_gives_the_new_text()
    {
        const string before = "Together we offer integrated care to adults with serious mental illness.";
        const string after = "Together we offer integrated behavioral health and primary care to the people we serve.";
        var parts = WordDiff.Compare(before, after);

        string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)).ShouldBe(after);
        string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)).ShouldBe(before);
    }
}
