using Joinery.Core.Partnerships;
using Joinery.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Partnerships;

/// <remarks>
/// The cases share one database and the organizations and people arranged once in it; each case
/// gets a new partnership of its own (a roadmap is computed for one partnership only).
/// </remarks>
public class ComputeRoadmapTests(ComputeRoadmapTests.People people) : IClassFixture<ComputeRoadmapTests.People>, IAsyncLifetime
{
    /// <summary>Two organizations and three people, in a database the class's cases share.</summary>
    public sealed class People : IAsyncLifetime
    {
        public CoreHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await CoreHost.StartAsync();
            await using var scope = Host.Scope();
            var services = scope.ServiceProvider;
            await services.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
            await services.OrganizationAsync("Eastside Health Center", "primary-care");
            await services.UserAsync("dana@riverbend.example", "Dana Whitfield", "Riverbend Behavioral Health");
            await services.UserAsync("sam@riverbend.example", "Sam Keller", "Riverbend Behavioral Health");
            await services.UserAsync("grace@eastside.example", "Grace Holloway", "Eastside Health Center");
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private readonly CoreHost _host = people.Host;
    private Guid _partnershipId;

    public async Task InitializeAsync()
    {
        await using var scope = _host.Scope();
        _partnershipId = await scope.ServiceProvider.PartnershipAsync($"Whole Health {_host.Unique()}", "Riverbend Behavioral Health", "Eastside Health Center");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<RoadmapView> RoadmapAsync()
    {
        await using var scope = _host.Scope();
        var roadmap = await scope.ServiceProvider.GetRequiredService<ComputeRoadmap>().RunAsync(_partnershipId);
        roadmap.ShouldNotBeNull();
        return roadmap;
    }

    private static Criterion ChampionsNamed(RoadmapView roadmap) =>
        roadmap.Phases.Single(p => p.Phase == Phase.Plan).Criteria.Single(c => c.Code == "champions-named");

    [Fact]
    public async Task Champions_are_not_named_while_no_partner_has_one()
    {
        await using (var scope = _host.Scope())
        {
            await scope.ServiceProvider.MemberAsync(_partnershipId, "dana@riverbend.example", "steward", "executive");
        }

        var criterion = ChampionsNamed(await RoadmapAsync());

        criterion.Status.ShouldBe(CriterionStatus.NotMet);
        criterion.Evidence.ShouldStartWith("No champion yet in ");
        criterion.Evidence.ShouldContain("Riverbend Behavioral Health");
        criterion.Evidence.ShouldContain("Eastside Health Center");
    }

    [Fact]
    public async Task Champions_are_not_named_while_one_partner_still_lacks_one()
    {
        await using (var scope = _host.Scope())
        {
            await scope.ServiceProvider.MemberAsync(_partnershipId, "sam@riverbend.example", "clinician", "frontline", champion: true);
            await scope.ServiceProvider.MemberAsync(_partnershipId, "grace@eastside.example", "steward", "executive");
        }

        var criterion = ChampionsNamed(await RoadmapAsync());

        criterion.Status.ShouldBe(CriterionStatus.NotMet);
        criterion.Evidence.ShouldBe("No champion yet in Eastside Health Center.");
    }

    [Fact]
    public async Task Champions_are_named_once_every_partner_has_one()
    {
        await using (var scope = _host.Scope())
        {
            await scope.ServiceProvider.MemberAsync(_partnershipId, "sam@riverbend.example", "clinician", "frontline", champion: true);
            await scope.ServiceProvider.MemberAsync(_partnershipId, "grace@eastside.example", "steward", "executive", champion: true);
        }

        var criterion = ChampionsNamed(await RoadmapAsync());

        criterion.Status.ShouldBe(CriterionStatus.Met);
        criterion.Evidence.ShouldBe("2 champions across 2 partners.");
    }

    [Fact]
    public async Task Empowerment_step_names_the_partner_without_a_frontline_champion()
    {
        await using (var scope = _host.Scope())
        {
            await scope.ServiceProvider.MemberAsync(_partnershipId, "sam@riverbend.example", "clinician", "frontline", champion: true);
            await scope.ServiceProvider.MemberAsync(_partnershipId, "grace@eastside.example", "steward", "executive", champion: true);
        }

        var roadmap = await RoadmapAsync();

        roadmap.Steps[0].Status.ShouldBe(StepStatus.InProgress);
        roadmap.Steps[6].Title.ShouldBe("Create empowerment");
        roadmap.Steps[6].Status.ShouldBe(StepStatus.InProgress);
        roadmap.Steps[6].Evidence.ShouldBe("No frontline champion yet in Eastside Health Center.");
    }

    [Fact]
    public async Task A_new_partnership_is_exploring_with_every_step_not_started()
    {
        var roadmap = await RoadmapAsync();

        roadmap.Current.ShouldBe(Phase.Explore);
        roadmap.CurrentGate.IsCurrent.ShouldBeTrue();
        roadmap.CurrentGate.IsMet.ShouldBeFalse();
        roadmap.Phases.Select(p => p.Phase).ShouldBe(Enum.GetValues<Phase>());
        roadmap.Steps.Count.ShouldBe(8);
        roadmap.Steps.ShouldAllBe(s => s.Status == StepStatus.NotStarted);
    }

    [Fact]
    public async Task The_roadmap_of_a_partnership_outside_the_tenancy_is_not_there()
    {
        await using var scope = _host.ScopeAs(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var roadmap = await scope.ServiceProvider.GetRequiredService<ComputeRoadmap>().RunAsync(_partnershipId);

        roadmap.ShouldBeNull();
    }
}
