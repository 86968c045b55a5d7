using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

public sealed record ServiceInput(string? Name, string? Description, string? DeliveredBy, string? BilledBy, string? Site, IReadOnlyList<string>? Payers,
    string? Scope, bool InvolvesPart2, string? AssociateFunction, string? AssociateOrganization);

public sealed record PartnerName(Guid OrganizationId, string Name);

/// <summary>A service as the catalog, the agreements register and the MOU builder read it.</summary>
public sealed record ServiceView(Guid Id, string Name, string Description, Guid DeliveredById, string DeliveredBy, Guid BilledById, string BilledBy, string Site,
    IReadOnlyList<Payer> Payers, HrsaScope Scope, bool InvolvesPart2, AssociateFunction AssociateFunction, Guid? AssociateOrganizationId, string? AssociateOrganization,
    DateTimeOffset UpdatedAt)
{
    public bool IsAssociateFunction => AssociateFunction != AssociateFunction.None;
}

public sealed record ServicesView(IReadOnlyList<ServiceView> Services, IReadOnlyList<PartnerName> Partners, bool CanEdit);

/// <summary>Formalize: the catalog of services the partners deliver together, with the scope, Part 2 and business-associate questions answered.</summary>
public sealed class ServicesWork(JoineryDb db)
{
    private const string ViewerMessage = "Viewers read the services; members record them.";

