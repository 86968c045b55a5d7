using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Partnerships;

public sealed record PhaseMove(string? To, string? Reason);

/// <summary>
/// Stewards move a partnership to the next phase, or to Close (saying why the partners end it), or
/// from Close back to where it was (saying why they carry on). The current phase's gate is checked;
/// when it is not met the steward may still move on, but must say why, and the reason stays on the
/// overview. An archived partnership stays in Close.
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
        if (partnership.ArchivedAt is not null)
        {
            return Outcome<Phase>.Conflict("", PartnershipArchivedException.Text);
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
        // Partners who decided to close may change their minds: back to where they were, saying why.
        var reopenTo = from == Phase.Close
            ? await db.PhaseChanges.Where(c => c.PartnershipId == partnershipId && c.To == Phase.Close)
                .OrderByDescending(c => c.ChangedAt).Select(c => (Phase?)c.From).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (from == Phase.Close && to != reopenTo)
        {
            return Outcome<Phase>.Invalid("to", reopenTo is { } back
                ? $"A closing partnership is archived once its transitions are done, or goes back to {back} if the partners carry on."
                : "A closing partnership is archived once its transitions are done.");
        }
        if (from != Phase.Close && to != Phase.Close && to != from + 1)
        {
            return Outcome<Phase>.Invalid("to", $"From {from} the partnership can move to {from + 1} (or to Close).");
        }
        if ((to == Phase.Close || from == Phase.Close) && reason.Length == 0)
        {
            return Outcome<Phase>.Invalid("reason", to == Phase.Close
                ? "Record why the partners are ending the partnership."
                : "Record why the partners carry on after all.");
        }
        var gate = (await roadmap.RunAsync(partnershipId, cancellationToken))!.CurrentGate;
        var unmet = to == Phase.Close || from == Phase.Close ? [] : gate.Criteria.Where(c => c.Status != CriterionStatus.Met).ToList();
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
            // The reason for moving on past an unmet gate, for closing, or for carrying on after all.
            OverrideReason = unmet.Count > 0 || to == Phase.Close || from == Phase.Close ? reason : "",
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Phase>.Ok(to.Value);
    }
}
