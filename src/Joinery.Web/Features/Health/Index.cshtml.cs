using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Health;

[InNavigation(NavGroup.Health, 1, "Health", "/health")]
public sealed class IndexModel(JoineryDb db, PartnershipHealth health) : PartnershipPage(db)
{
    public IReadOnlyList<HealthSignal> Signals { get; private set; } = [];
    public IReadOnlyList<ThresholdValue> Settings { get; private set; } = [];

    [BindProperty(Name = "Thresholds")]
    public Dictionary<string, string?> Thresholds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await health.SaveSettingsAsync(id, new SettingsInput(Thresholds), cancellationToken);
        return Respond(outcome, _ => "The thresholds are saved; the signals below use them.", "Thresholds");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "health", cancellationToken))
        {
            return false;
        }
        Signals = (await health.SignalsAsync(id, cancellationToken))!;
        Settings = (await health.SettingsAsync(id, cancellationToken))!;
        return true;
    }
}