    public static async Task<List<PartnerName>> PartnersAsync(JoineryDb db, Guid partnershipId, CancellationToken cancellationToken) =>
        await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new PartnerName(p.OrganizationId, p.Organization!.Name)).ToListAsync(cancellationToken);

    public async Task<ServicesView?> ListAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var partners = await PartnersAsync(db, partnershipId, cancellationToken);
        return new ServicesView(await ServicesAsync(partnershipId, cancellationToken), partners, me is not null && me.Role != MemberRole.Viewer);
    }

    /// <summary>The read model of every service (for the register, the gate, health signals and the MOU builder); the caller checks visibility.</summary>
    public async Task<List<ServiceView>> ServicesAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var names = await db.Organizations.AsNoTracking()
            .Where(o => db.PartnerOrganizations.Any(p => p.PartnershipId == partnershipId && p.OrganizationId == o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var services = await db.Set<Service>().AsNoTracking().Where(s => s.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        string Name(Guid id) => names.GetValueOrDefault(id) ?? "A former partner";
        return services.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new ServiceView(s.Id, s.Name, s.Description,
                s.DeliveredByOrganizationId, Name(s.DeliveredByOrganizationId), s.BilledByOrganizationId, Name(s.BilledByOrganizationId), s.Site,
                ParsePayers(s.Payers), s.Scope, s.InvolvesPart2, s.AssociateFunction, s.AssociateOrganizationId,
                s.AssociateOrganizationId is { } a ? Name(a) : null, s.UpdatedAt))
            .ToList();
    }

    public async Task<Outcome<Guid>> CreateAsync(Guid partnershipId, ServiceInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var f = Validate(check, input, await PartnersAsync(db, partnershipId, cancellationToken));
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var service = new Service
        {
            PartnershipId = partnershipId,
            Name = f.Name,
            DeliveredByOrganizationId = f.DeliveredBy,
            BilledByOrganizationId = f.BilledBy,
            CreatedAt = db.Now,
        };
        Apply(service, f);
        db.Set<Service>().Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(service.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid partnershipId, Guid serviceId, ServiceInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var service = await db.Set<Service>().FirstOrDefaultAsync(s => s.Id == serviceId && s.PartnershipId == partnershipId, cancellationToken);
        if (service is null)
        {
            return Outcome<Guid>.NotFound("No such service.");
        }
        var check = new Validation();
        var f = Validate(check, input, await PartnersAsync(db, partnershipId, cancellationToken));
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        Apply(service, f);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(service.Id);
    }

    public async Task<Outcome<Guid>> DeleteAsync(Guid partnershipId, Guid serviceId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var service = await db.Set<Service>().FirstOrDefaultAsync(s => s.Id == serviceId && s.PartnershipId == partnershipId, cancellationToken);
        if (service is null)
        {
            return Outcome<Guid>.NotFound("No such service.");
        }
        if (await db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.Phase == Phase.Close, cancellationToken))
        {
            return Outcome<Guid>.Conflict("", "While the partnership closes, its services stay in the catalog, so that each one's transition is tracked to the end.");
        }
        db.Set<Service>().Remove(service);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(serviceId);
    }

    public static List<Payer> ParsePayers(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => EnumText.TryParse<Payer>(p, out var payer) ? payer : (Payer?)null)
            .OfType<Payer>().Distinct().Order().ToList();

    private sealed record Fields(string Name, string Description, Guid DeliveredBy, Guid BilledBy, string Site, List<Payer> Payers, HrsaScope Scope,
        bool InvolvesPart2, AssociateFunction AssociateFunction, Guid? AssociateOrganization);

    private void Apply(Service service, Fields f)
    {
        service.Name = f.Name;
        service.Description = f.Description;
        service.DeliveredByOrganizationId = f.DeliveredBy;
        service.BilledByOrganizationId = f.BilledBy;
        service.Site = f.Site;
        service.Payers = string.Join(",", f.Payers.Select(p => p.ToText()));
        service.Scope = f.Scope;
        service.InvolvesPart2 = f.InvolvesPart2;
        service.AssociateFunction = f.AssociateFunction;
        service.AssociateOrganizationId = f.AssociateOrganization;
        service.UpdatedAt = db.Now;
    }

    private static Fields Validate(Validation check, ServiceInput input, List<PartnerName> partners)
    {
        var name = check.Text("name", "the name of the service", input.Name, Service.NameMax);
        var description = check.Prose("description", "the description", input.Description, Service.DescriptionMax);
        var deliveredBy = Partner(check, partners, "deliveredBy", "Choose the partner that delivers the service.", input.DeliveredBy) ?? Guid.Empty;
        var billedBy = Partner(check, partners, "billedBy", "Choose the partner that bills for the service.", input.BilledBy) ?? Guid.Empty;
        var site = check.Text("site", "the site", input.Site, Service.SiteMax, required: false);
        var payers = new List<Payer>();
        foreach (var text in (input.Payers ?? []).Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (EnumText.TryParse<Payer>(text, out var payer))
            {
                payers.Add(payer);
            }
            else
            {
                check.Add("payers", $"Choose payers from: {string.Join(", ", EnumText.All<Payer>())}.");
                break;
            }
        }
        var scope = check.Choice<HrsaScope>("scope", "where the service sits in the health center's scope (direct, contract or referral)", input.Scope) ?? HrsaScope.Direct;
        var function = AssociateFunction.None;
        if (!string.IsNullOrWhiteSpace(input.AssociateFunction))
        {
            function = check.Choice<AssociateFunction>("associateFunction", "the function done on the other partner's behalf", input.AssociateFunction) ?? AssociateFunction.None;
        }
        Guid? associate = null;
        if (function != AssociateFunction.None)
        {
            associate = Partner(check, partners, "associateOrganization", "Choose the partner that handles the health information on the other's behalf.", input.AssociateOrganization);
        }
        else if (!string.IsNullOrWhiteSpace(input.AssociateOrganization))
        {
            check.Add("associateFunction", "Choose the function the partner performs on the other's behalf, or leave both empty.");
        }
        return new Fields(name, description, deliveredBy, billedBy, site, payers.Distinct().Order().ToList(), scope, input.InvolvesPart2, function, associate);
    }

    /// <summary>The partner <paramref name="id"/> names, or null with <paramref name="message"/> on the field.</summary>
    internal static Guid? Partner(Validation check, IReadOnlyList<PartnerName> partners, string field, string message, Guid? id)
    {
        if (id is { } given && partners.Any(p => p.OrganizationId == given))
        {
            return given;
        }
        check.Add(field, message);
        return null;
    }

    /// <summary>The partner named by <paramref name="text"/> (an organization id), or null with <paramref name="message"/> on the field.</summary>
    internal static Guid? Partner(Validation check, IReadOnlyList<PartnerName> partners, string field, string message, string? text)
    {
        if (Guid.TryParse(text, out var id) && partners.Any(p => p.OrganizationId == id))
        {
            return id;
        }
        check.Add(field, message);
        return null;
    }
}
