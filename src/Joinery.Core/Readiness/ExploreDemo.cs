using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Readiness;

/// <summary>Explore: a completed readiness round with a few real gaps, both partners' level findings, agreed levels.</summary>
public sealed class ExploreDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<ReadinessRound>().AnyAsync(r => r.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        var opener = users[People[0].Email];
        var round = new ReadinessRound { PartnershipId = partnershipId, Number = 1, OpenedAt = db.Now.AddDays(-60), OpenedByUserId = opener.Id };
        db.Set<ReadinessRound>().Add(round);
        // Where the two sides see things differently: the behavioral health center worries about
        // budget and staff time; the health center is less sure the missions line up.
        var leanings = new Dictionary<(string Org, string Factor), int>
        {
            [(Bh, "long-term-plans")] = -2,
            [(Bh, "resources")] = -1,
            [(Pc, "missions-in-sync")] = -1,
            [(Pc, "pace")] = -1,
        };
        var leaders = People.Where(p => p.Level != MemberLevel.Frontline).ToList();
        for (var n = 0; n < leaders.Count; n++)
        {
            var person = leaders[n];
            var user = users[person.Email];
            var response = new ReadinessResponse
            {
                PartnershipId = partnershipId,
                RoundId = round.Id,
                OrganizationId = user.OrganizationId,
                UserId = user.Id,
                SubmittedAt = db.Now.AddDays(-50 + n),
            };
            var i = 0;
            foreach (var factor in ReadinessCatalog.Factors)
            {
                foreach (var item in factor.Items)
                {
                    var score = 4 + leanings.GetValueOrDefault((person.Org, factor.Code)) + ((n + i++) % 3 == 0 ? -1 : 0);
                    response.Answers.Add(new ReadinessAnswer
                    {
                        PartnershipId = partnershipId,
                        ResponseId = response.Id,
                        ItemCode = item.Code,
                        Score = (n + i) % 11 == 0 ? null : Math.Clamp(score, 1, 5),
                    });
                }
            }
            if (person.Email == People[0].Email)
            {
                response.Comments.Add(new ReadinessComment
                {
                    PartnershipId = partnershipId,
                    ResponseId = response.Id,
                    FactorCode = "long-term-plans",
                    Text = "The state contract renewal is not settled until spring; we cannot commit new budget before then."
                });
            }
            if (person.Email == People[6].Email)
            {
                response.Comments.Add(new ReadinessComment
                {
                    PartnershipId = partnershipId,
                    ResponseId = response.Id,
                    FactorCode = "missions-in-sync",
                    Text = "Our board asks whether a recovery focus fits our medical-home model; we would like to talk it through."
                });
            }
            db.Set<ReadinessResponse>().Add(response);
        }
        db.Set<LevelFinding>().Add(new LevelFinding
        {
            PartnershipId = partnershipId,
            OrganizationId = users[People[2].Email].OrganizationId,
            UserId = users[People[2].Email].Id,
            Answers = "same-site=no;regular-contact=yes",
            Level = 2,
            FoundAt = db.Now.AddDays(-45),
        });
        db.Set<LevelFinding>().Add(new LevelFinding
        {
            PartnershipId = partnershipId,
            OrganizationId = users[People[8].Email].OrganizationId,
            UserId = users[People[8].Email].Id,
            Answers = "same-site=no;regular-contact=no",
            Level = 1,
            FoundAt = db.Now.AddDays(-44),
        });
        db.Set<LevelDecision>().Add(new LevelDecision
        {
            PartnershipId = partnershipId,
            CurrentLevel = 2,
            TargetLevel = 4,
            DecidedByUserId = users[People[6].Email].Id,
            DecidedAt = db.Now.AddDays(-40),
            Note = "Start with a behavioral health consultant on site two days a week; shared scheduling in year two.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
