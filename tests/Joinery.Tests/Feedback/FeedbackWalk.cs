using Joinery.Core.Feedback;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Feedback;

public sealed class FeedbackWalk : IWalkContribution
{
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var feedback = await services.GetRequiredService<FeedbackWork>().PostAsync(victim.Id,
                new FeedbackInput("negative", "Referrals disappear", "We never hear whether the person was seen.", Anonymous: true));
            feedback.Succeeded.ShouldBeTrue(feedback.FirstError);
            return new Dictionary<string, string> { ["feedbackId"] = feedback.Value.ToString() };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Feedback/Index" => new() { ["Input.Kind"] = "idea", ["Input.Title"] = "A shared calendar", ["Input.Anonymous"] = "true" },
        "/Feedback/Details" => new()
        {
            ["Answer"] = "Thank you; the billing leads will look at it.",
            ["Change.Status"] = "wont-do",
            ["Change.Reason"] = "The state contract fixes this until July.",
        },
        _ => [],
    };
}
