using Joinery.Core.Expectations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Expectations;

[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class ExpectationsDemoTests(SharedCliSession shared)
{
    private readonly CliSession _cli = shared.Cli;

    [Fact]
    public async Task The_demo_shows_both_lists_an_unresolved_conflict_and_agreed_expectations_linked_to_its_measures()
    {
        var partnershipId = await _cli.SeedDemoAsync();

        await using var scope = _cli.Host.Scope();
        var view = (await scope.ServiceProvider.GetRequiredService<ShowExpectations>().RunAsync(partnershipId)).ShouldNotBeNull();
        var facts = (await scope.ServiceProvider.GetRequiredService<CheckExpectationsHealth>().RunAsync(partnershipId)).ShouldNotBeNull();
        var roadmap = (await scope.ServiceProvider.GetRequiredService<ComputeRoadmap>().RunAsync(partnershipId)).ShouldNotBeNull();

        view.Revealed.ShouldBeTrue();
        view.Partners.ShouldAllBe(p => p.Submitted && p.ItemCount > 0);
        view.Pairs.Count(p => p.Relation == ExpectationRelation.Conflicting).ShouldBe(1);
        view.Agreed.Count.ShouldBeInRange(2, 3);
        view.Agreed.ShouldAllBe(a => a.MeasureId != null);
        facts.ConflictsWithoutAgreement.Count.ShouldBe(1);
        roadmap.CurrentGate.Criteria.Single(c => c.Code == "expectations-agreed").Status.ShouldBe(CriterionStatus.Met);
    }
}
