using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Feedback;

public static class FeedbackFeature
{
    /// <summary>Feedback: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<FeedbackWork>();
        services.AddRoadmap<FeedbackProgress>();
        services.AddHealth<FeedbackSignals>();
        services.AddDemo<FeedbackDemo>();
        services.AddInbox<AnswerInbox>();
        return services;
    }
}
