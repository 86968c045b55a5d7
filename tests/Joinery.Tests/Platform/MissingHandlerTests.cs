using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;

namespace Joinery.Tests.Platform;

/// <summary>
/// For a request that no handler of a page takes (a POST without a handler, or with a handler the
/// page lacks, on a page whose posts are all named), Razor Pages renders the page's view without
/// running OnGet, so the view meets a model that was never loaded. Every page answers such a request
/// with a plain 4xx instead. The pages come from the app's endpoint list, so a new page is covered.
/// </summary>
public sealed class MissingHandlerTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task A_post_to_any_page_without_a_handler_or_with_an_unknown_one_answers_4xx_never_500()
    {
        var victim = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        var records = await new WorkspaceWalk(app).RecordsAsync(victim);
        // A steward who is also a site administrator reaches every page, administration included.
        var walker = await PartnershipBuilder.AddMemberAsync(app, victim.Id,
            await PartnershipBuilder.CreatePersonAsync(app, victim.Partners[0], isSiteAdmin: true), MemberRole.Steward);
        var browser = await app.SignedInAsync(walker);
        var templates = (await Routes.PagesAsync(app)).Select(h => h.Template).Distinct()
            // Signing out (its post runs for any handler name) comes last, so the walk stays signed in.
            .OrderBy(t => t == "account/sign-out").ToList();
        templates.Count.ShouldBeGreaterThan(50, "the walk must find the app's pages");
        templates.ShouldContain("partnerships/{id:guid}/members");
        var answers = new List<string>();
        var token = await browser.AntiforgeryTokenAsync("/");

        foreach (var template in templates)
        {
            var path = "/" + Regex.Replace(template, "\\{(\\w+)(:[^}]*)?\\}", m => template.StartsWith("organizations/", StringComparison.Ordinal)
                ? walker.OrganizationId.ToString()
                : records[m.Groups[1].Value]);
            foreach (var url in new[] { path, path + "?handler=NoSuchHandler" })
            {
                var response = await browser.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                var body = await response.Content.ReadAsStringAsync();
                answers.Add($"POST {url}: {(int)response.StatusCode}");
                ((int)response.StatusCode).ShouldBeLessThan(500, string.Join('\n', answers));
                body.ShouldNotContain("Something went wrong", customMessage: $"POST {url}");
            }
            if (template != "account/sign-out")
            {
                (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"still signed in after {string.Join('\n', answers)}");
            }
        }
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task A_post_for_a_handler_the_page_lacks_answers_404_and_a_post_to_a_page_that_takes_none_answers_405()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var unknown = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=NoSuchHandler", new());
        var unnamed = await steward.SubmitFormAsync($"/partnerships/{p.Id}/members", new());
        var overview = await steward.SubmitFormAsync($"/partnerships/{p.Id}", new());

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Page not found");
        unnamed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        overview.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        overview.Content.Headers.Allow.ShouldBe(["GET", "HEAD"], ignoreOrder: true);
        (await overview.Content.ReadAsStringAsync()).ShouldContain("This page does not take that request.");
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
