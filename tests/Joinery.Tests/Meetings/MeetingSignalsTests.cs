using Joinery.Core.Health;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Meetings;

/// <summary>The attendance signal counts only meetings whose attendance is recorded.</summary>
[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class MeetingSignalsTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private async Task MeetAsync(SeededPartnership p, int daysAgo, params Person[] present)
    {
        var created = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<MeetingsWork>().CreateMeetingAsync(p.Id,
            new MeetingInput($"Joint meeting {daysAgo}", TestClock.Day(-daysAgo), "face-to-face", null, "", Attendees: present.Select(m => m.UserId.ToString()).ToList())));
        created.Succeeded.ShouldBeTrue(created.FirstError);
    }

    private Task<IReadOnlyList<HealthSignal>> SignalsAsync(SeededPartnership p) =>
        app.ActingAsAsync(p.Steward, async services => (await services.GetRequiredService<PartnershipHealth>().SignalsAsync(p.Id))!);

    [Fact]
    public async Task A_meeting_without_recorded_attendance_is_not_counted_as_missed_but_recorded_absences_are()
    {
        var p = await app.APartnership()
            .With(MemberRole.Steward, MemberLevel.Executive)
            .With(MemberRole.Planner, MemberLevel.Executive, partner: 1)
            .BuildAsync();
        var primaryCare = p.First(MemberRole.Planner);
        await MeetAsync(p, 60, p.Steward, primaryCare);
        await MeetAsync(p, 30, p.Steward, primaryCare);
        await MeetAsync(p, 14, p.Steward, primaryCare);

        await MeetAsync(p, 7);
        await MeetAsync(p, 0);
        var unrecorded = await SignalsAsync(p);

        await MeetAsync(p, 3, p.Steward);
        await MeetAsync(p, 2, p.Steward);
        var missed = await SignalsAsync(p);

        unrecorded.ShouldNotContain(s => s.Code == "attendance-falling", "a meeting just held or not yet written up is no absence");
        missed.Single(s => s.Code == "attendance-falling").Message.ShouldEndWith(" attended 1 of the last 3 joint meetings.");
    }
}
