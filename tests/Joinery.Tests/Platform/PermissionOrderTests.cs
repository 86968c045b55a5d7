using System.Net;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;

namespace Joinery.Tests.Platform;

/// <summary>
/// One rule for every operation: someone who is not a member learns nothing (404), a member without
/// the right is told so (403) whether or not the record they name exists, and only then does a
/// missing record answer 404.
/// </summary>
public sealed class PermissionOrderTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task A_viewer_refused_a_change_on_a_real_record_is_refused_the_same_on_an_unknown_one_and_an_outsider_gets_404()
    {
        var victim = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Manager, partner: 1)
            .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1).BuildAsync();
        var records = await new WorkspaceWalk(app).RecordsAsync(victim);
        var unknown = records.ToDictionary(r => r.Key, r => Guid.TryParse(r.Value, out _) && r.Key != "id" ? Guid.NewGuid().ToString() : r.Value);
        var viewer = await app.ApiAsync(victim.First(MemberRole.Viewer));
        var outsider = await app.ApiAsync((await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync()).Steward);
        var checkedRoutes = 0;
        var lookedUpFirst = new List<string>();
        var toldOutsider = new List<string>();

        foreach (var route in WorkspaceWalk.PartnershipApiRoutes(app).Where(WorkspaceWalk.NamesRecords))
        {
            foreach (var method in route.Methods.Where(m => m != "GET"))
            {
                var name = $"{method} {route.Template}";
                var onReal = await viewer.SendAsync(WorkspaceWalk.Request(method, route.Template, victim.Id, records));
                var onUnknown = await viewer.SendAsync(WorkspaceWalk.Request(method, route.Template, victim.Id, unknown));
                if (onReal.StatusCode == HttpStatusCode.Forbidden)
                {
                    checkedRoutes++;
                    if (onUnknown.StatusCode != HttpStatusCode.Forbidden)
                    {
                        lookedUpFirst.Add($"{name} ({(int)onUnknown.StatusCode})");
                    }
                }
                var byOutsider = await outsider.SendAsync(WorkspaceWalk.Request(method, route.Template, victim.Id, records));
                if (byOutsider.StatusCode != HttpStatusCode.NotFound)
                {
                    toldOutsider.Add($"{name} ({(int)byOutsider.StatusCode})");
                }
            }
        }

        lookedUpFirst.ShouldBeEmpty("permission is checked before the record is looked up");
        toldOutsider.ShouldBeEmpty("a non-member learns nothing");
        checkedRoutes.ShouldBeGreaterThan(20, "most changes naming a record are refused to viewers");
    }
}
