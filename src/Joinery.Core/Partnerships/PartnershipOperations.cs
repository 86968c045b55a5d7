using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

public sealed record PartnershipInput(string? Name, IReadOnlyList<string> Organizations);

/// <summary>Site administrators (and the CLI) start a partnership of two or more organizations, in the Explore phase.</summary>
public sealed class CreatePartnership(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(PartnershipInput input, CancellationToken cancellationToken = default)
    {
        var check = new Validation();
        var name = check.Text("name", "the partnership's name", input.Name, Partnership.NameMax);
        var organizations = new List<Organization>();
        foreach (var key in input.Organizations.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            var organization = await db.FindOrganizationAsync(key, cancellationToken);
            if (organization is null)
            {
                check.Add("organizations", $"There is no organization '{key.Trim()}'.");
            }
            else if (organizations.All(o => o.Id != organization.Id))
            {
                organizations.Add(organization);
            }
        }
        if (check.IsValid && organizations.Count < 2)
        {
            check.Add("organizations", "Choose at least two different partner organizations.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (await db.Partnerships.IgnoreQueryFilters().AnyAsync(p => p.Name == name, cancellationToken))
        {
            return Outcome<Guid>.Conflict("name", $"A partnership named '{name}' already exists.");
        }
        var partnership = new Partnership { Name = name, CreatedAt = db.Now };
        db.Tenancy.Grant(partnership.Id);
        partnership.Partners.AddRange(organizations.Select(o => new PartnerOrganization { PartnershipId = partnership.Id, OrganizationId = o.Id }));
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(partnership.Id);
    }
}

public sealed record MemberInput(string? Email, string? Role, string? Level, bool IsChampion = false, string? ChampionFor = null);

/// <summary>Adds a person who already has an account to a partnership (stewards, site administrators, the CLI).</summary>
public sealed class AddMember(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid partnershipId, MemberInput input, CancellationToken cancellationToken = default)
    {
        var partnership = await db.Partnerships.Include(p => p.Partners).FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden("Only stewards can add members.");
        }
        var check = new Validation();
        var email = check.Email("email", input.Email);
        var role = check.Choice<MemberRole>("role", "a role", input.Role);
        var level = check.Choice<MemberLevel>("level", "a level", input.Level);
        var championFor = check.Text("championFor", "what they champion", input.ChampionFor, Membership.ChampionForMax, required: false);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            return Outcome<Guid>.Invalid("email", $"No account has the email {email}; invite them instead.");
        }
        if (partnership.Partners.All(p => p.OrganizationId != user.OrganizationId))
        {
            return Outcome<Guid>.Invalid("email", "This person's organization is not a partner in this partnership.");
        }
        if (await db.Memberships.AnyAsync(m => m.PartnershipId == partnershipId && m.UserId == user.Id, cancellationToken))
        {
            return Outcome<Guid>.Conflict("email", $"{email} is already a member.");
        }
        var membership = new Membership
        {
            PartnershipId = partnershipId,
            UserId = user.Id,
            Role = role!.Value,
            Level = level!.Value,
            IsChampion = input.IsChampion,
            ChampionFor = input.IsChampion ? championFor : "",
            JoinedAt = db.Now,
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(membership.Id);
    }
}

public sealed record MemberChange(string? Role, string? Level, bool IsChampion, string? ChampionFor, string? ChampionDecides = null);

/// <summary>Stewards change a member's role, level and champion flag, or remove them; a partnership always keeps one steward.</summary>
public sealed class ManageMember(JoineryDb db)
{
    public const string OtherPartnersPeople = "Each partner manages its own people: ask a steward of their organization to make this change.";

    public async Task<Outcome<Guid>> ChangeAsync(Guid partnershipId, Guid membershipId, MemberChange input, CancellationToken cancellationToken = default)
    {
        var (membership, refusal) = await FindAsync(partnershipId, membershipId, cancellationToken);
        if (membership is null)
        {
            return refusal!;
        }
        var check = new Validation();
        var role = check.Choice<MemberRole>("role", "a role", input.Role);
        var level = check.Choice<MemberLevel>("level", "a level", input.Level);
        var championFor = check.Text("championFor", "what they champion", input.ChampionFor, Membership.ChampionForMax, required: false);
        var championDecides = check.Text("championDecides", "what they may decide", input.ChampionDecides, Membership.ChampionForMax, required: false);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (membership.Role == MemberRole.Steward && role != MemberRole.Steward && await IsLastStewardAsync(membership, cancellationToken))
        {
            return Outcome<Guid>.Invalid("role", "A partnership needs at least one steward; make someone else a steward first.");
        }
        membership.Role = role!.Value;
        membership.Level = level!.Value;
        membership.IsChampion = input.IsChampion;
        membership.ChampionFor = input.IsChampion ? championFor : "";
        membership.ChampionDecides = input.IsChampion ? championDecides : "";
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(membership.Id);
    }

    public async Task<Outcome<Guid>> RemoveAsync(Guid partnershipId, Guid membershipId, CancellationToken cancellationToken = default)
    {
        var (membership, refusal) = await FindAsync(partnershipId, membershipId, cancellationToken);
        if (membership is null)
        {
            return refusal!;
        }
        if (membership.Role == MemberRole.Steward && await IsLastStewardAsync(membership, cancellationToken))
        {
            return Outcome<Guid>.Invalid("member", "A partnership needs at least one steward; make someone else a steward first.");
        }
        db.Memberships.Remove(membership);
        // Someone who no longer belongs to any partnership keeps no open session either.
        if (!await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == membership.UserId && m.Id != membership.Id, cancellationToken)
            && await db.Users.FirstOrDefaultAsync(u => u.Id == membership.UserId, cancellationToken) is { } person)
        {
            person.EndSessions();
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(membership.Id);
    }

    private async Task<(Membership?, Outcome<Guid>?)> FindAsync(Guid partnershipId, Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.PartnershipId == partnershipId, cancellationToken);
        if (membership is null)
        {
            return (null, Outcome<Guid>.NotFound("No such member."));
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken))
        {
            return (null, Outcome<Guid>.Forbidden("Only stewards can change members."));
        }
        var organizationId = await db.Users.Where(u => u.Id == membership.UserId).Select(u => u.OrganizationId).FirstAsync(cancellationToken);
        if (!(await db.PeopleIManageAsync(partnershipId, cancellationToken)).Contains(organizationId))
        {
            return (null, Outcome<Guid>.Forbidden(OtherPartnersPeople));
        }
        return (membership, null);
    }

    private Task<bool> IsLastStewardAsync(Membership membership, CancellationToken cancellationToken) =>
        db.Memberships.AllAsync(m => m.PartnershipId != membership.PartnershipId || m.Role != MemberRole.Steward || m.Id == membership.Id, cancellationToken);
}
