using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

public sealed record PhaseMove(string? To, string? Reason);

/// <summary>
/// Stewards move a partnership to the next phase (or to Close). The current phase's gate is
/// checked; when it is not met the steward may still move on, but must say why, and the reason
/// stays on the overview.
/// </summary>
public sealed class MovePhase(JoineryDb db, ComputeRoadmap roadmap)
{
    public async Task<Outcome<Phase>> RunAsync(Guid partnershipId, PhaseMove input, CancellationToken cancellationToken = default)
    {
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return Outcome<Phase>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken) || db.Tenancy.UserId is null)
        {
            return Outcome<Phase>.Forbidden("Only stewards can move the partnership between phases.");
        }
        var check = new Validation();
        var to = check.Choice<Phase>("to", "the phase to move to", input.To);
        var reason = check.Text("reason", "the reason", input.Reason, PhaseChange.ReasonMax, required: false);
        if (!check.IsValid)
        {
            return Outcome<Phase>.Invalid(check.Errors);
        }
        var from = partnership.Phase;
        if (to == from)
        {
            return Outcome<Phase>.Invalid("to", $"The partnership is already in the {from} phase.");
        }
        if (to != Phase.Close && to != from + 1)
        {
            return Outcome<Phase>.Invalid("to", $"From {from} the partnership can move to {from + 1} (or to Close).");
        }
        var gate = (await roadmap.RunAsync(partnershipId, cancellationToken))!.CurrentGate;
        var unmet = to == Phase.Close ? [] : gate.Criteria.Where(c => c.Status != CriterionStatus.Met).ToList();
        if (unmet.Count > 0 && reason.Length == 0)
        {
            return Outcome<Phase>.Invalid("reason",
                $"The {from} gate is not met ({string.Join("; ", unmet.Select(c => c.Text))}). To move on anyway, record why.");
        }
        partnership.Phase = to!.Value;
        db.PhaseChanges.Add(new PhaseChange
        {
            PartnershipId = partnershipId,
            From = from,
            To = to.Value,
            ChangedByUserId = db.Tenancy.UserId.Value,
            ChangedAt = db.Now,
            UnmetCriteria = string.Join(",", unmet.Select(c => c.Code)),
            OverrideReason = unmet.Count > 0 ? reason : "",
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Phase>.Ok(to.Value);
    }
}
