using Joinery.Core.IntegrationLevels;

namespace Joinery.Tests.IntegrationLevels;

public sealed class LevelFinderTests
{
    [Theory]
    [InlineData("same-site=no;regular-contact=no", 1)]
    [InlineData("same-site=no;regular-contact=yes", 2)]
    [InlineData("same-site=yes;shared-systems=no", 3)]
    [InlineData("same-site=yes;shared-systems=yes;practice-change=no", 4)]
    [InlineData("same-site=yes;shared-systems=yes;practice-change=yes;whole-practice=no", 5)]
    [InlineData("same-site=yes;shared-systems=yes;practice-change=yes;whole-practice=yes", 6)]
    public void Every_path_ends_on_exactly_one_level(string answers, int level)
    {
        var result = LevelFinder.Evaluate(LevelFinder.Decode(answers));

        result.Level.ShouldBe(level);
        result.NextQuestion.ShouldBeNull();
        LevelFinder.Encode(result.Path).ShouldBe(answers);
    }

    [Fact]
    public void Answers_off_the_path_are_ignored()
    {
        var result = LevelFinder.Evaluate(LevelFinder.Decode("same-site=no;regular-contact=yes;whole-practice=yes"));

        result.Level.ShouldBe(2);
        result.Path.Count.ShouldBe(2);
    }

    [Fact]
    public void An_unanswered_question_on_the_path_stops_the_finder_there()
    {
        var result = LevelFinder.Evaluate(LevelFinder.Decode("same-site=yes"));

        result.Level.ShouldBeNull();
        result.NextQuestion!.Code.ShouldBe("shared-systems");
    }

    [Fact]
    public void Divergence_names_the_first_question_answered_differently()
    {
        var bh = LevelFinder.Evaluate(LevelFinder.Decode("same-site=yes;shared-systems=yes;practice-change=no")).Path;
        var pc = LevelFinder.Evaluate(LevelFinder.Decode("same-site=yes;shared-systems=no")).Path;

        LevelFinder.Divergence(bh, pc).ShouldBe("shared-systems");
        LevelFinder.Divergence(bh, bh).ShouldBeNull();
    }

    [Fact]
    public void The_six_levels_fall_in_three_categories_of_two()
    {
        IntegrationLevelCatalog.Levels.Select(l => l.Number).ShouldBe([1, 2, 3, 4, 5, 6]);
        IntegrationLevelCatalog.Levels.GroupBy(l => l.Category).ShouldAllBe(g => g.Count() == 2);
        IntegrationLevelCatalog.Levels.ShouldAllBe(l => l.Differentiators.Count == 4);
    }
}
