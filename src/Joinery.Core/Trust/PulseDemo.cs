using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Trust;

/// <summary>
/// Step 6: two closed pulse rounds, so the trend has a line: the first answered by nine members
/// (Eastside's three under five, so held back), the second by eleven of the twelve (both partners
/// shown; every level under five, so suppressed) with three comments, a little better than the
/// first; and an open round three have answered.
/// </summary>
public sealed class PulseDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<PulseRound>().AnyAsync(r => r.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        Task<OpenedRound> Open(User steward, DateTimeOffset at) =>
            act.AsAsync(steward, at, s => s.GetRequiredService<PulseWork>().OpenRoundAsync(id, cancellationToken), cancellationToken);

        // Early days: people know the mission and trust their own counterparts, but have seen few
        // results yet; Eastside stumbles more over Riverbend's words; frontline staff have met less.
        Task<int> Answer(Guid round, int person, int shift, DateTimeOffset at, string? comment = null)
        {
            var (_, _, org, _, level, _, _, _) = People[person];
            var answers = PulseCatalog.Items.Select((item, i) => new PulseAnswerInput(item.Id, Math.Clamp(4 + shift + ((person + i) % 4 == 0 ? -1 : 0)
                + item.Id switch
                {
                    "outcomes-visible" or "expectations-known" => -1,
                    "language-understood" when org == Pc => -1,
                    "trust-met" when level == MemberLevel.Frontline => -2,
                    "voice-safe" when level == MemberLevel.Executive => 1,
                    _ => 0,
                }, 1, 5))).ToList();
            return act.AsAsync(U(person), at, s => s.GetRequiredService<PulseWork>().SubmitAsync(id, round, new PulseSubmission(answers, comment), cancellationToken),
                cancellationToken);
        }
        var comments = new Dictionary<int, string>
        {
            [4] = "The kick-off at Eastside was the first time I met anyone from the other clinic. More of that, please.",
            [7] = "I still do not know what we will measure to show the partnership works.",
            [10] = "Meetings are at 8:30, before the front desk can get away.",
        };
        var earliest = await Open(U(0), now.AddDays(-50));
        foreach (var person in new[] { 0, 1, 2, 3, 4, 5, 6, 8, 9 })
        {
            await Answer(earliest.Id, person, person % 3 == 0 ? -1 : 0, now.AddDays(-49).AddHours(person));
        }
        await act.AsAsync(U(6), now.AddDays(-42), s => s.GetRequiredService<PulseWork>().CloseRoundAsync(id, earliest.Id, cancellationToken), cancellationToken);

        var first = await Open(U(0), now.AddDays(-35));
        foreach (var person in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            await Answer(first.Id, person, person % 5 == 3 ? -1 : 0, now.AddDays(-34 + person), comments.GetValueOrDefault(person));
        }
        await act.AsAsync(U(6), now.AddDays(-21), s => s.GetRequiredService<PulseWork>().CloseRoundAsync(id, first.Id, cancellationToken), cancellationToken);

        var open = await Open(U(6), now.AddDays(-3));
        foreach (var person in new[] { 2, 8, 10 })
        {
            await Answer(open.Id, person, 0, now.AddDays(-2).AddHours(person));
        }
    }
}
