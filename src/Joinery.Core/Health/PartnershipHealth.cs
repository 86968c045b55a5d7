using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Health;

public sealed record SettingsInput(IReadOnlyDictionary<string, string?> Values);

/// <summary>A threshold and the value a partnership uses.</summary>
public sealed record ThresholdValue(Threshold Threshold, int Value);

/// <summary>
/// Partnership health: the warning signs of product.md and frameworks.md §10.2, each computed by the
/// feature whose records show it (<see cref="IHealthContribution"/>), with each partnership's own
/// thresholds. Transparent rules, no composite score: each signal says what it saw.
/// </summary>
public sealed class PartnershipHealth(JoineryDb db, IEnumerable<IHealthContribution> contributions)
{
    /// <summary>Every threshold the registered features use, in the order the features were registered.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; } = contributions.SelectMany(c => c.Thresholds).ToList();

    /// <summary>The partnership's thresholds with their values, or null when the partnership is not visible.</summary>
    public async Task<IReadOnlyList<ThresholdValue>?> SettingsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var values = await ValuesAsync(partnershipId, cancellationToken);
        return Thresholds.Select(t => new ThresholdValue(t, values[t])).ToList();
    }

    private async Task<HealthThresholds> ValuesAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        new(await db.Set<HealthThreshold>().AsNoTracking().Where(t => t.PartnershipId == partnershipId)
            .ToDictionaryAsync(t => t.Name, t => t.Value, StringComparer.Ordinal, cancellationToken));

    private const int UnknownNameEchoMax = 60;
    private const int UnknownNamesListed = 10;

    /// <summary>Stewards set the thresholds; fields left out keep their value.</summary>
    public async Task<Outcome<Guid>> SaveSettingsAsync(Guid partnershipId, SettingsInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden("Only the partnership's stewards change the health thresholds.");
        }
        var check = new Validation();
        var known = Thresholds.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // An unknown name is echoed as the field of its message only when it could be a threshold's
        // name (short); a flood of names or a huge one gets one message, not a copy of the request.
        var unknown = input.Values.Keys.Where(k => !known.Contains(k)).ToList();
        foreach (var name in unknown.Where(k => k.Length <= UnknownNameEchoMax).Take(UnknownNamesListed))
        {
            check.Add(name, "There is no such threshold.");
        }
        if (unknown.Count > UnknownNamesListed || unknown.Any(k => k.Length > UnknownNameEchoMax))
        {
            check.Add("", "Some names are not thresholds; GET health-settings lists the thresholds.");
        }
        var given = new List<(Threshold Threshold, int Value)>();
        foreach (var threshold in Thresholds)
        {
            var value = input.Values.FirstOrDefault(v => string.Equals(v.Key, threshold.Name, StringComparison.OrdinalIgnoreCase));
            if (value.Key is null)
            {
                continue;
            }
            var field = char.ToLowerInvariant(threshold.Name[0]) + threshold.Name[1..];
            if (check.Number(field, threshold.Label.ToLowerInvariant(), value.Value, threshold.Min, threshold.Max, decimals: 0) is { } number)
            {
                given.Add((threshold, (int)number));
            }
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var stored = await db.Set<HealthThreshold>().Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var (threshold, value) in given)
        {
            if (stored.TryGetValue(threshold.Name, out var row))
            {
                row.Change(value, db.Now);
            }
            else
            {
                db.Set<HealthThreshold>().Add(HealthThreshold.Set(partnershipId, threshold.Name, value, db.Now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(partnershipId);
    }

    /// <summary>
    /// The active warning signs, most serious first; null when the partnership is not visible.
    /// Every member sees the same signals, so they are computed once per change to the partnership
    /// and day (<see cref="PartnershipVersions.SharedViewAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<HealthSignal>?> SignalsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        return await db.SharedViewAsync(partnershipId, nameof(PartnershipHealth), () => ComputeAsync(partnershipId, cancellationToken));
    }

    private async Task<IReadOnlyList<HealthSignal>> ComputeAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var facts = (await db.FactsAsync(partnershipId, cancellationToken))!;
        var signals = new List<HealthSignal>();
        if (facts.Archived)
        {
            // An archived partnership cannot act on a warning any more.
            return signals;
        }
        var thresholds = await ValuesAsync(partnershipId, cancellationToken);
        foreach (var contribution in contributions)
        {
            // One after the other: the contributions share the request's data context.
            signals.AddRange(await contribution.SignalsAsync(facts, thresholds, cancellationToken));
        }
        return signals.OrderByDescending(s => s.Severity).ThenBy(s => s.Step).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
    }
}
