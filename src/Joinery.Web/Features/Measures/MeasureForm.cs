using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Measures;

namespace Joinery.Web.Features.Measures;

public sealed class MeasureForm
{
    public string? Name { get; set; }
    public string? WhyItMatters { get; set; }
    public string? Type { get; set; } = "outcome";
    public string? Kind { get; set; } = "proportion";
    public string? Unit { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public string? DataSource { get; set; }
    public string? Owner { get; set; }
    public string? BetterDirection { get; set; } = "up";
    public string? Target { get; set; }
    public string? Frequency { get; set; } = "monthly";

    public MeasureInput ToInput() => new(Name, WhyItMatters, Type, Kind, Unit, Numerator, Denominator, DataSource, Owner, BetterDirection, Target, Frequency);

    public static MeasureForm From(MeasureTemplate t) => new()
    {
        Name = t.Name,
        WhyItMatters = t.WhyItMatters,
        Type = t.Type.ToText(),
        Kind = t.Kind.ToText(),
        Unit = t.Kind == MeasureKind.Value ? t.Unit : null,
        Numerator = t.Numerator,
        Denominator = t.Denominator,
        DataSource = t.DataSource,
        BetterDirection = t.BetterDirection.ToText(),
    };

    public static MeasureForm From(MeasureDetails d) => new()
    {
        Name = d.Name,
        WhyItMatters = d.WhyItMatters,
        Type = d.Type.ToText(),
        Kind = d.Kind.ToText(),
        Unit = d.Kind == MeasureKind.Value ? d.Unit : null,
        Numerator = d.Numerator,
        Denominator = d.Denominator,
        DataSource = d.DataSource,
        Owner = d.OwnerUserId?.ToString(),
        BetterDirection = d.BetterDirection.ToText(),
        Target = d.Target?.ToString("0.####", CultureInfo.InvariantCulture),
        Frequency = d.Frequency.ToText(),
    };
}

public sealed class CycleForm
{
    public string? Title { get; set; }
    public string? Plan { get; set; }
    public string? Prediction { get; set; }
    public string? Do { get; set; }
    public string? Study { get; set; }
    public string? Act { get; set; }
    public string? NextStep { get; set; }
    public string? StartedOn { get; set; }
    public string? EndedOn { get; set; }

    public CycleInput ToInput() => new(Title, Plan, Prediction, Do, Study, Act, NextStep, StartedOn, EndedOn);

    public static CycleForm From(CycleView c) => new()
    {
        Title = c.Title,
        Plan = c.Plan,
        Prediction = c.Prediction,
        Do = c.Do,
        Study = c.Study,
        Act = c.Act?.ToText(),
        NextStep = c.NextStep,
        StartedOn = c.StartedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndedOn = c.EndedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
