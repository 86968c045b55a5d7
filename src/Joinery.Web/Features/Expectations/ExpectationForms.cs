using System.Globalization;
using Joinery.Core.Expectations;
using Joinery.Core.Measures;

namespace Joinery.Web.Features.Expectations;

public sealed class ItemForm
{
    public string? Text { get; set; }
}

public sealed class PairForm
{
    public string? First { get; set; }
    public string? Second { get; set; }
    public string? Relation { get; set; }
    public string? Note { get; set; }

    public PairInput ToInput() => new(First, Second, Relation, Note);
}

public sealed class AgreedForm
{
    public string? Statement { get; set; }
    public string? Owner { get; set; }
    public string? Measure { get; set; }
    public string? ReevaluateOn { get; set; }
    public List<string> Items { get; set; } = [];

    public AgreedInput ToInput() => new(Statement, Owner, Measure, ReevaluateOn, Items);

    public static AgreedForm From(AgreedView a) => new()
    {
        Statement = a.Statement,
        Owner = a.OwnerUserId.ToString(),
        Measure = a.MeasureId?.ToString(),
        ReevaluateOn = a.ReevaluateOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Items = a.Items.Select(i => i.ToString()).ToList(),
    };
}

public sealed class ReviewForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? HeldOn { get; set; }
    public string? Summary { get; set; }

    public PilotReviewInput ToInput() => new(From, To, HeldOn, Summary);

    public static ReviewForm FromReview(PilotReviewView r) => new()
    {
        From = r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        HeldOn = r.HeldOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Summary = r.Summary,
    };
}

public sealed class EvaluationForm
{
    public string? Expectation { get; set; }
    public string? Result { get; set; }
    public string? Response { get; set; }

    public EvaluationInput ToInput() => new(Expectation, Result, Response);
}

/// <summary>What the agreed-expectation fields need: the form, its field prefix, the items to draw from, and the members and measures to choose.</summary>
public sealed record AgreedFields(AgreedForm Form, string Prefix, ExpectationsView View, IReadOnlyList<Joinery.Core.Partnerships.MemberView> Members, IReadOnlyList<MeasureSummary> Measures);

public sealed record ReviewFields(ReviewForm Form, string Prefix);
