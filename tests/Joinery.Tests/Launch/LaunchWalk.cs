using Joinery.Core.Launch;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Launch;

public sealed class LaunchWalk : IWalkContribution
{
    /// <summary>Prepare and Operate in the victim partnership: a checklist item, a course, a referral source and a milestone.</summary>
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var launch = services.GetRequiredService<LaunchWork>();
            var item = await launch.SaveItemAsync(victim.Id, null, new ChecklistItemInput("space", "A room for the consultant", null, "2026-02-01", null));
            var training = await launch.SaveTrainingAsync(victim.Id, null, new TrainingInput(null, "Front desk staff", "Warm handoffs", "2026-02-01", null));
            var source = await launch.SaveSourceAsync(victim.Id, null, new ReferralSourceInput("County crisis line", "external", "phone", null));
            var milestones = services.GetRequiredService<MilestonesWork>();
            var milestone = await milestones.SaveAsync(victim.Id, null, new MilestoneInput("First joint training day", "2026-01-20", "2026-01-20"));
            var celebration = await milestones.CelebrateAsync(victim.Id, milestone.Value, new CelebrationInput("2026-01-21", "Lunch together.", ""));
            foreach (var outcome in new[] { item, training, source, milestone, celebration })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            return new Dictionary<string, string>
            {
                ["checklistItemId"] = item.Value.ToString(),
                ["trainingId"] = training.Value.ToString(),
                ["sourceId"] = source.Value.ToString(),
                ["milestoneId"] = milestone.Value.ToString(),
                ["celebrationId"] = celebration.Value.ToString(),
            };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Launch/Index" => new()
        {
            ["Schedule.StartDate"] = "2026-03-02",
            ["Schedule.PilotMonths"] = "6",
            ["Item.Area"] = "workflows",
            ["Item.Title"] = "Crisis workflow agreed",
            ["Item.Owner"] = victim.Steward.UserId.ToString(),
            ["Training.StaffName"] = "Medical assistants",
            ["Training.Course"] = "Screening",
            ["Source.Name"] = "Eastside front desk",
            ["Source.Kind"] = "internal",
            ["Source.Channel"] = "meeting",
            ["Row.Owner"] = victim.Steward.UserId.ToString(),
            ["Row.DueOn"] = "2026-02-01",
            ["Row.DoneOn"] = "2026-01-15",
            ["Decision.Decision"] = "go",
            ["Decision.Note"] = "Ready.",
        },
        "/Milestones/Index" => new()
        {
            ["Input.Title"] = "First shared case review",
            ["Input.PlannedOn"] = "2026-04-01",
            ["Row.DueOn"] = "2026-01-20",
            ["Row.DoneOn"] = "2026-01-21",
            ["Celebration.CelebratedOn"] = "2026-01-22",
            ["Celebration.How"] = "Lunch together.",
            ["Celebration.Thanked"] = "The front desk teams.",
        },
        _ => [],
    };
}
