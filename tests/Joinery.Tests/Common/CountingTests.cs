using Joinery.Core.Common;

namespace Joinery.Tests.Common;

/// <summary>Counts read as people write them: never "measure(s)".</summary>
public sealed class CountingTests
{
    [Theory]
    [InlineData(0, "measure", "0 measures")]
    [InlineData(1, "measure", "1 measure")]
    [InlineData(2, "feedback item", "2 feedback items")]
    [InlineData(3, "category", "3 categories")]
    [InlineData(2, "match", "2 matches")]
    [InlineData(2, "day", "2 days")]
    [InlineData(1, "account", "1 account")]
    public void A_count_names_its_noun_in_the_singular_or_plural(int count, string noun, string text)
    {
        Counting.Of(count, noun).ShouldBe(text);
    }

    [Fact]
    public void The_verb_agrees_and_ordinals_are_words()
    {
        Counting.Verb(1, "has", "have").ShouldBe("has");
        Counting.Verb(2, "has", "have").ShouldBe("have");
        Counting.Ordinal(2, capital: true).ShouldBe("Second");
        Counting.Ordinal(3).ShouldBe("third");
        Counting.Ordinal(22).ShouldBe("22nd");
        Counting.Ordinal(13).ShouldBe("13th");
    }

    [Fact]
    public void The_natural_milestones_name_the_anniversaries_in_words()
    {
        Joinery.Core.Launch.MilestonesWork.Natural.Select(n => n.Title).ShouldContain("Second anniversary of the launch");
    }
}
