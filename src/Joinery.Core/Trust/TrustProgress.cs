using Joinery.Core.Common;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Trust;

/// <summary>
/// Step 6: in progress once managers or frontline staff of two partners have met in person, or a
/// pulse round has closed; done while such contact is recent and a closed round had enough answers to show.
/// </summary>
public sealed class TrustProgress(TrustWork trust, PulseWork pulse) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        var lastContact = await trust.LastCrossPartnerContactBelowExecutiveAsync(partnership.Id, cancellationToken);
        var round = await pulse.LatestClosedRoundAsync(partnership.Id, cancellationToken);
        if (lastContact is null && round is null)
        {
            return new RoadmapPart([], []);
        }
        var recent = lastContact is { } last && partnership.Today.DayNumber - last.DayNumber <= FaceToFace.RecentDays;
        var contact = lastContact is { } date
            ? $"Last met in person below executive level on {ShownDates.Of(date)}"
            : "No in-person contact below executive level yet";
        var survey = round is null ? "no pulse round closed yet." : $"pulse round {round.Number} closed with {Counting.Of(round.Respondents, "answer")}.";
        return new RoadmapPart([], [new StepPart(6, recent && round is { Suppressed: false } ? StepStatus.Done : StepStatus.InProgress, $"{contact}; {survey}")]);
    }
}

/// <summary>Managers and frontline staff of the partners not meeting in person.</summary>
public sealed class FaceToFaceSignals(TrustWork trust) : IHealthContribution
{
    public static readonly Threshold FaceToFaceDays = new("FaceToFaceDays", "Days without face-to-face contact below executive level", 60, 7, 365);

    public IReadOnlyList<Threshold> Thresholds => [FaceToFaceDays];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var last = await trust.LastCrossPartnerContactBelowExecutiveAsync(partnership.Id, cancellationToken);
        var since = last ?? DateOnly.FromDateTime(partnership.CreatedAt.UtcDateTime);
        var days = partnership.Today.DayNumber - since.DayNumber;
        if (days <= thresholds[FaceToFaceDays])
        {
            return [];
        }
        return [new("no-face-to-face-below-executive", Severity.Warning, 6,
            last is null
                ? "Managers and frontline staff of the partners have never met in person. Trust between executives alone does not carry a partnership."
                : $"Managers and frontline staff of the partners last met in person {HealthText.Days(days)} ago (on {ShownDates.Of(last)}).",
            [], partnership.Path + "/trust")];
    }
}

/// <summary>Low scores in the latest closed pulse round, per step and per partner.</summary>
public sealed class PulseSignals(PulseWork pulse) : IHealthContribution
{
    public static readonly Threshold LowPulseScoreTenths = new("LowPulseScoreTenths", "Pulse item mean counted as low (tenths: 30 = 3.0)", 30, 10, 50);

    public IReadOnlyList<Threshold> Thresholds => [LowPulseScoreTenths];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var round = await pulse.LatestClosedRoundAsync(partnership.Id, cancellationToken);
        if (round is null || await pulse.ResultsAsync(partnership.Id, round.Id, cancellationToken) is not { } results)
        {
            return signals;
        }
        var threshold = thresholds[LowPulseScoreTenths] / 10.0;
        var whole = results.Groups.FirstOrDefault(g => g.Kind == GroupKind.Partnership && !g.Suppressed);
        var low = (whole?.Items ?? []).Where(i => i.Mean is { } mean && mean < threshold)
            .Select(i => (Score: i, Item: results.Items.First(x => x.Id == i.Item))).ToList();
        foreach (var step in low.GroupBy(x => x.Item.Step))
        {
            signals.Add(new("pulse-low", Severity.Warning, step.Key,
                $"In pulse round {round.Number}, {Counting.Of(step.Count(), "statement")} about this step scored below {threshold:0.0} on average.",
                step.Select(x => new Evidence("pulse-item", null, $"{x.Item.Text} ({x.Score.Mean:0.0})")).ToList(), $"{partnership.Path}/pulse/{round.Id}"));
        }
        var lowPartners = results.Groups.Where(g => g.Kind == GroupKind.Organization && !g.Suppressed && g.Overall < threshold).ToList();
        if (lowPartners.Count > 0)
        {
            signals.Add(new("pulse-low-partner", Severity.Warning, 6,
                $"In pulse round {round.Number}, {string.Join(" and ", lowPartners.Select(g => g.Name))} rated the partnership below {threshold:0.0} overall.",
                lowPartners.Select(g => new Evidence("organization", g.OrganizationId, g.Name)).ToList(), $"{partnership.Path}/pulse/{round.Id}"));
        }
        return signals;
    }
}
