using Joinery.Core.Formalize;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Formalize;

[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class FormalizeDemoTests(SharedCliSession shared)
{
    private readonly CliSession _cli = shared.Cli;

    [Fact]
    public async Task The_demo_has_services_costs_and_an_mou_in_review_a_signed_baa_and_a_draft_qsoa()
    {
        var partnershipId = Guid.Parse((await _cli.RunAsync("demo", "seed")).ShouldSucceed().OutLines[^1]);

        await using var scope = _cli.Host.Scope();
        var services = (await scope.ServiceProvider.GetRequiredService<ServicesWork>().ListAsync(partnershipId)).ShouldNotBeNull();
        var finances = (await scope.ServiceProvider.GetRequiredService<FinancesWork>().GetAsync(partnershipId)).ShouldNotBeNull();
        var register = (await scope.ServiceProvider.GetRequiredService<ShowAgreementsRegister>().RunAsync(partnershipId)).ShouldNotBeNull();
        var signals = (await scope.ServiceProvider.GetRequiredService<PartnershipHealth>().SignalsAsync(partnershipId)).ShouldNotBeNull();
        var roadmap = (await scope.ServiceProvider.GetRequiredService<ComputeRoadmap>().RunAsync(partnershipId)).ShouldNotBeNull();

        services.Services.Count.ShouldBe(3);
        services.Services.ShouldContain(s => s.Scope == HrsaScope.Contract && s.DeliveredById != s.BilledById);
        services.Services.ShouldContain(s => s.InvolvesPart2);
        services.Services.ShouldContain(s => s.AssociateFunction == AssociateFunction.RegistryHosting);
        finances.Items.Count.ShouldBeGreaterThanOrEqualTo(3);
        finances.Totals.ShouldAllBe(t => t.Total > 0);
        var mou = register.Agreements.Single(a => a.Type == AgreementType.Mou);
        mou.Status.ShouldBe(AgreementStatus.InReview);
        mou.ChecklistDone.ShouldBeInRange(1, mou.ChecklistTotal - 1);
        register.Agreements.Single(a => a.Type == AgreementType.Baa).Status.ShouldBe(AgreementStatus.Signed);
        register.Agreements.Single(a => a.Type == AgreementType.Qsoa).Status.ShouldBe(AgreementStatus.Draft);
        register.Required.Select(r => r.Type).ShouldBe([AgreementType.Mou, AgreementType.Qsoa, AgreementType.Baa]);
        signals.ShouldContain(s => s.Code == "part2-without-terms");
        roadmap.Phases.Single(g => g.Phase == Phase.Formalize).Criteria.Single().Status.ShouldBe(CriterionStatus.NotMet);
    }
}
