using Joinery.Core.Partnerships;
using Joinery.Core.Trust;

namespace Joinery.Tests.Trust;

public sealed class PulseAggregationTests
{
    private static readonly Guid Riverbend = Guid.NewGuid();
    private static readonly Guid Eastside = Guid.NewGuid();
    private static readonly List<(Guid, string)> Partners = [(Riverbend, "Riverbend"), (Eastside, "Eastside")];
    private static readonly List<PulseItem> TwoItems = [PulseCatalog.Items[0], PulseCatalog.Items[1]];

    /// <summary>People answering both statements with the same score.</summary>
    private static IEnumerable<PulseVote> People(int count, Guid organization, MemberLevel level, int score = 4) =>
        Enumerable.Range(0, count).SelectMany(_ => TwoItems.Select(i => new PulseVote(i.Id, score, organization, level)));

    private static GroupResult Group(IReadOnlyList<GroupResult> groups, string name) => groups.Single(g => g.Name == name);

    [Fact]
    public void A_group_of_four_shows_its_n_and_no_scores()
    {
        var groups = PulseAggregation.Aggregate(TwoItems, Partners, [.. People(6, Riverbend, MemberLevel.Manager), .. People(4, Eastside, MemberLevel.Manager)], withheld: false);

        var eastside = Group(groups, "Eastside");
        eastside.N.ShouldBe(4);
        eastside.Suppressed.ShouldBeTrue();
        eastside.Reason.ShouldBe(Withheld.FewerThanFive);
        eastside.Overall.ShouldBeNull();
        eastside.Items.ShouldBeNull();
    }

    [Fact]
    public void A_group_of_five_shows_each_statements_mean_and_the_overall_mean()
    {
        List<PulseVote> votes =
        [
            .. new[] { 1, 2, 2, 5, 5 }.Select(s => new PulseVote(TwoItems[0].Id, s, Riverbend, MemberLevel.Frontline)),
            .. new[] { 4, 4, 4, 4, 5 }.Select(s => new PulseVote(TwoItems[1].Id, s, Riverbend, MemberLevel.Frontline)),
        ];

        var whole = PulseAggregation.Aggregate(TwoItems, Partners, votes, withheld: false)[0];

        whole.Kind.ShouldBe(GroupKind.Partnership);
        whole.N.ShouldBe(5);
        whole.Suppressed.ShouldBeFalse();
        whole.Items!.Select(i => (i.Item, i.N, i.Mean)).ShouldBe([(TwoItems[0].Id, 5, 3.0), (TwoItems[1].Id, 5, 4.2)]);
        whole.Overall.ShouldBe(3.6);
    }

    [Fact]
    public void When_one_partner_is_under_five_the_other_is_held_back_because_the_total_would_give_it_away()
    {
        var groups = PulseAggregation.Aggregate(TwoItems, Partners, [.. People(6, Riverbend, MemberLevel.Manager, 5), .. People(4, Eastside, MemberLevel.Manager, 1)], withheld: false);

        Group(groups, "Whole partnership").Suppressed.ShouldBeFalse();
        Group(groups, "Eastside").Reason.ShouldBe(Withheld.FewerThanFive);
        var riverbend = Group(groups, "Riverbend");
        riverbend.Reason.ShouldBe(Withheld.ProtectsSmallerGroup);
        riverbend.N.ShouldBe(6);
        riverbend.Items.ShouldBeNull();
    }

    [Theory]
    [InlineData(new[] { 2, 2, 10 }, new[] { "fewer-than-five", "fewer-than-five", "protects-smaller-group" })]
    [InlineData(new[] { 3, 6, 7 }, new[] { "fewer-than-five", "protects-smaller-group", "" })]
    [InlineData(new[] { 1, 5, 4 }, new[] { "fewer-than-five", "", "fewer-than-five" })]
    [InlineData(new[] { 0, 7, 8 }, new[] { "fewer-than-five", "", "" })]
    [InlineData(new[] { 5, 5, 5 }, new[] { "", "", "" })]
    public void Withheld_groups_of_a_breakdown_together_hold_none_or_at_least_five(int[] sizes, string[] expected)
    {
        var reasons = PulseAggregation.Suppress(sizes);

        reasons.Select(r => r is null ? "" : Joinery.Core.Common.EnumText.ToText(r.Value)).ShouldBe(expected);
        var hidden = sizes.Where((_, i) => reasons[i] is not null).Sum();
        (hidden == 0 || hidden >= PulseAggregation.MinimumGroup).ShouldBeTrue($"{hidden} withheld together");
    }

    [Fact]
    public void Levels_are_broken_down_separately_from_organizations()
    {
        var groups = PulseAggregation.Aggregate(TwoItems, Partners,
            [.. People(1, Riverbend, MemberLevel.Executive), .. People(4, Riverbend, MemberLevel.Manager), .. People(1, Eastside, MemberLevel.Manager),
             .. People(4, Eastside, MemberLevel.Frontline)], withheld: false);

        groups.Select(g => (g.Kind, g.Name, g.N, g.Suppressed)).ShouldBe(
        [
            (GroupKind.Partnership, "Whole partnership", 10, false),
            (GroupKind.Organization, "Riverbend", 5, false),
            (GroupKind.Organization, "Eastside", 5, false),
            (GroupKind.Level, "Executive", 1, true),
            (GroupKind.Level, "Manager", 5, false),
            (GroupKind.Level, "Frontline", 4, true),
        ]);
    }

    [Fact]
    public void Nothing_is_scored_while_the_round_is_open_however_many_answered()
    {
        var groups = PulseAggregation.Aggregate(TwoItems, Partners, [.. People(8, Riverbend, MemberLevel.Manager), .. People(7, Eastside, MemberLevel.Manager)], withheld: true);

        groups.ShouldAllBe(g => g.Suppressed && g.Reason == Withheld.RoundOpen && g.Overall == null && g.Items == null);
        groups[0].N.ShouldBe(15);
    }

    [Fact]
    public void With_no_answers_every_group_has_n_zero_and_no_scores()
    {
        var groups = PulseAggregation.Aggregate(PulseCatalog.Items, Partners, [], withheld: false);

        groups.Count.ShouldBe(6);
        groups.ShouldAllBe(g => g.N == 0 && g.Suppressed && g.Overall == null);
    }

    [Fact]
    public void The_survey_has_about_ten_statements_covering_all_eight_steps_with_unique_ids()
    {
        PulseCatalog.Items.Count.ShouldBeInRange(8, 12);
        PulseCatalog.Items.Select(i => i.Step).Distinct().Order().ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
        PulseCatalog.Items.Select(i => i.Id).ShouldBeUnique();
        PulseCatalog.Items.ShouldAllBe(i => i.Id.Length <= 60 && i.Text.EndsWith('.'));
        PulseCatalog.Scale.Count.ShouldBe(5);
    }
}
