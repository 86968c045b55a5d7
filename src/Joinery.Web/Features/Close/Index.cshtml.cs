using Joinery.Core.Close;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Close;

[InNavigation(NavGroup.Close, 1, "Transition plans", "/close")]
public sealed class IndexModel(JoineryDb db, CloseWork close) : PartnershipPage(db)
{
    public CloseView View { get; private set; } = null!;
    public IReadOnlyList<MemberView> Members => Partnership.Members;

    /// <summary>The service whose plan failed to save: its form shows what was posted, with the ids the error summary links to.</summary>
    public Guid? FailedService { get; private set; }

    [BindProperty]
    public TransitionForm Plan { get; set; } = new();

    [BindProperty]
    public bool Confirm { get; set; }

    public string FieldId(string field, Guid serviceId) => serviceId == FailedService ? $"Plan_{field}" : $"Plan_{field}_{serviceId:N}";

    /// <summary>What a service's form shows: what was just posted when it failed, otherwise the saved plan.</summary>
    public TransitionForm FormFor(TransitionView t) => t.ServiceId == FailedService ? Plan : TransitionForm.From(t);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Saves the transition plan of <paramref name="service"/> (a service's id).</summary>
    public async Task<IActionResult> OnPostTransitionAsync(Guid id, Guid service, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        FailedService = service;
        var name = View.Transitions.FirstOrDefault(t => t.ServiceId == service)?.Service ?? "the service";
        return Respond(await close.SaveTransitionAsync(id, service, Plan.ToInput(), cancellationToken),
            _ => $"The transition plan for {name} is saved.", "Plan");
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? Respond(await close.ArchiveAsync(id, new ArchiveInput(Confirm), cancellationToken),
                _ => "The partnership is archived. Everything in it can still be read, printed and audited.", "")
            : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "close", cancellationToken))
        {
            return false;
        }
        View = (await close.GetAsync(id, cancellationToken))!;
        return true;
    }
}
