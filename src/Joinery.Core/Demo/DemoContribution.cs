using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Demo;

/// <summary>One of the demo's people; <paramref name="Shows"/> is what signing in as them shows off.</summary>
public sealed record DemoPerson(string Email, string Name, string Org, MemberRole Role, MemberLevel Level, string Champion, string Shows = "", string JobTitle = "");

/// <summary>The demo's organizations and people, shared by every feature's demo content.</summary>
public static class DemoCast
{
    public const string Bh = "Riverbend Community Behavioral Health";
    public const string Pc = "Eastside Community Health Center";

    /// <summary>Services start this many days after the demo's "today"; the consultant lent for them starts then, so the story's dates agree.</summary>
    public const int LaunchInDays = 21;

    /// <summary>Shared by all demo accounts; for demonstrations only, never for real data.</summary>
    public const string Password = "Riverbend-Demo-Walkthrough-26";

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("dana.whitfield@riverbend.example", "Dana Whitfield", Bh, MemberRole.Steward, MemberLevel.Executive, "", "an executive: endorse, sign off, the board report", "Chief executive officer"),
        new("marcus.ortiz@riverbend.example", "Marcus Ortiz", Bh, MemberRole.Planner, MemberLevel.Executive, "", "an executive who plans: decisions, agreements, the MOU", "Director of clinical operations"),
        new("priya.natarajan@riverbend.example", "Priya Natarajan", Bh, MemberRole.Steward, MemberLevel.Manager, "The integrated care program; may schedule joint meetings and assign staff to them", "the manager who runs it day to day: meetings, launch, members", "Integrated care program manager"),
        new("tom.ahn@riverbend.example", "Tom Ahn", Bh, MemberRole.Viewer, MemberLevel.Manager, "", "a reader: what a viewer may see", "Quality improvement manager"),
        new("sam.keller@riverbend.example", "Sam Keller", Bh, MemberRole.Clinician, MemberLevel.Frontline, "Warm handoffs between the clinics; may change the handoff checklist", "frontline: the pulse, action items, feedback", "Care manager"),
        new("lena.brooks@riverbend.example", "Lena Brooks", Bh, MemberRole.Clinician, MemberLevel.Frontline, "", "frontline: the mission to read", "Licensed clinical social worker"),
        new("grace.holloway@eastside.example", "Grace Holloway", Pc, MemberRole.Steward, MemberLevel.Executive, "", "the partner's executive: a decision waiting for her sign-off", "Chief executive officer"),
        new("ravi.menon@eastside.example", "Ravi Menon", Pc, MemberRole.Planner, MemberLevel.Executive, "Whole-person care with the medical staff; may approve screening protocols", "clinical leadership: expectations, screening", "Chief medical officer"),
        new("ana.souza@eastside.example", "Ana Souza", Pc, MemberRole.Planner, MemberLevel.Manager, "", "the manager who enters a month of data: measures", "Data and quality manager"),
        new("owen.price@eastside.example", "Owen Price", Pc, MemberRole.Clinician, MemberLevel.Manager, "", "a clinical manager: the launch checklist, training", "Nurse manager"),
        new("jamal.carter@eastside.example", "Jamal Carter", Pc, MemberRole.Clinician, MemberLevel.Frontline, "Screening at intake; may adjust the front-desk workflow", "frontline at intake: the glossary, the handoff workflow", "Medical assistant"),
        new("mei.lin@eastside.example", "Mei Lin", Pc, MemberRole.Viewer, MemberLevel.Frontline, "", "a frontline reader", "Front desk coordinator"),
    ];
}

/// <summary>The demo partnership a feature adds its content to, with the demo's accounts by e-mail.</summary>
public sealed record DemoPartnership(Guid PartnershipId, IReadOnlyDictionary<string, User> Users);

/// <summary>
/// A feature's share of the demo: realistic records of its own, added once (running the demo again
/// changes nothing). Registered by the feature (<c>services.AddDemo&lt;T&gt;()</c>); <see cref="SeedDemo"/>
/// runs the contributions in registration order and knows no feature.
/// </summary>
public interface IDemoContribution
{
    Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken);
}

public static class DemoRegistration
{
    public static IServiceCollection AddDemo<T>(this IServiceCollection services) where T : class, IDemoContribution =>
        services.AddScoped<IDemoContribution, T>();
}

/// <summary>Organizations and accounts of the demo, created through the ordinary operations when missing.</summary>
public sealed class DemoAccounts(JoineryDb db, CreateOrganization createOrganization, CreateUser createUser)
{
    public async Task EnsureOrganizationAsync(string name, OrganizationKind kind, string mission, string vision, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            await createOrganization.RunAsync(new OrganizationInput(name, kind.ToString(), mission, vision), cancellationToken);
        }
    }

    public async Task EnsureUserAsync(string email, string name, string organization, bool isSiteAdmin, string jobTitle, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            var created = await createUser.RunAsync(new UserInput(email, name, organization, DemoCast.Password, isSiteAdmin, jobTitle), cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email} could not be created: {created.FirstError}");
            }
        }
    }
}
