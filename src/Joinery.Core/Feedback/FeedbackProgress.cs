using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Feedback;

/// <summary>
/// Step 7 adds the feedback forum to the champions: in progress once feedback is posted; done when
/// feedback has led to a change ("you said, we did") and no negative item has waited longer than
/// <see cref="FeedbackWork.AnswerWithinDays"/> days for an answer.
/// </summary>
public sealed class FeedbackProgress(JoineryDb db) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken)
    {
        var items = await db.Set<FeedbackItem>().AsNoTracking().Where(f => f.PartnershipId == partnership.Id)
            .Select(f => new { f.Kind, f.Status, f.Answer, f.PostedAt }).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            // Empowerment is not done until feedback has been heard and acted on.
            return new RoadmapPart([], [new StepPart(7, StepStatus.NotStarted, "", Order: 1)]);
        }
        var cutoff = db.Now.AddDays(-FeedbackWork.AnswerWithinDays);
        var done = items.Count(i => i.Status == FeedbackStatus.Done);
        var neglected = items.Count(i => i.Kind == FeedbackKind.Negative && i.Answer.Length == 0 && i.Status != FeedbackStatus.WontDo && i.PostedAt < cutoff);
        var evidence = $"{Counting.Of(items.Count, "feedback item")}, {done} done"
            + (neglected > 0 ? $"; {Counting.Of(neglected, "negative item")} unanswered for over {FeedbackWork.AnswerWithinDays} days." : ".");
        return new RoadmapPart([], [new StepPart(7, done > 0 && neglected == 0 ? StepStatus.Done : StepStatus.InProgress, evidence, Order: 1)]);
    }
}

/// <summary>Negative feedback left unanswered, and a silence that may mean people do not feel safe to speak.</summary>
public sealed class FeedbackSignals(JoineryDb db, FeedbackWork feedback) : IHealthContribution
{
    public static readonly Threshold NegativeUnansweredDays = new("NegativeUnansweredDays", "Days negative feedback may wait for an answer", 30, 1, 365);
    public static readonly Threshold SilenceDays = new("SilenceDays", "Days without any negative feedback before asking whether people feel safe", 90, 14, 730);

    public IReadOnlyList<Threshold> Thresholds => [NegativeUnansweredDays, SilenceDays];

    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var signals = new List<HealthSignal>();
        var answerWithin = thresholds[NegativeUnansweredDays];
        var waiting = (await feedback.UnansweredNegativeAsync(partnership.Id, cancellationToken)).Where(w => w.DaysWaiting > answerWithin).ToList();
        if (waiting.Count > 0)
        {
            signals.Add(new("negative-feedback-unanswered", Severity.Warning, 7,
                $"{Counting.Of(waiting.Count, "negative feedback item")} {Counting.Verb(waiting.Count, "has", "have")} waited more than {HealthText.Days(answerWithin)} for an answer (the longest {HealthText.Days(waiting.Max(w => w.DaysWaiting))}). Unanswered complaints teach people to stop speaking up.",
                waiting.Select(w => new Evidence("feedback", w.Id, w.Title)).ToList(), partnership.Path + "/feedback"));
        }
        var last = await feedback.LastNegativeFeedbackAtAsync(partnership.Id, cancellationToken);
        var since = last ?? partnership.CreatedAt;
        var quiet = (int)(db.Now - since).TotalDays;
        if (quiet > thresholds[SilenceDays])
        {
            signals.Add(new("no-negative-feedback", Severity.Info, 7,
                last is null
                    ? $"No negative feedback in the {HealthText.Days(quiet)} since the partnership began. Silence is more often a sign that people do not feel safe to speak than that all is well."
                    : $"No negative feedback for {HealthText.Days(quiet)}. Silence is more often a sign that people do not feel safe to speak than that all is well.",
                [], partnership.Path + "/feedback"));
        }
        return signals;
    }
}
