using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Launch;
using Joinery.Core.Measures;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Measures;

[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class MeasuresDemoTests(SharedCliSession shared)
{
    private readonly CliSession _cli = shared.Cli;

    [Fact]
    public async Task No_improvement_before_the_launch_is_credited_to_the_consultant_who_starts_with_it()
    {
        var partnershipId = await _cli.SeedDemoAsync();

        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var launch = (await scope.ServiceProvider.GetRequiredService<LaunchWork>().GetAsync(partnershipId))!.StartDate!.Value;
        var consultantFrom = await db.Set<Contribution>().AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Description.Contains("consultant") && c.Kind == ContributionKind.StaffFte).Select(c => c.PeriodStart).SingleAsync();
        var cycles = await db.Set<ImprovementCycle>().AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync();

        launch.ShouldBeGreaterThan(DateOnly.FromDateTime(db.Now.UtcDateTime));
        consultantFrom.ShouldBe(launch);
        cycles.ShouldNotBeEmpty();
        cycles.Where(c => c.StartedOn < launch).ShouldAllBe(c => !(c.Title + " " + c.Plan + " " + c.Do + " " + c.Study).Contains("consultant", StringComparison.OrdinalIgnoreCase));
    }
}
