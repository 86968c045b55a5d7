namespace Joinery.Core.Readiness;

public sealed record ReadinessItem(string Code, string Text);

public sealed record ReadinessFactor(string Code, string Title, string Question, IReadOnlyList<ReadinessItem> Items);

/// <summary>
/// Joinery's own readiness and alignment check. The factors follow what collaboration research
/// names as preconditions (frameworks.md §3) plus the three questions of the Explore phase; the
/// wording is ours, not any published instrument's.
/// </summary>
public static class ReadinessCatalog
{
    public static readonly IReadOnlyList<ReadinessFactor> Factors =
    [
        new("new-venture", "Readiness for a new venture", "Is our organization ready to take on something new?",
        [
            new("new-venture-capacity", "We have the management attention to start a new partnership in the coming year."),
            new("new-venture-change", "Our staff have coped well with recent changes and could absorb another one."),
        ]),
        new("missions-in-sync", "Missions in sync", "Do the two organizations want the same things for the people they serve?",
        [
            new("missions-overlap", "The partner's mission and ours point toward the same outcomes for the people we serve."),
            new("missions-no-conflict", "Nothing in the partner's mission conflicts with how we work."),
        ]),
        new("long-term-plans", "Room in long-term plans", "Can our plans for the coming years make room for this partnership?",
        [
            new("plans-fit", "The partnership fits the strategic plan our board has approved."),
            new("plans-budget", "Our budget for the next two years can make room for the partnership."),
        ]),
        new("shared-vision", "Shared vision", "Do we picture the same result?",
        [
            new("vision-describe", "Leaders of both organizations would describe the purpose of the partnership in similar words."),
            new("vision-success", "We agree on what success would look like two years from now."),
        ]),
        new("respect-trust", "Mutual respect and trust", "Do we respect and trust each other?",
        [
            new("respect-expertise", "We value the partner's expertise and way of caring for people."),
            new("trust-commitments", "We trust the partner to keep commitments even when it costs them something."),
        ]),
        new("compromise", "Ability to compromise", "Can we give and take?",
        [
            new("compromise-willing", "We are prepared to change some of our own routines to make the partnership work."),
            new("compromise-regulation", "We can tell which of our rules are fixed by regulation and which we could negotiate."),
        ]),
        new("communication", "Open communication", "Do we talk openly and often?",
        [
            new("communication-bad-news", "People in our organization would feel free to tell the partner about problems."),
            new("communication-channels", "We know whom to contact at the partner, at every level, and we do it."),
        ]),
        new("concrete-goals", "Concrete goals", "Are our aims clear and attainable?",
        [
            new("goals-clear", "We can name the first concrete results we expect from the partnership."),
            new("goals-attainable", "Those first results are attainable with the resources we have."),
        ]),
        new("resources", "Sufficient resources", "Do we have what it takes?",
        [
            new("resources-staff", "We can give staff time to the partnership without harming current services."),
            new("resources-space", "The space, equipment and IT the partnership needs are available or funded."),
        ]),
        new("leadership", "Skilled leadership", "Is there someone able to lead this?",
        [
            new("leadership-named", "A respected leader in our organization is ready to champion the partnership."),
            new("leadership-skills", "Our leaders are skilled at bringing different groups to agreement."),
        ]),
        new("pace", "Appropriate pace", "Can we move at a pace both can keep?",
        [
            new("pace-timeline", "The timeline we have in mind leaves room to build the relationship before the contract."),
            new("pace-flexible", "We can slow down or speed up if the partner needs us to."),
        ]),
    ];

    public static IEnumerable<ReadinessItem> Items => Factors.SelectMany(f => f.Items);

    public static ReadinessFactor? FactorOf(string itemCode) => Factors.FirstOrDefault(f => f.Items.Any(i => i.Code == itemCode));
}
