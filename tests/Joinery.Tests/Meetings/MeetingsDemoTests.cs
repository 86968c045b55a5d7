using Joinery.Core.Data;
using Joinery.Core.Meetings;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Meetings;

/// <summary>The demo's meetings and action items tell the same story as the rest of the demo.</summary>
[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class MeetingsDemoTests(SharedCliSession shared)
{
    private readonly CliSession _cli = shared.Cli;

    [Fact]
    public async Task The_meeting_held_today_is_not_listed_as_next_and_the_expectations_actions_were_done_when_the_lists_were_submitted()
    {
        var partnershipId = await _cli.SeedDemoAsync();

        await using var scope = _cli.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var view = (await scope.ServiceProvider.GetRequiredService<MeetingsWork>().GetAsync(partnershipId)).ShouldNotBeNull();
        var writing = await db.Set<ActionItem>().AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.Title.Contains("expected results")).ToListAsync();
        var submitted = await db.Set<Joinery.Core.Expectations.ExpectationSubmission>().AsNoTracking().Where(s => s.PartnershipId == partnershipId).Select(s => s.SubmittedAt).ToListAsync();

        view.Meetings.ShouldContain(m => m.Date == today, "the demo holds a meeting today");
        view.Series.Single().Upcoming.ShouldAllBe(d => d > today, "a meeting held today is not the next one");
        writing.Count.ShouldBe(2);
        writing.ShouldAllBe(a => a.Status == ActionStatus.Done);
        submitted.Count.ShouldBe(2, "both lists were submitted");
        writing.ShouldAllBe(a => a.CompletedAt!.Value <= submitted.Max());
    }
}
