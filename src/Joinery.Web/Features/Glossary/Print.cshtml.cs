using Joinery.Core.Data;
using Joinery.Core.Glossary;
using Joinery.Web.Features.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Glossary;

public sealed class PrintModel(JoineryDb db, GlossaryWork glossary) : PartnershipPage(db)
{
    public List<TermView> Terms { get; private set; } = [];

    /// <summary>Today on the app's clock, not the machine's.</summary>
    public DateOnly PrintedOn => DateOnly.FromDateTime(Db.Now.UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "glossary", cancellationToken))
        {
            return NotFound();
        }
        Terms = (await glossary.ListAsync(id, cancellationToken))!;
        return Page();
    }
}
