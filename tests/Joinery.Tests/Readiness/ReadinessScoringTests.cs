using Joinery.Core.Readiness;

namespace Joinery.Tests.Readiness;

public sealed class ReadinessScoringTests
{
    private static readonly Guid Bh = Guid.NewGuid();
    private static readonly Guid Pc = Guid.NewGuid();

    private static Dictionary<string, int?> All(int? score) =>
        ReadinessCatalog.Items.ToDictionary(i => i.Code, _ => score);

    [Theory]
    [InlineData(5.0, Band.Strength)]
    [InlineData(4.0, Band.Strength)]
    [InlineData(3.99, Band.Borderline)]
    [InlineData(3.0, Band.Borderline)]
    [InlineData(2.99, Band.Concern)]
    [InlineData(1.0, Band.Concern)]
    public void Bands_follow_the_strength_borderline_concern_thresholds(double mean, Band expected) =>
        ReadinessScoring.BandOf(mean).ShouldBe(expected);

    [Fact]
    public void Item_mean_averages_known_scores_and_leaves_out_dont_know()
    {
        var first = ReadinessCatalog.Items.First().Code;
        var a = All(4);
        var b = All(2);
        var c = All(null);
        var results = ReadinessScoring.Score([Bh], [new(Bh, a), new(Bh, b), new(Bh, c)]);

        var item = results[0].Items.Single(i => i.Code == first).ByOrganization.Single();
        item.Mean.ShouldBe(3.0);
        item.Respondents.ShouldBe(3);
        item.DontKnow.ShouldBe(1);
        item.Band.ShouldBe(Band.Borderline);
    }

    [Fact]
    public void Factor_mean_is_the_average_of_each_respondents_factor_mean()
    {
        var factor = ReadinessCatalog.Factors[0];
        var one = All(null);
        one[factor.Items[0].Code] = 5;
        one[factor.Items[1].Code] = 3;
        var two = All(null);
        two[factor.Items[0].Code] = 2;

        var row = ReadinessScoring.Score([Pc], [new(Pc, one), new(Pc, two)])[0].Factor.ByOrganization.Single();

        // (5+3)/2 = 4 for the first person, 2 for the second: (4+2)/2 = 3.
        row.Mean.ShouldBe(3.0);
    }

    [Fact]
    public void A_gap_of_one_point_or_more_is_flagged_to_talk_about()
    {
        var results = ReadinessScoring.Score([Bh, Pc], [new(Bh, All(4)), new(Pc, All(3))]);

        var factor = results[0].Factor;
        factor.Gap.ShouldBe(1.0);
        factor.TalkAboutThis.ShouldBeTrue();
    }

    [Fact]
    public void A_gap_below_one_point_is_not_flagged()
    {
        var pc = All(4);
        pc[ReadinessCatalog.Factors[0].Items[0].Code] = 3;
        var results = ReadinessScoring.Score([Bh, Pc], [new(Bh, All(4)), new(Pc, pc)]);

        results[0].Factor.Gap.ShouldBe(0.5);
        results[0].Factor.TalkAboutThis.ShouldBeFalse();
    }

    [Fact]
    public void The_gap_and_the_band_follow_the_means_as_shown()
    {
        var row = new ScoreRow("f", "A factor", [new OrganizationScore(Bh, 3.75, 4, 0), new OrganizationScore(Pc, 4.04, 3, 0)]);

        row.ByOrganization.Select(o => o.Shown).ShouldBe([3.8, 4.0], "as the page prints them");
        row.Gap.ShouldBe(0.2, "4.0 and 3.8 shown side by side differ by 0.2, though the unrounded means differ by 0.29");
        new OrganizationScore(Bh, 3.96, 2, 0).Band.ShouldBe(Band.Strength, "3.96 reads 4.0, a strength");
        new OrganizationScore(Bh, 2.95, 2, 0).Band.ShouldBe(Band.Borderline, "2.95 reads 3.0");
    }

    [Fact]
    public void No_gap_is_shown_while_only_one_organization_has_a_mean()
    {
        var results = ReadinessScoring.Score([Bh, Pc], [new(Bh, All(5)), new(Pc, All(null))]);

        results[0].Factor.Gap.ShouldBeNull();
        results[0].Factor.TalkAboutThis.ShouldBeFalse();
        results[0].Factor.ByOrganization.Single(o => o.OrganizationId == Pc).Mean.ShouldBeNull();
    }

    [Fact]
    public void The_catalog_covers_the_explore_questions_and_the_collaboration_preconditions()
    {
        var titles = ReadinessCatalog.Factors.Select(f => f.Title).ToList();
        titles.ShouldBe(
        [
            "Readiness for a new venture", "Missions in sync", "Room in long-term plans", "Shared vision",
            "Mutual respect and trust", "Ability to compromise", "Open communication", "Concrete goals",
            "Sufficient resources", "Skilled leadership", "Appropriate pace",
        ]);
        ReadinessCatalog.Items.Select(i => i.Code).ShouldBeUnique();
        ReadinessCatalog.Factors.ShouldAllBe(f => f.Items.Count >= 2);
    }
}
