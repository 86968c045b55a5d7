using Joinery.Core.Common;
using Joinery.Core.Decisions;

namespace Joinery.Web.Features.Decisions;

public sealed class DecisionForm
{
    public string? Title { get; set; }
    public string? Problem { get; set; }
    public string? Options { get; set; }
    public string? Negotiability { get; set; }
    public string? Citation { get; set; }
    public string? Compromise { get; set; }
    public string? Status { get; set; }
    public string? MeetingId { get; set; }

    public DecisionInput ToInput() => new(Title, Problem, Options, Negotiability, Citation, Compromise, Status, MeetingId);

    public static DecisionForm From(DecisionDetails d) => new()
    {
        Title = d.Title,
        Problem = d.Problem,
        Options = d.Options,
        Negotiability = d.Negotiability.ToText(),
        Citation = d.Citation,
        Compromise = d.Compromise,
        Status = d.Status.ToText(),
        MeetingId = d.MeetingId?.ToString(),
    };
}
