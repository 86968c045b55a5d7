using Joinery.Core.Data;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Measures;

[InNavigation(NavGroup.Plan, 1, "Measures", "/measures", Step = 8)]
public sealed class IndexModel(JoineryDb db, MeasuresWork measures) : PartnershipPage(db)
{
    public List<MeasureSummary> Measures { get; private set; } = [];
    public IReadOnlyList<MemberView> Members => Partnership.Members;
    public bool CanRecord => Partnership.MyRole is { } role && role != MemberRole.Viewer;
    public MeasureTemplate? Template { get; private set; }

    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? template, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Template = MeasureTemplates.Find(template);
        if (Template is not null)
        {
            Input = MeasureForm.From(Template);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await measures.CreateAsync(id, Input.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The measure is defined. Record its data month by month, or import a CSV file.",
            next: measure => Redirect($"/partnerships/{id}/measures/{measure}"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "measures", cancellationToken))
        {
            return false;
        }
        Measures = (await measures.ListAsync(id, cancellationToken))!;
        return true;
    }
}
