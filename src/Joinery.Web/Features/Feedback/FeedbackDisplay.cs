using Joinery.Core.Feedback;

namespace Joinery.Web.Features.Feedback;

/// <summary>How the feedback pages show kinds, statuses and waiting times.</summary>
public static class FeedbackDisplay
{
    /// <summary>Reuses the glossary's status colours: done is good, won't do is red, new is grey, the rest in between.</summary>
    public static string StatusClass(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Done => "agreed",
        FeedbackStatus.WontDo => "disputed",
        FeedbackStatus.New => "proposed",
        _ => "in-discussion",
    };

    public static string KindHint(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Positive => "Positive: something that works",
        FeedbackKind.Negative => "Negative: something that does not work",
        _ => "Idea: something that could be better",
    };

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
