using Joinery.Core.Health;
using Joinery.Core.Launch;
using Joinery.Core.Partnerships;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Launch;

[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class LaunchDemoTests(SharedCliSession shared)
{
    private readonly CliSession _cli = shared.Cli;

    [Fact]
    public async Task The_demo_has_a_start_date_ahead_a_partly_done_checklist_one_go_and_milestones_with_a_celebration()
    {
        var partnershipId = await _cli.SeedDemoAsync();

        await using var scope = _cli.Host.Scope();
        var launch = (await scope.ServiceProvider.GetRequiredService<LaunchWork>().GetAsync(partnershipId)).ShouldNotBeNull();
        var milestones = (await scope.ServiceProvider.GetRequiredService<MilestonesWork>().GetAsync(partnershipId)).ShouldNotBeNull();
        var roadmap = (await scope.ServiceProvider.GetRequiredService<ComputeRoadmap>().RunAsync(partnershipId)).ShouldNotBeNull();
        var signals = (await scope.ServiceProvider.GetRequiredService<PartnershipHealth>().SignalsAsync(partnershipId)).ShouldNotBeNull();

        var today = TestClock.Today;
        launch.StartDate.ShouldNotBeNull().DayNumber.ShouldBeInRange(today.DayNumber + 14, today.DayNumber + 35);
        launch.Checklist.Count.ShouldBe(LaunchWork.StandardItems.Count);
        launch.Checklist.ShouldAllBe(i => i.Owner != null);
        launch.Checklist.Count(i => i.DoneOn != null).ShouldBeInRange(1, launch.Checklist.Count - 1);
        launch.Training.ShouldContain(t => t.CompletedOn == null);
        launch.Training.ShouldContain(t => t.MemberUserId == null, "a staff member who does not use Joinery");
        launch.ReferralSources.ShouldContain(s => s.ToldOn == null);
        launch.ReferralSources.ShouldContain(s => s.ToldOn != null);
        launch.Decisions.Count(d => d.Go == true).ShouldBe(1);
        launch.Decision.ShouldBe(LaunchDecision.Pending);
        milestones.Milestones.Count.ShouldBe(MilestonesWork.Natural.Count);
        milestones.Milestones.ShouldContain(m => m.Code == "first-joint-meeting" && m.AchievedFromData);
        milestones.Milestones.ShouldContain(m => m.Code == "mission-endorsed" && m.AchievedFromData);
        milestones.LatestCelebrations(3).Count.ShouldBe(1);
        var prepare = roadmap.Phases.Single(g => g.Phase == Phase.Prepare).Criteria;
        prepare.Single(c => c.Code == "readiness-checklist").Status.ShouldBe(CriterionStatus.NotMet);
        prepare.Single(c => c.Code == "go-no-go").Status.ShouldBe(CriterionStatus.NotMet);
        signals.ShouldContain(s => s.Code == "launch-training-incomplete");
        signals.ShouldContain(s => s.Code == "launch-sources-not-told");
    }
}
