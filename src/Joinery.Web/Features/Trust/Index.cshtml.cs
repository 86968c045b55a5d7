using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Trust;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Trust;

[InNavigation(NavGroup.Plan, 1, "Trust", "/trust", Step = 6)]
public sealed class IndexModel(JoineryDb db, TrustWork trust) : PartnershipPage(db)
{
    public FaceToFaceView View { get; private set; } = null!;

    /// <summary>Attendances at in-person meetings by level, period by period.</summary>
    public LineChart OverTime { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "trust", cancellationToken))
        {
            return NotFound();
        }
        var by = EnumText.TryParse<ContactPeriod>(By, out var parsed) ? parsed : ContactPeriod.Month;
        View = (await trust.FaceToFaceAsync(id, by, cancellationToken))!;
        var rows = View.OverTime;
        OverTime = new LineChart("Attendances at in-person meetings, by level",
            rows.Select(r => by == ContactPeriod.Month ? Shown.Month(r.From) : r.Label).ToList(),
            [
                new LineSeries("Executive", rows.Select(r => (double?)r.Executive).ToList()),
                new LineSeries("Manager", rows.Select(r => (double?)r.Manager).ToList()),
                new LineSeries("Frontline", rows.Select(r => (double?)r.Frontline).ToList()),
            ],
            whole: true);
        return Page();
    }
}
