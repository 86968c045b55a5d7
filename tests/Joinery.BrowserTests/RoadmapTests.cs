using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>The roadmap follows the partnership: phase moves, gate overrides and champions.</summary>
public sealed class RoadmapTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Reason = "Both boards agreed at the joint retreat to start planning while the readiness survey runs.";

    [Fact]
    public async Task Steward_moves_on_without_meeting_the_gate_and_the_reason_stays_on_the_overview()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync(People.Steward.Email);
        await page.OpenAsync($"/partnerships/{partnershipId}");
        await page.PhaseLink().ClickToAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Move to the next phase", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("The gate of the Explore phase is not met yet");

        // Without a reason the move is refused, and the message says what to do.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Plan" }).ClickToAsync();
        var problem = page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).Filter(new() { HasText = "To move on anyway, record why." });
        await Expect(problem).ToHaveAttributeAsync("href", "#Input_Reason");
        await Expect(page.WorkspaceLink("Overview")).ToBeVisibleAsync();

        await page.GetByLabel("Why move on now?").FillAsync(Reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Plan" }).ClickToAsync();

        await Expect(page).ToHaveURLAsync(app.Url($"/partnerships/{partnershipId}"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The partnership is now in the Plan phase.");
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("Moved from Explore to Plan without meeting the gate");
        await Expect(main).ToContainTextAsync($"Reason recorded: {Reason}");
        await Expect(main).ToContainTextAsync(People.Steward.Name);
        var roadmap = page.GetByRole(AriaRole.Region, new() { Name = "Roadmap" });
        await Expect(roadmap.GetByRole(AriaRole.Heading, new() { Name = "Plan", Level = 3 })).ToContainTextAsync("current phase");
        await Expect(roadmap.GetByRole(AriaRole.Heading, new() { Name = "Explore", Level = 3 })).ToContainTextAsync("passed");

        // The warning is there for every member, on every later visit.
        var planner = await browser.OpenPageAsync(app);
        await planner.SignInAsync(People.Planner.Email);
        await planner.OpenAsync($"/partnerships/{partnershipId}");
        await Expect(planner.GetByRole(AriaRole.Main)).ToContainTextAsync($"Reason recorded: {Reason}");
    }

    [Fact]
    public async Task Naming_a_champion_in_each_partner_meets_the_champions_criterion()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync(People.Steward.Email);
        await page.OpenAsync($"/partnerships/{partnershipId}");
        // A criterion of the Plan phase, still ahead of this Explore partnership: upcoming, not failing.
        await Expect(page.RoadmapCriterion("Champions named in each partner")).ToContainTextAsync("Upcoming");

        await page.WorkspaceLink("Members").ClickToAsync();
        await NameChampionAsync(page, People.Bh, People.Steward.Name, "Integrated care at the clinic; may assign staff to joint meetings");
        await page.WorkspaceLink("Overview").ClickToAsync();
        await Expect(page.RoadmapCriterion("Champions named in each partner")).ToContainTextAsync($"Upcoming Champions named in each partner — No champion yet in {People.Pc}.");

        await page.WorkspaceLink("Members").ClickToAsync();
        await NameChampionAsync(page, People.Pc, People.Planner.Name, "Screening at intake; may change the front-desk workflow");

        await page.WorkspaceLink("Overview").ClickToAsync();
        var criterion = page.RoadmapCriterion("Champions named in each partner");
        await Expect(criterion).ToContainTextAsync("Met");
        await Expect(criterion).Not.ToContainTextAsync("Upcoming");
        var partners = page.GetByRole(AriaRole.Region, new() { Name = "Partners" });
        await Expect(partners.GetByRole(AriaRole.Table, new() { Name = $"Members of {People.Pc} by level" }).GetByRole(AriaRole.Row, new() { Name = "Manager" }))
            .ToContainTextAsync(People.Planner.Name);
    }

    private static async Task NameChampionAsync(IPage page, string organization, string name, string championFor)
    {
        var row = page.MemberRow(organization, name);
        // The change form is folded away in a details element; its summary opens it.
        await row.GetByText($"Change {name}").ClickAsync();
        await row.GetByLabel("Champion", new() { Exact = true }).CheckAsync();
        await row.GetByLabel("What they champion", new() { Exact = true }).FillAsync(championFor);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Save {name}" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The member was updated.");
        await Expect(page.MemberRow(organization, name)).ToContainTextAsync($"Yes: {championFor}");
    }
}
