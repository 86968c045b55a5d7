using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Demo;
using Joinery.Core.Formalize;
using Joinery.Core.Health;
using Joinery.Core.Launch;
using Joinery.Core.Partnerships;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
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
        var partnershipId = await _cli.SeedDemoAsync();

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

    [Fact]
    public async Task The_demo_records_the_agreements_through_the_use_cases_as_the_people_who_would_at_the_time_they_would()
    {
        var partnershipId = await _cli.SeedDemoAsync();

        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var priya = await db.Users.SingleAsync(u => u.Email == "priya.natarajan@riverbend.example");
        var created = await db.AuditEntries.AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.Action == "agreement.created").ToListAsync();
        var reviews = await db.AuditEntries.AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.Action == "agreement-element-check.created").ToListAsync();
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);

        created.Count.ShouldBe(3);
        created.ShouldAllBe(a => a.UserId == priya.Id && a.Door == Door.Cli);
        created.ShouldAllBe(a => DateOnly.FromDateTime(a.At.UtcDateTime) == today.AddDays(-10));
        reviews.Select(r => r.UserId).Distinct().Count().ShouldBe(2, "two reviewers took turns on the MOU's checklist");
        (await db.Set<AgreementElementCheck>().AsNoTracking().Where(c => c.PartnershipId == partnershipId).Select(c => c.ReviewedAt).ToListAsync())
            .ShouldAllBe(at => at < db.Now.AddDays(-1));
    }

    [Fact]
    public async Task The_demo_consultant_is_riverbends_contribution_paid_by_eastside_from_the_launch_and_counted_once()
    {
        var partnershipId = await _cli.SeedDemoAsync();

        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var finances = (await scope.ServiceProvider.GetRequiredService<FinancesWork>().GetAsync(partnershipId)).ShouldNotBeNull();
        var launch = (await scope.ServiceProvider.GetRequiredService<LaunchWork>().GetAsync(partnershipId)).ShouldNotBeNull().StartDate.ShouldNotBeNull();
        var paid = finances.Items.Single(i => i.PaysFor is not null);
        var consultant = await db.Set<Contribution>().AsNoTracking().SingleAsync(c => c.Id == paid.PaysFor!.ContributionId);
        var riverbend = finances.Totals.Single(t => t.OrganizationName == DemoCast.Bh);
        var eastside = finances.Totals.Single(t => t.OrganizationName == DemoCast.Pc);

        paid.OrganizationName.ShouldBe(DemoCast.Pc);
        paid.PaysFor!.OrganizationName.ShouldBe(DemoCast.Bh);
        consultant.Kind.ShouldBe(ContributionKind.StaffFte);
        consultant.PeriodStart.ShouldBe(launch, "the consultant is lent for the service, which starts on the launch date");
        paid.FromMonth.ShouldBe(new DateOnly(launch.Year, launch.Month, 1));
        riverbend.ContributionsPaidByCosts.ShouldBe(38_000m);
        riverbend.Total.ShouldBe(7_599.99m, "training and laptop 3,099.99 plus the shelving 4,500; the consultant counts as Eastside's cost");
        eastside.Total.ShouldBe(70_800m, "the consultant's contract 37,800 and the licence 2,400 a year, plus space and nurse time 30,600");
    }
}
