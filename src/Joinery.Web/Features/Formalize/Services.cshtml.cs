using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Formalize;

[InNavigation(NavGroup.Formalize, 1, "Services", "/services")]
public sealed class ServicesModel(JoineryDb db, ServicesWork work) : PartnershipPage(db)
{
    public ServicesView View { get; private set; } = null!;

    /// <summary>The service being edited, when the page was opened with ?edit=.</summary>
    public Guid? Editing { get; private set; }

    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? edit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (edit is { } serviceId && View.Services.FirstOrDefault(s => s.Id == serviceId) is { } s)
        {
            Editing = s.Id;
            Input = new ServiceForm
            {
                ServiceId = s.Id.ToString(),
                Name = s.Name,
                Description = s.Description,
                DeliveredBy = s.DeliveredById.ToString(),
                BilledBy = s.BilledById.ToString(),
                Site = s.Site,
                Payers = s.Payers.Select(p => Joinery.Core.Common.EnumText.ToText(p)).ToList(),
                Scope = Joinery.Core.Common.EnumText.ToText(s.Scope),
                InvolvesPart2 = s.InvolvesPart2,
                AssociateFunction = s.IsAssociateFunction ? Joinery.Core.Common.EnumText.ToText(s.AssociateFunction) : "",
                AssociateOrganization = s.AssociateOrganizationId?.ToString(),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var input = new ServiceInput(Input.Name, Input.Description, Input.DeliveredBy, Input.BilledBy, Input.Site, Input.Payers, Input.Scope, Input.InvolvesPart2,
            Input.AssociateFunction, Input.AssociateOrganization);
        if (Guid.TryParse(Input.ServiceId, out var serviceId))
        {
            Editing = serviceId;
            return Respond(await work.UpdateAsync(id, serviceId, input, cancellationToken), _ => "The service was saved.", next: _ => RedirectToPage(new { id, edit = (Guid?)null }));
        }
        return Respond(await work.CreateAsync(id, input, cancellationToken), _ => "The service was added.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid serviceId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return Respond(await work.DeleteAsync(id, serviceId, cancellationToken), _ => "The service was removed.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "services", cancellationToken))
        {
            return false;
        }
        View = (await work.ListAsync(id, cancellationToken))!;
        return true;
    }

    public sealed class ServiceForm
    {
        public string? ServiceId { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? DeliveredBy { get; set; }
        public string? BilledBy { get; set; }
        public string? Site { get; set; }
        public List<string> Payers { get; set; } = [];
        public string? Scope { get; set; }
        public bool InvolvesPart2 { get; set; }
        public string? AssociateFunction { get; set; }
        public string? AssociateOrganization { get; set; }
    }
}
