using System.Reflection;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;

namespace Joinery.Web.Features.Shared;

/// <summary>The groups of a partnership's navigation: the lifecycle in order, then what runs through all of it.</summary>
public enum NavGroup
{
    Overview,
    Explore,
    Plan,
    Formalize,
    PrepareAndPilot,
    Operate,
    Close,
    Health,
    Report,
    People,
    Audit,
}

/// <summary>Who sees a link in the navigation (the page itself still decides who may open it).</summary>
public enum NavAudience
{
    Members,
    Stewards,
}

/// <summary>
/// Puts a workspace page into the partnership's navigation: the page declares its group, its place
/// and the path under <c>/partnerships/{id}</c>, so a new page adds itself without editing the layout.
/// In Plan, <see cref="Step"/> says which of the eight steps the page serves.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class InNavigationAttribute(NavGroup group, int order, string title, string path) : Attribute
{
    public NavGroup Group { get; } = group;
    public int Order { get; } = order;
    public string Title { get; } = title;

    /// <summary>The path after <c>/partnerships/{id}</c>: "" for the overview, "/glossary" for the common language.</summary>
    public string Path { get; } = path;

    public int Step { get; init; }
    public NavAudience ShownTo { get; init; } = NavAudience.Members;
}

public sealed record NavLink(string Title, string Href, int Step, bool IsCurrent);

public sealed record NavSection(NavGroup Group, string Title, bool IsCurrentPhase, IReadOnlyList<NavLink> Links)
{
    public bool HoldsCurrent => Links.Any(l => l.IsCurrent);

    /// <summary>A phase of the lifecycle, shown under its title; the overview, health, report, people and audit are plain links.</summary>
    public bool IsLifecycle => Group is > NavGroup.Overview and < NavGroup.Health;

    /// <summary>The Plan group's links by step: "3" → Meetings, Action items.</summary>
    public IEnumerable<IGrouping<int, NavLink>> ByStep => Links.GroupBy(l => l.Step);
}

/// <summary>
/// The partnership navigation, gathered once from the pages that carry <see cref="InNavigationAttribute"/>.
/// The current link is the one whose path is the longest prefix of the request's path, so a term's
/// page marks "Common language" and a pulse round marks "Pulse".
/// </summary>
public sealed class WorkspaceNavigation
{
    public static readonly IReadOnlyDictionary<NavGroup, string> GroupTitles = new Dictionary<NavGroup, string>
    {
        [NavGroup.Overview] = "Overview",
        [NavGroup.Explore] = "Explore",
        [NavGroup.Plan] = "Plan: the eight steps",
        [NavGroup.Formalize] = "Formalize",
        [NavGroup.PrepareAndPilot] = "Prepare and pilot",
        [NavGroup.Operate] = "Operate",
        [NavGroup.Close] = "Close",
        [NavGroup.Health] = "Health",
        [NavGroup.Report] = "Report",
        [NavGroup.People] = "People",
        [NavGroup.Audit] = "Audit",
    };

    public WorkspaceNavigation() : this(typeof(WorkspaceNavigation).Assembly)
    {
    }

    public WorkspaceNavigation(Assembly pages)
    {
        Entries = pages.GetTypes()
            .Select(t => t.GetCustomAttribute<InNavigationAttribute>())
            .OfType<InNavigationAttribute>()
            .OrderBy(a => a.Group).ThenBy(a => a.Step).ThenBy(a => a.Order)
            .ToList();
    }

    /// <summary>Every page in the navigation, whoever looks.</summary>
    public IReadOnlyList<InNavigationAttribute> Entries { get; }

    public static NavGroup GroupOf(Phase phase) => phase switch
    {
        Phase.Explore => NavGroup.Explore,
        Phase.Plan => NavGroup.Plan,
        Phase.Formalize => NavGroup.Formalize,
        Phase.Prepare or Phase.Pilot => NavGroup.PrepareAndPilot,
        Phase.Operate => NavGroup.Operate,
        _ => NavGroup.Close,
    };

    /// <summary>The sections a person sees in this partnership, with the current page marked.</summary>
    public IReadOnlyList<NavSection> For(PartnershipView partnership, string requestPath)
    {
        var root = $"/partnerships/{partnership.Id}";
        var visible = Entries.Where(e => e.ShownTo == NavAudience.Members || partnership.IsSteward).ToList();
        var current = visible
            .Where(e => e.Path.Length == 0 ? IsAt(requestPath, root) : IsAt(requestPath, root + e.Path) || IsUnder(requestPath, root + e.Path))
            .MaxBy(e => e.Path.Length);
        var phaseGroup = GroupOf(partnership.Phase);
        return visible
            .GroupBy(e => e.Group)
            .Select(g => new NavSection(g.Key, GroupTitles[g.Key], g.Key == phaseGroup,
                g.Select(e => new NavLink(e.Title, root + e.Path, e.Step, e == current)).ToList()))
            .ToList();
    }

    private static bool IsAt(string path, string page) => path.TrimEnd('/').Equals(page, StringComparison.OrdinalIgnoreCase);

    private static bool IsUnder(string path, string page) =>
        path.Length > page.Length && path.StartsWith(page, StringComparison.OrdinalIgnoreCase) && path[page.Length] == '/';

    /// <summary>How the phase reads beside the partnership's name.</summary>
    public static string PhaseLabel(Phase phase) => $"{phase.Words()} phase";
}
