using System.Text.Json;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Cli;

[Trait(TestClock.Trait, TestClock.Dated)]
public class DemoSeedCommandTests : IAsyncLifetime
{
    private CliSession _cli = null!;

    public async Task InitializeAsync() => _cli = await CliSession.StartAsync();

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    private sealed record Counts(int Organizations, int Users, int Partnerships, int Memberships, int PhaseChanges, int AuditEntries);

    private async Task<Counts> CountAsync()
    {
        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        return new Counts(await db.Organizations.CountAsync(), await db.Users.CountAsync(), await db.Partnerships.CountAsync(),
            await db.Memberships.CountAsync(), await db.PhaseChanges.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Seed_creates_the_walkthrough_partnership_with_a_dozen_members_and_a_small_closing_one()
    {
        var result = (await _cli.RunAsync("demo", "seed")).ShouldSucceed();

        var counts = await CountAsync();
        counts.Organizations.ShouldBe(3, "the two partners of the walkthrough and the practice of the closing partnership");
        counts.Memberships.ShouldBe(14, "twelve in the walkthrough, two in the closing partnership");
        counts.Users.ShouldBe(14, "twelve members, the closing practice's steward and the site administrator");
        counts.Partnerships.ShouldBe(2);
        result.Out.ShouldContain("admin@joinery.example");
        // Both partnerships by name, where to sign in, and what each account shows off; no bare id.
        result.Out.ShouldContain("  Riverbend–Eastside Whole Health Partnership (plan phase)");
        result.Out.ShouldContain("  Riverbend–Hillcrest School Health Partnership (close phase)");
        result.Out.ShouldContain("Open http://127.0.0.1:5080/ while the app runs");
        result.Out.ShouldContain("shows the partner's executive: a decision waiting for her sign-off");
        result.OutLines.Where(l => Guid.TryParse(l, out var _)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Seeded_partnership_is_in_plan_with_every_level_and_a_champion_in_both_organizations()
    {
        var partnershipId = await _cli.SeedDemoAsync();

        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var partnership = await db.Partnerships.SingleAsync(p => p.Name == Joinery.Core.Demo.SeedDemo.PartnershipName);
        partnership.Id.ShouldBe(partnershipId);
        partnership.Phase.ShouldBe(Phase.Plan);
        var members = await db.ListMembersAsync(partnershipId);
        var byOrganization = members.GroupBy(m => m.OrganizationName).ToList();
        byOrganization.Count.ShouldBe(2);
        foreach (var organization in byOrganization)
        {
            organization.Select(m => m.Level).Distinct().ShouldBe(Enum.GetValues<MemberLevel>(), ignoreOrder: true, organization.Key);
            organization.ShouldContain(m => m.IsChampion, organization.Key);
            organization.ShouldContain(m => m.Role == MemberRole.Steward, organization.Key);
        }
        var roadmap = await scope.ServiceProvider.GetRequiredService<ComputeRoadmap>().RunAsync(partnershipId);
        roadmap!.CurrentGate.Criteria.Single(c => c.Code == "champions-named").Status.ShouldBe(CriterionStatus.Met);
    }

    [Fact]
    public async Task Seed_again_changes_nothing()
    {
        var first = (await _cli.RunAsync("demo", "seed")).ShouldSucceed();
        var before = await CountAsync();

        var second = (await _cli.RunAsync("demo", "seed")).ShouldSucceed();

        (await CountAsync()).ShouldBe(before);
        second.OutLines[0].ShouldBe("The demo was already there; nothing changed.");
        second.OutLines.Skip(1).ShouldBe(first.OutLines.Skip(1));
    }

    [Fact]
    public async Task Seed_leaves_an_intact_audit_trail()
    {
        (await _cli.RunAsync("demo", "seed")).ShouldSucceed();
        (await _cli.RunAsync("demo", "seed")).ShouldSucceed();

        var verify = (await _cli.RunAsync("audit", "verify")).ShouldSucceed();

        verify.OutLines.ShouldBe([$"Audit trail intact: {(await CountAsync()).AuditEntries} entries."]);
    }

    [Fact]
    public async Task Seed_with_json_prints_the_partnership_and_the_accounts()
    {
        var result = (await _cli.RunAsync("demo", "seed", "--json")).ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("partnershipId").GetGuid();
        json.RootElement.GetProperty("accounts").GetArrayLength().ShouldBe(13);
        await using var scope = _cli.Host.Scope();
        (await scope.ServiceProvider.GetRequiredService<JoineryDb>().Partnerships.SingleAsync(p => p.Name == Joinery.Core.Demo.SeedDemo.PartnershipName)).Id.ShouldBe(id);
    }

    [Fact]
    public async Task Seed_with_scale_adds_numbered_partnerships_with_two_years_of_data_and_running_it_again_adds_only_the_missing()
    {
        (await _cli.RunAsync("demo", "seed", "--scale", "2")).ShouldSucceed().Out.ShouldContain("Created 2 scale partnerships");
        var again = (await _cli.RunAsync("demo", "seed", "--scale", "3")).ShouldSucceed();

        again.Out.ShouldContain("Created 1 scale partnership in");
        again.Out.ShouldContain("2 were already there");
        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        db.Tenancy.ActAcrossPartnerships();
        var scale = await db.Partnerships.Where(p => p.Name.StartsWith("Scale partnership ")).Select(p => p.Id).ToListAsync();
        scale.Count.ShouldBe(3);
        (await db.Memberships.CountAsync(m => scale.Contains(m.PartnershipId))).ShouldBe(36);
        (await db.Set<Joinery.Core.Meetings.Meeting>().CountAsync(m => scale.Contains(m.PartnershipId))).ShouldBe(72);
        var points = await db.Set<Joinery.Core.Measures.MeasurePoint>().Where(p => p.PartnershipId == scale[0]).GroupBy(p => p.MeasureId).Select(g => g.Count()).ToListAsync();
        points.Max().ShouldBe(24, "two years of monthly data");
        (await db.Partnerships.CountAsync(p => p.Name == Joinery.Core.Demo.SeedDemo.PartnershipName)).ShouldBe(1, "the walkthrough partnership comes too");
    }

    [Fact]
    public async Task Seed_with_a_scale_out_of_range_is_refused_and_creates_nothing()
    {
        var result = await _cli.RunAsync("demo", "seed", "--scale", "0");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("--scale must be between 1 and 5000");
        (await CountAsync()).Partnerships.ShouldBe(0);
    }
}
