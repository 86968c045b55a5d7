using Joinery.Core.Common;
using Microsoft.Extensions.Configuration;

namespace Joinery.Tests.Common;

public sealed class ClockTests
{
    private static TimeProvider From(string? today) =>
        Clock.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Clock.TodayKey] = today }).Build());

    [Fact]
    public void Without_clock_today_the_app_runs_on_the_system_clock()
    {
        From(null).ShouldBeSameAs(TimeProvider.System);
        From(" ").ShouldBeSameAs(TimeProvider.System);
    }

    [Fact]
    public async Task Clock_today_starts_the_app_at_nine_that_day_and_time_moves_on()
    {
        var clock = From("2024-02-29");

        var first = clock.GetUtcNow();
        await Task.Delay(20);
        var later = clock.GetUtcNow();

        first.ShouldBe(new DateTimeOffset(2024, 2, 29, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(5));
        later.ShouldBeGreaterThan(first);
    }

    [Fact]
    public void Clock_today_may_name_a_moment_with_its_offset()
    {
        Clock.Parse("2026-03-16T14:30:00+02:00").ShouldBe(new DateTimeOffset(2026, 3, 16, 12, 30, 0, TimeSpan.Zero));
        Clock.Parse("2026-03-16T23:59:00Z").ShouldBe(new DateTimeOffset(2026, 3, 16, 23, 59, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("16/03/2026")]
    [InlineData("2026-02-30")]
    [InlineData("tomorrow")]
    [InlineData("2026-03-16T09:00")]
    public void A_clock_today_that_is_not_a_date_is_refused_in_one_line_naming_the_key(string today)
    {
        var error = Should.Throw<InvalidOperationException>(() => From(today));

        error.Message.ShouldStartWith("Clock:Today must be a date as yyyy-MM-dd");
        error.Message.ShouldEndWith($"not '{today}'.");
        error.Message.ShouldNotContain('\n');
    }
}
