using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Demo;

public sealed record DemoAccount(string Email, string Name, string Organization, string Role, string Level, bool Champion, string Shows);

public sealed record DemoResult(Guid PartnershipId, string PartnershipName, string Password, IReadOnlyList<DemoAccount> Accounts, bool AlreadyThere);

/// <summary>
/// A realistic demo: a community behavioral health center and a community health center, a dozen
/// people at all three levels, champions on both sides, a partnership in the Plan phase, and what
/// each feature contributes (<see cref="IDemoContribution"/>). Running it again changes nothing.
/// Tests never depend on it.
/// </summary>
public sealed class SeedDemo(JoineryDb db, DemoAccounts accounts, CreatePartnership createPartnership, AddMember addMember, ManageMember manageMember,
    IEnumerable<IDemoContribution> contributions, DemoActor act)
{
    public const string PartnershipName = "Riverbend–Eastside Whole Health Partnership";

    /// <summary>Shared by all demo accounts; for demonstrations only, never for real data.</summary>
    public const string Password = DemoCast.Password;

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken = default)
    {
        db.Tenancy.ActAcrossPartnerships();
        var already = await db.Partnerships.AnyAsync(p => p.Name == PartnershipName, cancellationToken);

        await accounts.EnsureOrganizationAsync(Bh, OrganizationKind.BehavioralHealth,
            "Recovery-oriented mental health and substance use care for everyone in the Riverbend valley, whatever their ability to pay.",
            "A community where every person with a mental illness or addiction lives a full life in good health.", cancellationToken);
        await accounts.EnsureOrganizationAsync(Pc, OrganizationKind.PrimaryCare,
            "High-quality, affordable primary and preventive care for the people of Eastside, regardless of insurance.",
            "A healthy Eastside where everyone has a medical home.", cancellationToken);

        await accounts.EnsureUserAsync("admin@joinery.example", "Joinery Administrator", Bh, isSiteAdmin: true, "IT systems administrator", cancellationToken);
        foreach (var person in People)
        {
            await accounts.EnsureUserAsync(person.Email, person.Name, person.Org, isSiteAdmin: false, person.JobTitle, cancellationToken);
        }

        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Name == PartnershipName, cancellationToken);
        if (partnership is null)
        {
            var created = await createPartnership.RunAsync(new PartnershipInput(PartnershipName, [Bh, Pc]), cancellationToken);
            partnership = await db.Partnerships.FirstAsync(p => p.Id == created.Value, cancellationToken);
        }
        foreach (var person in People)
        {
            // "What they champion; may decide what" — the two halves go to their own fields.
            var parts = person.Champion.Split("; may ", 2);
            var added = await addMember.RunAsync(partnership.Id, new MemberInput(person.Email, person.Role.ToString(), person.Level.ToString(),
                person.Champion.Length > 0, parts[0]), cancellationToken);
            if (added.Succeeded && parts.Length == 2)
            {
                var decides = char.ToUpperInvariant(parts[1][0]) + parts[1][1..];
                await manageMember.ChangeAsync(partnership.Id, added.Value, new MemberChange(person.Role.ToString(), person.Level.ToString(), true, parts[0], decides),
                    cancellationToken);
            }
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var demo = new DemoPartnership(partnership.Id, users);
        foreach (var contribution in contributions)
        {
            await contribution.SeedAsync(demo, cancellationToken);
        }
        if (partnership.Phase == Phase.Explore && !await db.PhaseChanges.AnyAsync(c => c.PartnershipId == partnership.Id, cancellationToken))
        {
            // The steward moves on through the phase page's use case, and so meets the Explore gate as anyone would.
            await act.AsAsync(users[People[0].Email], db.Now, s => s.GetRequiredService<MovePhase>().RunAsync(partnership.Id,
                new PhaseMove(Phase.Plan.ToText(), null), cancellationToken), cancellationToken);
        }
        var demoAccounts = People.Select(p => new DemoAccount(p.Email, p.Name, p.Org, p.Role.ToString().ToLowerInvariant(),
                p.Level.ToString().ToLowerInvariant(), p.Champion.Length > 0, p.Shows))
            .Prepend(new DemoAccount("admin@joinery.example", "Joinery Administrator", Bh, "site administrator", "", false, "site administration: accounts, partnerships"))
            .ToList();
        return new DemoResult(partnership.Id, PartnershipName, Password, demoAccounts, already);
    }
}
