using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Glossary;

/// <summary>
/// Step 2: the starter crosswalk, a dozen terms agreed, one disputed with a discussion, one still in
/// discussion; loaded, discussed and settled through the use cases by the people who would.
/// </summary>
public sealed class GlossaryDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<GlossaryTerm>().AnyAsync(t => t.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        await act.AsAsync(U(2), now.AddDays(-12), s => s.GetRequiredService<GlossaryWork>().LoadStarterAsync(id, cancellationToken), cancellationToken);
        var terms = await db.Set<GlossaryTerm>().AsNoTracking().Where(t => t.PartnershipId == id).ToDictionaryAsync(t => t.NormalizedTerm, cancellationToken);

        Task<Guid> Comment(User person, int daysAgo, string term, string text) =>
            act.AsAsync(person, now.AddDays(-daysAgo), s => s.GetRequiredService<GlossaryWork>().CommentAsync(id, terms[term].Id, text, cancellationToken), cancellationToken);
        await Comment(U(4), 9, "case management",
            "For us this is a billable service with its own documentation rules; if Eastside nurses call their work case management, our billing gets confused.");
        await Comment(U(9), 8, "case management", "Our care managers bill care management codes. We need a word for what they do together with Sam's team.");

        Task<TermView> Settle(string term, TermStatus status, int daysAgo)
        {
            var t = terms[term];
            var input = new GlossaryInput(t.Term, t.Category.ToText(), t.BehavioralHealthUsage, t.PrimaryCareUsage, t.Definition, status.ToText());
            return act.AsAsync(U(2), now.AddDays(-daysAgo), s => s.GetRequiredService<GlossaryWork>().UpdateAsync(id, t.Id, input, cancellationToken), cancellationToken);
        }
        foreach (var agreed in new[] { "client", "treatment plan", "assessment", "intake", "caseload", "panel", "screening", "referral", "warm handoff", "registry", "safety plan", "no-show" })
        {
            await Settle(agreed, TermStatus.Agreed, 5);
        }
        await Settle("case management", TermStatus.Disputed, 7);
        await Settle("release of information", TermStatus.InDiscussion, 6);
    }
}
