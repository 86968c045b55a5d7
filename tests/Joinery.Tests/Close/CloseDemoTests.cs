using Joinery.Core.Close;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Close;

[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class CloseDemoTests(SharedCliSession shared)
{
    private readonly CliSession _cli = shared.Cli;

    [Fact]
    public async Task The_demo_has_a_closing_partnership_with_one_transition_done_one_overdue_and_its_mou_still_running()
    {
        (await _cli.RunAsync("demo", "seed")).ShouldSucceed();
        (await _cli.RunAsync("demo", "seed")).ShouldSucceed();

        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.JoineryDb>();
        db.Tenancy.ActAcrossPartnerships();
        var closing = await db.Partnerships.Where(p => p.Name == Joinery.Core.Close.ClosingDemo.ClosingPartnershipName).ToListAsync();
        var id = closing.ShouldHaveSingleItem("seeding twice adds it once").Id;
        var view = (await scope.ServiceProvider.GetRequiredService<CloseWork>().GetAsync(id)).ShouldNotBeNull();
        var signals = (await scope.ServiceProvider.GetRequiredService<PartnershipHealth>().SignalsAsync(id)).ShouldNotBeNull();

        closing[0].Phase.ShouldBe(Phase.Close);
        view.Reason.ShouldStartWith("Hillcrest joined a health system");
        view.Transitions.Select(t => t.Progress).ShouldBe([TransitionProgress.Planned, TransitionProgress.Complete], ignoreOrder: true);
        view.Transitions.Single(t => t.InvolvesPart2).Overdue.ShouldBeTrue();
        view.Criteria.Select(c => c.Status).ShouldBe([CriterionStatus.NotMet, CriterionStatus.NotMet]);
        view.ReadyToArchive.ShouldBeFalse();
        signals.Select(s => s.Code).ShouldContain("close-transition-overdue");
        (await db.Memberships.CountAsync(m => m.PartnershipId == id)).ShouldBe(2);
    }
}
