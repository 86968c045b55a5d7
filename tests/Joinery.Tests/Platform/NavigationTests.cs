using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;

namespace Joinery.Tests.Platform;

/// <summary>
/// The partnership's navigation (Web/Features/Shared/Navigation.cs): grouped by the lifecycle, the
/// current page and phase marked, and every page of a partnership within reach of it.
/// </summary>
public sealed partial class NavigationTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Every_page_of_a_partnership_is_reachable_from_the_navigation()
    {
        var (p, records) = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var root = $"/partnerships/{p.Id}";
        var navigation = NavigationLinks(await browser.ReadPageAsync(root));

        // What a person reaches: the navigation's pages, then what they link to, then one more click.
        var reached = new Dictionary<string, int>();
        var frontier = navigation;
        for (var clicks = 1; clicks <= 3 && frontier.Count > 0; clicks++)
        {
            var next = new List<string>();
            foreach (var url in frontier.Where(u => reached.TryAdd(u, clicks)))
            {
                var response = await browser.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}, {clicks} click(s) from the navigation");
                next.AddRange(Links(await response.Content.ReadAsStringAsync(), root));
            }
            frontier = next.Distinct().ToList();
        }

        var pages = (await WorkspaceWalk.PartnershipHandlersAsync(app)).Where(h => h.Method == "GET" && h.Name.Length == 0).ToList();
        pages.Count.ShouldBeGreaterThan(30, "the walk must see the workspace's pages");
        foreach (var page in pages)
        {
            var pattern = new Regex("^/" + Regex.Replace(Regex.Escape(page.Template).Replace("\\{", "{", StringComparison.Ordinal), "\\{(\\w+)(:[^}]*)?\\}",
                m => m.Groups[1].Value == "id" ? p.Id.ToString() : "[0-9a-f-]{36}") + "$", RegexOptions.IgnoreCase);
            var clicks = reached.Where(r => pattern.IsMatch(r.Key)).Select(r => r.Value).DefaultIfEmpty(0).Min();
            clicks.ShouldBeGreaterThan(0, $"{page.Template} is not within three clicks of the partnership's navigation");
            if (!page.Template.Contains("}/", StringComparison.Ordinal) && page.Template.Count(c => c == '/') == 2)
            {
                // A section of the workspace (not a record's page, nor a page of a section) is in the navigation itself.
                clicks.ShouldBe(1, $"{page.Template} is a section of the workspace but not in the navigation");
            }
        }
    }

    [Fact]
    public async Task The_navigation_follows_the_lifecycle_and_marks_the_phase_and_the_page()
    {
        var (p, _) = await PartnershipAsync();
        var html = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}/glossary/print");
        var nav = Nav().Match(html).Value;

        var groups = GroupTitle().Matches(nav).Select(m => m.Groups[1].Value.Trim()).ToList();
        groups.ShouldBe(["Explore", "Plan: the eight steps", "Formalize", "Prepare and pilot", "Operate", "Close"]);
        CurrentPhaseGroup().Match(nav).Groups[1].Value.ShouldStartWith("Explore", customMessage: "a new partnership is in the Explore phase");
        var current = CurrentLink().Matches(nav).Select(m => m.Groups[1].Value).ToList();
        current.ShouldBe(["Common language"], "the printable glossary belongs to the common language");
        foreach (var page in new[] { "Pulse", "Contributions", "MOU builder", "Action items", "Audit trail" })
        {
            nav.ShouldContain($">{page}</a>", Case.Sensitive, $"{page} is reachable only from inside other pages");
        }
        html.ShouldContain("Explore phase");
        html.ShouldContain(">Change phase</a>", Case.Sensitive, "a steward moves the phase from beside it");
    }

    [Fact]
    public async Task Only_stewards_see_the_steward_pages_in_the_navigation()
    {
        var (p, _) = await PartnershipAsync();
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));

        var html = await planner.ReadPageAsync($"/partnerships/{p.Id}");

        Nav().Match(html).Value.ShouldNotContain("Audit trail");
        html.ShouldNotContain("Change phase");
        Nav().Match(html).Value.ShouldContain(">Members</a>");
    }

    private Task<(SeededPartnership Partnership, Dictionary<string, string> Records)> PartnershipAsync() =>
        app.ArrangedOnceAsync(nameof(PartnershipAsync), async () =>
        {
            var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, partner: 1).BuildAsync();
            return (p, await new WorkspaceWalk(app).ReadOnlyRecordsAsync(p));
        });

    private static List<string> NavigationLinks(string html) =>
        Href().Matches(Nav().Match(html).Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();

    /// <summary>The links of a page that stay in the partnership, without query or fragment.</summary>
    private static IEnumerable<string> Links(string html, string root) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('?', '#')[0])
            .Where(h => h == root || h.StartsWith(root + "/", StringComparison.Ordinal))
            // Downloads and exports are files, not pages.
            .Where(h => !h.EndsWith(".csv", StringComparison.Ordinal) && !h.EndsWith(".pdf", StringComparison.Ordinal) && !h.EndsWith(".docx", StringComparison.Ordinal));

    [GeneratedRegex("<nav class=\"workspace\" aria-label=\"Partnership\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Nav();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<p class=\"nav-group-title\">([^<]+)")]
    private static partial Regex GroupTitle();

    [GeneratedRegex("class=\"nav-group current-phase[^\"]*\">\\s*<p class=\"nav-group-title\">([^<]+)")]
    private static partial Regex CurrentPhaseGroup();

    [GeneratedRegex("aria-current=\"page\">([^<]+)</a>")]
    private static partial Regex CurrentLink();
}
