using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Meetings;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class MeetingScheduleTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Today_is_the_next_meeting_of_a_series_until_todays_meeting_is_recorded()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Manager).BuildAsync();
        var (before, after) = await app.ActingAsAsync(p.Steward, async services =>
        {
            var meetings = services.GetRequiredService<MeetingsWork>();
            var series = await meetings.CreateSeriesAsync(p.Id, new SeriesInput("Joint meeting", "every-two-weeks", TestClock.Day(-14), "08:30", "60", "hybrid"));
            series.Succeeded.ShouldBeTrue(series.FirstError);
            var before = (await meetings.GetAsync(p.Id))!.Series.Single().Upcoming;
            (await meetings.CreateMeetingAsync(p.Id, new MeetingInput("Joint meeting", TestClock.Day(0), "hybrid", series.Value.ToString(), ""))).Succeeded.ShouldBeTrue();
            return (before, (await meetings.GetAsync(p.Id))!.Series.Single().Upcoming);
        });

        before[0].ShouldBe(TestClock.Today);
        after[0].ShouldBe(TestClock.Today.AddDays(14), "a meeting held today is not the next one");
    }
}
