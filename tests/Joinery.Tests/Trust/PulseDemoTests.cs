using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Trust;

[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class PulseDemoTests(SharedCliSession shared)
{
    private readonly CliSession _cli = shared.Cli;

    [Fact]
    public async Task The_demo_has_two_closed_rounds_the_second_showing_both_partners_but_no_level_and_an_open_round()
    {
        var id = await _cli.SeedDemoAsync();
        (await _cli.RunAsync("demo", "seed")).ShouldSucceed();

        await using var scope = _cli.Host.Scope();
        var pulse = scope.ServiceProvider.GetRequiredService<PulseWork>();
        var overview = (await pulse.OverviewAsync(id))!;
        var closed = (await pulse.ResultsAsync(id, overview.Rounds.Single(r => r.Number == 2).Id))!;
        var steps = (await scope.ServiceProvider.GetRequiredService<ComputeRoadmap>().RunAsync(id))!.Steps;
        var contact = (await scope.ServiceProvider.GetRequiredService<TrustWork>().FaceToFaceAsync(id))!;

        overview.Rounds.Select(r => (r.Number, r.Status, r.Respondents)).ShouldBe([(1, PulseRoundStatus.Closed, 9), (2, PulseRoundStatus.Closed, 11), (3, PulseRoundStatus.Open, 3)], ignoreOrder: true);
        closed.Groups.Where(g => g.Kind == GroupKind.Organization).ShouldAllBe(g => !g.Suppressed && g.N >= PulseAggregation.MinimumGroup);
        closed.Groups.Where(g => g.Kind == GroupKind.Level).ShouldAllBe(g => g.Suppressed);
        closed.Comments!.Count.ShouldBe(3);
        (await scope.ServiceProvider.GetRequiredService<JoineryDb>().Set<PulseAnswer>().CountAsync()).ShouldBe(23 * PulseCatalog.Items.Count, "seeding twice adds nothing");
        contact.LastCrossPartnerBelowExecutive.ShouldNotBeNull();
        steps[5].Status.ShouldBe(StepStatus.Done);
    }
}
