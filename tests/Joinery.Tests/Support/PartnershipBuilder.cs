using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Support;

/// <summary>Someone with an account; <see cref="MembershipId"/> is set when they were seeded into a partnership.</summary>
public sealed record Person(Guid UserId, string Email, string Password, string Name, Guid OrganizationId, Guid? MembershipId = null,
    MemberRole? Role = null, MemberLevel? Level = null);

public sealed record SeededPartnership(Guid Id, string Name, IReadOnlyList<Guid> Partners, IReadOnlyList<Person> Members)
{
    /// <summary>The first steward seeded.</summary>
    public Person Steward => Members.First(m => m.Role == MemberRole.Steward);

    public Person First(MemberRole role) => Members.First(m => m.Role == role);
}

/// <summary>
/// Arranges a partnership through the Core operations (the same ones the pages and the CLI use):
/// two new organizations (behavioral health and primary care), the partnership, and members.
/// With no members named it seeds one steward at executive level in the first partner.
/// </summary>
public sealed class PartnershipBuilder(JoineryApp app)
{
    public const string Password = "Violet harbor lantern 42";

    private readonly List<(MemberRole Role, MemberLevel Level, int Partner, bool Champion)> _members = [];
    private IReadOnlyList<Guid>? _organizations;

    public PartnershipBuilder With(MemberRole role, MemberLevel level = MemberLevel.Manager, int partner = 0, bool champion = false)
    {
        _members.Add((role, level, partner, champion));
        return this;
    }

    /// <summary>Uses existing organizations instead of creating two new ones.</summary>
    public PartnershipBuilder Between(IReadOnlyList<Guid> organizations)
    {
        _organizations = organizations;
        return this;
    }

    public async Task<SeededPartnership> BuildAsync()
    {
        var n = app.Unique();
        var organizations = _organizations ?? [
            await CreateOrganizationAsync(app, $"Riverbend Behavioral Health {n}", OrganizationKind.BehavioralHealth),
            await CreateOrganizationAsync(app, $"Eastside Community Health {n}", OrganizationKind.PrimaryCare),
        ];
        var name = $"Riverbend and Eastside {n}";
        var id = await app.WithCoreAsync(async services =>
        {
            var outcome = await services.GetRequiredService<CreatePartnership>()
                .RunAsync(new PartnershipInput(name, [.. organizations.Select(o => o.ToString())]));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value;
        });
        var members = new List<Person>();
        foreach (var (role, level, partner, champion) in _members.Count > 0 ? _members : [(MemberRole.Steward, MemberLevel.Executive, 0, false)])
        {
            var person = await CreatePersonAsync(app, organizations[partner]);
            members.Add(await AddMemberAsync(app, id, person, role, level, champion));
        }
        return new SeededPartnership(id, name, organizations, members);
    }

    public static Task<Guid> CreateOrganizationAsync(JoineryApp app, string name, OrganizationKind kind) =>
        app.WithCoreAsync(async services =>
        {
            var outcome = await services.GetRequiredService<CreateOrganization>().RunAsync(new OrganizationInput(name, kind.ToText()));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value;
        });

    /// <summary>A new account in the organization, not yet a member of anything.</summary>
    public static Task<Person> CreatePersonAsync(JoineryApp app, Guid organizationId, bool isSiteAdmin = false, string? name = null)
    {
        var n = app.Unique();
        var email = $"person{n}@example.org";
        name ??= $"Alex Example {n}";
        return app.WithCoreAsync(async services =>
        {
            var outcome = await services.GetRequiredService<CreateUser>()
                .RunAsync(new UserInput(email, name, organizationId.ToString(), Password, isSiteAdmin));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return new Person(outcome.Value, email, Password, name, organizationId);
        });
    }

    public static Task<Person> AddMemberAsync(JoineryApp app, Guid partnershipId, Person person, MemberRole role,
        MemberLevel level = MemberLevel.Manager, bool champion = false) =>
        app.WithCoreAsync(async services =>
        {
            var outcome = await services.GetRequiredService<AddMember>()
                .RunAsync(partnershipId, new MemberInput(person.Email, role.ToText(), level.ToText(), champion));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return person with { MembershipId = outcome.Value, Role = role, Level = level };
        });
}
