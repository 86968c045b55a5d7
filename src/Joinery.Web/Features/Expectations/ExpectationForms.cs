using System.ComponentModel.DataAnnotations;
using Joinery.Core.Expectations;
using Joinery.Core.Measures;

namespace Joinery.Web.Features.Expectations;

public sealed class ItemForm
{
    public string? Text { get; set; }
}

public sealed class PairForm
{
    [Display(Name = "the first expectation")]
    public Guid? First { get; set; }

    [Display(Name = "the other partner's expectation")]
    public Guid? Second { get; set; }

    public string? Relation { get; set; }
    public string? Note { get; set; }

    public PairInput ToInput() => new(First, Second, Relation, Note);
}

public sealed class AgreedForm
{
    public string? Statement { get; set; }

    [Display(Name = "the owner")]
    public Guid? Owner { get; set; }

    [Display(Name = "the outcome measure")]
    public Guid? Measure { get; set; }

    [Display(Name = "the re-evaluation date")]
    public DateOnly? ReevaluateOn { get; set; }

    [Display(Name = "the expectations it is drawn from")]
    public List<Guid> Items { get; set; } = [];

    public AgreedInput ToInput() => new(Statement, Owner, Measure, ReevaluateOn, Items);

    public static AgreedForm From(AgreedView a) => new()
    {
        Statement = a.Statement,
        Owner = a.OwnerUserId,
        Measure = a.MeasureId,
        ReevaluateOn = a.ReevaluateOn,
        Items = [.. a.Items],
    };
}

public sealed class ReviewForm
{
    [Display(Name = "the first day of the pilot")]
    public DateOnly? From { get; set; }

    [Display(Name = "the last day of the pilot")]
    public DateOnly? To { get; set; }

    [Display(Name = "the day the review was held")]
    public DateOnly? HeldOn { get; set; }

    public string? Summary { get; set; }

    public PilotReviewInput ToInput() => new(From, To, HeldOn, Summary);

    public static ReviewForm FromReview(PilotReviewView r) => new() { From = r.From, To = r.To, HeldOn = r.HeldOn, Summary = r.Summary };
}

public sealed class EvaluationForm
{
    [Display(Name = "the agreed expectation")]
    public Guid? Expectation { get; set; }

    public string? Result { get; set; }
    public string? Response { get; set; }

    public EvaluationInput ToInput() => new(Expectation, Result, Response);
}

/// <summary>What the agreed-expectation fields need: the form, its field prefix, the items to draw from, and the members and measures to choose.</summary>
public sealed record AgreedFields(AgreedForm Form, string Prefix, ExpectationsView View, IReadOnlyList<Joinery.Core.Partnerships.MemberView> Members, IReadOnlyList<MeasureSummary> Measures);

public sealed record ReviewFields(ReviewForm Form, string Prefix);
