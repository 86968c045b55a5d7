using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests.Support;

/// <summary>Steps that many journeys share, done the way a person does them.</summary>
public static class Journeys
{
    public static async Task SignInAsync(this IPage page, string email, string password = Arrange.Password)
    {
        await page.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The link in the site's navigation (not one of the same name in the page).</summary>
    public static ILocator SiteLink(this IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>The link in the partnership workspace's navigation.</summary>
    public static ILocator WorkspaceLink(this IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Partnership" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The steward's link to the phase page, beside the partnership's phase.</summary>
    public static ILocator PhaseLink(this IPage page) =>
        page.GetByRole(AriaRole.Link, new() { Name = "Change phase", Exact = true });

    /// <summary>A gate criterion of the roadmap on the overview.</summary>
    public static ILocator RoadmapCriterion(this IPage page, string text) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Roadmap" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = text })
            // Phases are list items too; the criterion is the innermost match.
            .Last;

    /// <summary>The row of a person in the members page's table for their organization.</summary>
    public static ILocator MemberRow(this IPage page, string organization, string name) =>
        page.GetByRole(AriaRole.Table, new() { Name = $"Members from {organization}" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = name });
}
