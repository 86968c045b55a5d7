using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Readiness;

/// <summary>
/// Explore: a completed readiness round with a few real gaps, both partners' level findings, agreed
/// levels; opened, answered, found and decided through the use cases by the people who would.
/// </summary>
public sealed class ExploreDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<ReadinessRound>().AnyAsync(r => r.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        await act.AsAsync(U(0), now.AddDays(-60), s => s.GetRequiredService<ReadinessCheck>().OpenRoundAsync(id, cancellationToken), cancellationToken);

        // Where the two sides see things differently: the behavioral health center worries about
        // budget and staff time; the health center is less sure the missions line up.
        var leanings = new Dictionary<(string Org, string Factor), int>
        {
            [(Bh, "long-term-plans")] = -2,
            [(Bh, "resources")] = -1,
            [(Pc, "missions-in-sync")] = -1,
            [(Pc, "pace")] = -1,
        };
        var comments = new Dictionary<string, (string Factor, string Text)>
        {
            [People[0].Email] = ("long-term-plans", "The state contract renewal is not settled until spring; we cannot commit new budget before then."),
            [People[6].Email] = ("missions-in-sync", "Our board asks whether a recovery focus fits our medical-home model; we would like to talk it through."),
        };
        // Each partner's answers stay hidden until every partner has answered, and the round is then
        // complete: all of Riverbend's leaders answer first, and Grace's answers complete the round.
        var leaders = People.Where(p => p.Level != MemberLevel.Frontline).ToList();
        var answering = leaders.TakeWhile(p => p.Org == Bh).Append(leaders.First(p => p.Org == Pc)).ToList();
        for (var n = 0; n < answering.Count; n++)
        {
            var person = answering[n];
            var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
            var i = 0;
            foreach (var factor in ReadinessCatalog.Factors)
            {
                foreach (var item in factor.Items)
                {
                    var score = 4 + leanings.GetValueOrDefault((person.Org, factor.Code)) + ((n + i++) % 3 == 0 ? -1 : 0);
                    answers[item.Code] = (n + i) % 11 == 0 ? ReadinessCheck.DontKnow : Math.Clamp(score, 1, 5).ToString(CultureInfo.InvariantCulture);
                }
            }
            var comment = comments.TryGetValue(person.Email, out var c)
                ? new Dictionary<string, string?> { [c.Factor] = c.Text }
                : new Dictionary<string, string?>();
            await act.AsAsync(demo.Users[person.Email], now.AddDays(-50 + n), s => s.GetRequiredService<ReadinessCheck>().SubmitAsync(id,
                new ReadinessSubmission(answers, comment), cancellationToken), cancellationToken);
        }

        Task<int> Find(User person, int daysAgo, string sameSite, string regularContact) =>
            act.AsAsync(person, now.AddDays(-daysAgo), s => s.GetRequiredService<IntegrationLevels.IntegrationLevels>().RecordFindingAsync(id,
                new Dictionary<string, string?> { ["same-site"] = sameSite, ["regular-contact"] = regularContact }, cancellationToken), cancellationToken);
        await Find(U(2), 45, "no", "yes");
        await Find(U(8), 44, "no", "no");
        await act.AsAsync(U(6), now.AddDays(-40), s => s.GetRequiredService<IntegrationLevels.IntegrationLevels>().DecideAsync(id,
            new LevelChoice("2", "4", "Start with a behavioral health consultant on site two days a week; shared scheduling in year two."), cancellationToken), cancellationToken);
    }
}
