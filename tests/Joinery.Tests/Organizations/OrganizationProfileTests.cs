using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Organizations;

/// <summary>An organization's profile shows in every partnership it is in: only its stewards (and site administrators) change it, and every partnership's trail shows the change.</summary>
public sealed class OrganizationProfileTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Theory]
    [InlineData(MemberRole.Viewer)]
    [InlineData(MemberRole.Planner)]
    [InlineData(MemberRole.Clinician)]
    public async Task People_of_the_organization_who_are_not_stewards_cannot_change_its_profile(MemberRole role)
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(role).BuildAsync();
        var member = await app.SignedInAsync(p.First(role));
        var organization = p.Partners[0];
        var before = await app.SnapshotAsync();

        var page = await member.ReadPageAsync($"/organizations/{organization}");
        var response = await member.SubmitFormAsync($"/organizations/{organization}", new()
        {
            ["Input.Name"] = "Taken over",
            ["Input.Kind"] = "other",
            ["Input.Mission"] = "Changed by someone else",
            ["Input.Vision"] = "",
        });

        page.ShouldNotContain("Save the profile");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath.ShouldBe("/account/denied");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_steward_of_the_organization_changes_it_and_every_partnership_it_is_in_sees_the_change_in_its_trail()
    {
        var p = await app.APartnership().BuildAsync();
        var other = await app.APartnership().Between(p.Partners).BuildAsync();
        var organization = p.Partners[0];
        var name = await app.ReadAsync(db => db.Organizations.Where(o => o.Id == organization).Select(o => o.Name).SingleAsync());
        var steward = await app.SignedInAsync(p.Steward);
        var checkpoint = await app.AuditCheckpointAsync();

        var response = await steward.SubmitFormAsync($"/organizations/{organization}", new()
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = "behavioral-health",
            ["Input.Mission"] = "Recovery for every neighbor.",
            ["Input.Vision"] = "",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/organizations/{organization}");
        var entries = (await app.AuditSinceAsync(checkpoint)).Where(e => e.Action == "organization.profile-changed").ToList();
        entries.Select(e => e.PartnershipId).ShouldBe([p.Id, other.Id], ignoreOrder: true);
        entries.ShouldAllBe(e => e.Detail == "Mission" && e.UserId == p.Steward.UserId && e.EntityId == organization.ToString());
        (await (await app.SignedInAsync(other.Steward)).ReadPageAsync($"/partnerships/{other.Id}/audit")).ShouldContain("organization.profile-changed");
    }
}
