using System.Text.Json.Serialization;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Trust;

public enum GroupKind { Partnership, Organization, Level }

/// <summary>Why a group shows its number of answers but no scores.</summary>
public enum Withheld
{
    /// <summary>Fewer than five answers in the group.</summary>
    FewerThanFive,

    /// <summary>The group has five or more, but with the total shown its scores would give away a smaller group's.</summary>
    ProtectsSmallerGroup,

    /// <summary>The round is still open; scores appear when a steward closes it.</summary>
    RoundOpen,
}

/// <summary>One stored answer, as the aggregation sees it: never who gave it.</summary>
public sealed record PulseVote(string Item, int Score, Guid OrganizationId, MemberLevel Level);

public sealed record ItemScore(string Item, int N, double? Mean);

/// <summary>
/// One group's results. When <see cref="Suppressed"/>, only <see cref="N"/> is given: no overall
/// mean and no item scores (they are left out of the JSON, not sent as null).
/// </summary>
public sealed record GroupResult(
    GroupKind Kind,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? OrganizationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MemberLevel? Level,
    int N,
    bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Withheld? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Overall,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ItemScore>? Items);

/// <summary>
/// Pure aggregation of a round's answers, with the small-group rule applied in one place so the
/// page, the API and the CSV export cannot disagree: a group with fewer than
/// <see cref="MinimumGroup"/> answers shows its n and nothing else.
/// </summary>
public static class PulseAggregation
{
    public const int MinimumGroup = 5;

    /// <summary>
    /// Results for the whole partnership, each organization and each level. A group's n is the
    /// number of people in it who answered (everyone answers every statement, so it is the count
    /// of any one statement's answers; the largest, should the catalog ever grow). With
    /// <paramref name="withheld"/> every group shows n only.
    /// </summary>
    public static IReadOnlyList<GroupResult> Aggregate(IReadOnlyList<PulseItem> items, IReadOnlyList<(Guid Id, string Name)> organizations,
        IReadOnlyList<PulseVote> votes, bool withheld)
    {
        var whole = Group(GroupKind.Partnership, "Whole partnership", null, null, items, votes);
        var byOrganization = organizations
            .Select(o => Group(GroupKind.Organization, o.Name, o.Id, null, items, votes.Where(v => v.OrganizationId == o.Id).ToList()))
            .ToList();
        var byLevel = Enum.GetValues<MemberLevel>()
            .Select(l => Group(GroupKind.Level, l.Words(), null, l, items, votes.Where(v => v.Level == l).ToList()))
            .ToList();

        var result = new List<GroupResult> { Finish(whole, whole.N < MinimumGroup ? Withheld.FewerThanFive : null, withheld) };
        foreach (var dimension in new[] { byOrganization, byLevel })
        {
            var reasons = Suppress(dimension.Select(g => g.N).ToList());
            result.AddRange(dimension.Select((g, i) => Finish(g, reasons[i], withheld)));
        }
        return result;
    }

    /// <summary>
    /// Which groups of one breakdown to withhold, and why. First every group under the minimum.
    /// Then, because the whole partnership's mean is shown, the withheld groups together could be
    /// worked out from it and the shown ones: while they add up to more than none but fewer than
    /// the minimum, the smallest shown group is withheld as well.
    /// </summary>
    public static IReadOnlyList<Withheld?> Suppress(IReadOnlyList<int> sizes)
    {
        var reasons = sizes.Select(n => n < MinimumGroup ? Withheld.FewerThanFive : (Withheld?)null).ToArray();
        int Hidden() => sizes.Where((_, i) => reasons[i] is not null).Sum();
        while (Hidden() is > 0 and < MinimumGroup)
        {
            var shown = Enumerable.Range(0, sizes.Count).Where(i => reasons[i] is null).ToList();
            if (shown.Count == 0)
            {
                break;
            }
            reasons[shown.MinBy(i => sizes[i])] = Withheld.ProtectsSmallerGroup;
        }
        return reasons;
    }

    /// <summary>A mean as people read it: two decimals.</summary>
    public static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static GroupResult Group(GroupKind kind, string name, Guid? organizationId, MemberLevel? level, IReadOnlyList<PulseItem> items, IReadOnlyList<PulseVote> votes)
    {
        var scores = items.Select(item =>
        {
            var own = votes.Where(v => v.Item == item.Id).Select(v => v.Score).ToList();
            return new ItemScore(item.Id, own.Count, own.Count < MinimumGroup ? null : Round(own.Average()));
        }).ToList();
        var n = scores.Count == 0 ? 0 : scores.Max(s => s.N);
        var known = votes.Where(v => items.Any(i => i.Id == v.Item)).ToList();
        double? overall = known.Count == 0 ? null : Round(known.Average(v => v.Score));
        return new GroupResult(kind, name, organizationId, level, n, false, null, overall, scores);
    }

    private static GroupResult Finish(GroupResult group, Withheld? reason, bool withheld)
    {
        var why = withheld ? Withheld.RoundOpen : reason;
        return why is null ? group : group with { Suppressed = true, Reason = why, Overall = null, Items = null };
    }
}
