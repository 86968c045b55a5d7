using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Glossary;

/// <summary>Step 2: the starter crosswalk, a dozen terms agreed, one disputed with a discussion, one still in discussion.</summary>
public sealed class GlossaryDemo(JoineryDb db, GlossaryWork glossary) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<GlossaryTerm>().AnyAsync(t => t.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        await glossary.LoadStarterAsync(partnershipId, cancellationToken);
        var terms = await db.Set<GlossaryTerm>().Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.NormalizedTerm, cancellationToken);
        foreach (var agreed in new[] { "client", "treatment plan", "assessment", "intake", "caseload", "panel", "screening", "referral", "warm handoff", "registry", "safety plan", "no-show" })
        {
            terms[agreed].Status = TermStatus.Agreed;
            terms[agreed].StatusChangedAt = db.Now.AddDays(-5);
        }
        terms["case management"].Status = TermStatus.Disputed;
        terms["release of information"].Status = TermStatus.InDiscussion;
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        db.Set<GlossaryComment>().AddRange(
            new GlossaryComment
            {
                PartnershipId = partnershipId,
                TermId = terms["case management"].Id,
                UserId = U(4).Id,
                OrganizationId = U(4).OrganizationId,
                CreatedAt = db.Now.AddDays(-9),
                Text = "For us this is a billable service with its own documentation rules; if Eastside nurses call their work case management, our billing gets confused."
            },
            new GlossaryComment
            {
                PartnershipId = partnershipId,
                TermId = terms["case management"].Id,
                UserId = U(9).Id,
                OrganizationId = U(9).OrganizationId,
                CreatedAt = db.Now.AddDays(-8),
                Text = "Our care managers bill care management codes. We need a word for what they do together with Sam's team."
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
