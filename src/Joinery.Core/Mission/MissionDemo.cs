using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Mission;

/// <summary>
/// Step 1: two versions (the second after frontline comments), endorsed by both CEOs, read by most,
/// communicated; drafted, commented, endorsed, read and recorded through the use cases by the people who would.
/// </summary>
public sealed class MissionDemo(JoineryDb db, DemoActor act) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var id = demo.PartnershipId;
        if (await db.Set<MissionVersion>().AnyAsync(v => v.PartnershipId == id, cancellationToken))
        {
            return;
        }
        User U(int i) => demo.Users[People[i].Email];
        var now = db.Now;
        Task<(int Number, int Voided)> Draft(User author, int daysAgo, MissionDraft draft) =>
            act.AsAsync(author, now.AddDays(-daysAgo), s => s.GetRequiredService<MissionWork>().SaveDraftAsync(id, draft, cancellationToken), cancellationToken);
        Task<Guid> Comment(User person, int daysAgo, string text) =>
            act.AsAsync(person, now.AddDays(-daysAgo), s => s.GetRequiredService<MissionWork>().CommentAsync(id, text, cancellationToken), cancellationToken);
        Task<bool> Endorse(User executive, int daysAgo) =>
            act.AsAsync(executive, now.AddDays(-daysAgo), s => s.GetRequiredService<MissionWork>().EndorseAsync(id, cancellationToken), cancellationToken);
        Task<Guid> Communicate(User person, int daysAgo, CommunicationChannel channel, string audience, string note)
        {
            var at = now.AddDays(-daysAgo);
            var input = new Communication(channel.ToText(), DateOnly.FromDateTime(at.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), audience, note);
            return act.AsAsync(person, at, s => s.GetRequiredService<MissionWork>().RecordCommunicationAsync(id, input, cancellationToken), cancellationToken);
        }

        await Draft(U(2), 30, new("Everyone in Riverbend and Eastside gets care for body and mind in one place.",
            "Together we offer integrated behavioral health and primary care to adults with serious mental illness.", ""));
        await Comment(U(10), 28, "At the front desk we say 'patients', at Riverbend they say 'clients'. Could the mission say 'the people we serve'?");
        await Comment(U(4), 27, "Half of the people I coordinate also have a substance use disorder; please name it.");
        await Draft(U(8), 21, new("Everyone in Riverbend and Eastside gets care for body and mind, from people who know each other, in one place.",
            "Together we offer integrated behavioral health and primary care to the people we serve who live with serious mental illness or substance use disorders, so that they live longer, healthier lives.",
            "Wording from the frontline huddles: 'people we serve', and substance use named."));
        // Published when the second partner endorses.
        await Endorse(U(0), 16);
        await Endorse(U(6), 14);
        foreach (var i in new[] { 0, 1, 2, 4, 6, 7, 8, 10 })
        {
            await act.AsAsync(U(i), now.AddDays(-13 + i), s => s.GetRequiredService<MissionWork>().AcknowledgeAsync(id, cancellationToken), cancellationToken);
        }
        await Communicate(U(6), 12, CommunicationChannel.AllStaffMeeting, "All Eastside staff", "Grace read it out and took questions.");
        await Communicate(U(2), 10, CommunicationChannel.Newsletter, "Riverbend staff newsletter", "");
        await Communicate(U(10), 7, CommunicationChannel.Huddle, "Eastside morning huddle, nurses and front desk", "Jamal explained what changes at intake.");
    }
}
