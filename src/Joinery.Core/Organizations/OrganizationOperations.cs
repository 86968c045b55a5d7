using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Organizations;

public sealed record OrganizationInput(string? Name, string? Kind, string? Mission = null, string? Vision = null);

public sealed record OrganizationView(Guid Id, string Name, OrganizationKind Kind, string Mission, string Vision);

/// <summary>Site administrators (and the CLI) register partner organizations.</summary>
public sealed class CreateOrganization(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(OrganizationInput input, CancellationToken cancellationToken = default)
    {
        var check = new Validation();
        var name = check.Text("name", "the organization's name", input.Name, Organization.NameMax);
        var kind = check.Choice<OrganizationKind>("kind", "the kind of organization", input.Kind);
        var mission = check.Prose("mission", "the mission", input.Mission, Organization.StatementMax);
        var vision = check.Prose("vision", "the vision", input.Vision, Organization.StatementMax);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (await db.Organizations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            return Outcome<Guid>.Conflict("name", $"An organization named '{name}' already exists.");
        }
        var organization = new Organization { Name = name, Kind = kind!.Value, Mission = mission, Vision = vision, CreatedAt = db.Now };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(organization.Id);
    }
}

/// <summary>
/// The organization's stewards (its people who steward a partnership) and site administrators keep
/// its name, kind, mission and vision current. The profile shows in every partnership the
/// organization is in, so the change is audited into each of their trails.
/// </summary>
public sealed class UpdateOrganizationProfile(JoineryDb db)
{
    /// <summary>Whether the current person may change the organization's profile.</summary>
    public async Task<bool> CanEditAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        db.Tenancy.IsSiteAdmin || db.Tenancy.Unrestricted
        || (db.Tenancy.OrganizationId == organizationId && db.Tenancy.UserId is { } userId
            && await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.Role == MemberRole.Steward, cancellationToken));

    public async Task<Outcome<Guid>> RunAsync(Guid organizationId, OrganizationInput input, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.FindAsync([organizationId], cancellationToken);
        if (organization is null)
        {
            return Outcome<Guid>.NotFound("No such organization.");
        }
        if (!await CanEditAsync(organizationId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden("Only the organization's stewards and site administrators can change its profile.");
        }
        var check = new Validation();
        var name = check.Text("name", "the organization's name", input.Name, Organization.NameMax);
        var kind = check.Choice<OrganizationKind>("kind", "the kind of organization", input.Kind);
        var mission = check.Prose("mission", "the mission", input.Mission, Organization.StatementMax);
        var vision = check.Prose("vision", "the vision", input.Vision, Organization.StatementMax);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (await db.Organizations.AnyAsync(o => o.Name == name && o.Id != organizationId, cancellationToken))
        {
            return Outcome<Guid>.Conflict("name", $"An organization named '{name}' already exists.");
        }
        organization.Name = name;
        organization.Kind = kind!.Value;
        organization.Mission = mission;
        organization.Vision = vision;
        var changed = db.Entry(organization).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Count > 0)
        {
            foreach (var partnershipId in await db.PartnerOrganizations.IgnoreQueryFilters()
                         .Where(p => p.OrganizationId == organizationId).Select(p => p.PartnershipId).Distinct().ToListAsync(cancellationToken))
            {
                db.Audit("organization.profile-changed", "organization", organizationId.ToString(), partnershipId, string.Join(", ", changed));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(organization.Id);
    }
}

public static class OrganizationQueries
{
    /// <summary>Finds an organization by id or by exact name (the CLI accepts either).</summary>
    public static async Task<Organization?> FindOrganizationAsync(this JoineryDb db, string? nameOrId, CancellationToken cancellationToken = default)
    {
        var key = (nameOrId ?? "").Trim();
        if (key.Length == 0)
        {
            return null;
        }
        if (Guid.TryParse(key, out var id))
        {
            return await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        }
        return await db.Organizations.FirstOrDefaultAsync(o => o.Name == key, cancellationToken);
    }

    public static Task<List<OrganizationView>> ListOrganizationsAsync(this JoineryDb db, CancellationToken cancellationToken = default) =>
        db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganizationView(o.Id, o.Name, o.Kind, o.Mission, o.Vision))
            .ToListAsync(cancellationToken);
}
