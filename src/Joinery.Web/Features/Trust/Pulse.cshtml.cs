using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Trust;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Trust;

[InNavigation(NavGroup.Plan, 2, "Pulse", "/pulse", Step = 6)]
public sealed class PulseModel(JoineryDb db, PulseWork pulse) : PartnershipPage(db)
{
    public PulseOverview View { get; private set; } = null!;

    /// <summary>The mean of all statements, closed round by closed round; null before the first round closes.</summary>
    public LineChart? OverallTrend { get; private set; }

    /// <summary>Each statement's mean by closed round, drawn small on the same 1–5 scale.</summary>
    public IReadOnlyList<(PulseItemTrend Item, LineChart Chart)> StatementTrends { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await pulse.OpenRoundAsync(id, cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                TempData["Status"] = $"Round {outcome.Value!.Number} is open. Every member can answer it now; its results appear when a steward closes it.";
                return Redirect($"/partnerships/{id}/pulse/{outcome.Value.Id}");
            case OutcomeStatus.Forbidden:
                return Forbid();
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, "");
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "trust", cancellationToken))
        {
            return false;
        }
        View = (await pulse.OverviewAsync(id, cancellationToken))!;
        var closed = View.Rounds.Where(r => r.Status == PulseRoundStatus.Closed).OrderBy(r => r.Number).ToList();
        if (closed.Count > 0)
        {
            var rounds = closed.Select(r => $"Round {r.Number}").ToList();
            OverallTrend = new LineChart("Mean of all statements by round", rounds,
                [new LineSeries("All statements", closed.Select(r => r.Overall).ToList())], min: 1, max: 5);
            StatementTrends = View.Trend.Select(item => (item, new LineChart(item.Text, rounds,
                [new LineSeries(item.Text, closed.Select(r => item.Rounds.First(p => p.Round == r.Id).Mean).ToList())],
                min: 1, max: 5, width: 260, height: 130, steps: 2))).ToList();
        }
        return true;
    }
}
