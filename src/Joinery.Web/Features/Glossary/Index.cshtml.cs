using System.Text;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Glossary;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Glossary;

/// <summary>Takes a CSV import, so its posts may be as large as the file plus the form around it.</summary>
[UploadLimit(GlossaryCsv.MaxBytes)]
[InNavigation(NavGroup.Plan, 1, "Common language", "/glossary", Step = 2)]
public sealed class IndexModel(JoineryDb db, GlossaryWork glossary) : PartnershipPage(db)
{
    public List<TermView> Terms { get; private set; } = [];
    public bool CanEdit => Partnership.MyRole is { } role && role != MemberRole.Viewer;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty]
    public TermForm Input { get; set; } = new();

    public List<TermView> Shown => Terms
        .Where(t => string.IsNullOrWhiteSpace(Q) || t.Term.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || t.Definition.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase))
        .Where(t => string.IsNullOrEmpty(Status) || t.Status.ToText() == Status)
        .Where(t => string.IsNullOrEmpty(Category) || t.Category.ToText() == Category)
        .ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetBytes(GlossaryCsv.Write(Terms)), "text/csv", "glossary.csv");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await glossary.CreateAsync(id, Input.ToInput(), cancellationToken);
        return Respond(outcome, t => $"'{t.Term}' was added.");
    }

    public async Task<IActionResult> OnPostStarterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await glossary.LoadStarterAsync(id, cancellationToken);
        return Respond(outcome, added => $"{added} terms from the starter crosswalk were added as proposed. Edit them to fit this partnership.");
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var content = await ReadUploadAsync(file, GlossaryCsv.MaxBytes, cancellationToken);
        if (content is null)
        {
            return Page();
        }
        var (rows, error) = GlossaryCsv.Read(content);
        if (error is not null)
        {
            ModelState.AddModelError("file", error);
            return Page();
        }
        return RespondToImport(await glossary.ImportAsync(id, rows, cancellationToken), r => $"Imported: {r.Added} added, {r.Updated} updated.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "glossary", cancellationToken))
        {
            return false;
        }
        Terms = (await glossary.ListAsync(id, cancellationToken))!;
        return true;
    }
}
