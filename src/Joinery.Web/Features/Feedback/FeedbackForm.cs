using Joinery.Core.Feedback;

namespace Joinery.Web.Features.Feedback;

public sealed class FeedbackForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public bool Anonymous { get; set; }

    public FeedbackInput ToInput() => new(Kind, Title, Body, Anonymous);
}

public sealed class StatusForm
{
    public string? Status { get; set; }
    public string? Reason { get; set; }

    public FeedbackStatusInput ToInput() => new(Status, Reason);
}
