using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Trust;

/// <summary>
/// Step 6: a closed pulse round answered by eleven of the twelve members (both partners shown;
/// every level under five, so suppressed) with three comments, and an open round three have answered.
/// </summary>
public sealed class PulseDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<PulseRound>().AnyAsync(r => r.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        var first = new PulseRound
        {
            PartnershipId = partnershipId,
            Number = 1,
            OpenedAt = db.Now.AddDays(-35),
            OpenedByUserId = U(0).Id,
            ClosedAt = db.Now.AddDays(-21),
            ClosedByUserId = U(6).Id,
        };
        var second = new PulseRound { PartnershipId = partnershipId, Number = 2, OpenedAt = db.Now.AddDays(-3), OpenedByUserId = U(6).Id };
        db.Set<PulseRound>().AddRange(first, second);
        // Early days: people know the mission and trust their own counterparts, but have seen few
        // results yet; Eastside stumbles more over Riverbend's words; frontline staff have met less.
        var answers = new List<PulseAnswer>();
        void Answer(PulseRound round, int person, int shift)
        {
            var (_, _, org, _, level, _) = People[person];
            db.Set<PulseParticipation>().Add(new PulseParticipation { PartnershipId = partnershipId, RoundId = round.Id, UserId = U(person).Id });
            for (var i = 0; i < PulseCatalog.Items.Count; i++)
            {
                var item = PulseCatalog.Items[i];
                var score = 4 + shift + ((person + i) % 4 == 0 ? -1 : 0)
                    + item.Id switch
                    {
                        "outcomes-visible" or "expectations-known" => -1,
                        "language-understood" when org == Pc => -1,
                        "trust-met" when level == MemberLevel.Frontline => -2,
                        "voice-safe" when level == MemberLevel.Executive => 1,
                        _ => 0,
                    };
                answers.Add(new PulseAnswer
                {
                    PartnershipId = partnershipId,
                    RoundId = round.Id,
                    ItemId = item.Id,
                    Score = Math.Clamp(score, 1, 5),
                    OrganizationId = U(person).OrganizationId,
                    Level = level,
                });
            }
        }
        foreach (var person in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            Answer(first, person, person % 5 == 3 ? -1 : 0);
        }
        foreach (var person in new[] { 2, 8, 10 })
        {
            Answer(second, person, 0);
        }
        var rows = answers.ToArray();
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(rows.AsSpan());
        db.Set<PulseAnswer>().AddRange(rows);
        db.Set<PulseComment>().AddRange(
            new PulseComment { PartnershipId = partnershipId, RoundId = first.Id, Text = "The kick-off at Eastside was the first time I met anyone from the other clinic. More of that, please." },
            new PulseComment { PartnershipId = partnershipId, RoundId = first.Id, Text = "I still do not know what we will measure to show the partnership works." },
            new PulseComment { PartnershipId = partnershipId, RoundId = first.Id, Text = "Meetings are at 8:30, before the front desk can get away." });
        await db.SaveChangesAsync(cancellationToken);
    }
}
