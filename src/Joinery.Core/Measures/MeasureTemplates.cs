namespace Joinery.Core.Measures;

public sealed record MeasureTemplate(string Code, string Name, string WhyItMatters, MeasureType Type, MeasureKind Kind, string Unit,
    string Numerator, string Denominator, string DataSource, BetterDirection BetterDirection, string Group);

/// <summary>
/// Ready-made measures, in our own words: the partnership benefits worth tracking (resources used
/// better, less duplication, more choice) and common measures of whole-person care. A template
/// fills the form; the partners adjust it and set their own target.
/// </summary>
public static class MeasureTemplates
{
    public const string Benefits = "Partnership benefits";
    public const string Care = "Whole-person care";

    public static readonly IReadOnlyList<MeasureTemplate> All =
    [
        new("shared-resources", "Shared resources in use",
            "Partners that share staff, space and systems spend less on each. This shows whether the resources you pooled are actually used.",
            MeasureType.Process, MeasureKind.Proportion, "%", "Shared clinic sessions that were used", "Shared clinic sessions offered",
            "Both partners' schedules", BetterDirection.Up, Benefits),
        new("duplicate-assessments", "People assessed twice for the same need",
            "When both partners repeat the same intake or screening, people wait and staff time is lost. Fewer repeats means less duplication of services.",
            MeasureType.Balancing, MeasureKind.Proportion, "%", "People referred who were given the same assessment again by the receiving partner",
            "People referred between the partners", "Referral log and intake records", BetterDirection.Down, Benefits),
        new("service-choice", "Services people can reach in one place",
            "More choice for the people served: how many different services a person can get through either partner's front door.",
            MeasureType.Outcome, MeasureKind.Value, "services", "", "", "Service catalog, reviewed monthly", BetterDirection.Up, Benefits),
        new("cost-per-person", "Cost per person served",
            "Resources used more efficiently: the joint program's running cost divided by the people it served that month.",
            MeasureType.Balancing, MeasureKind.Value, "dollars", "", "", "Finance reports of both partners", BetterDirection.Down, Benefits),
        new("screening-follow-up", "Positive screens with a follow-up plan",
            "A screening only helps if a positive result leads somewhere. This shows whether people who screen positive get a plan the same month.",
            MeasureType.Process, MeasureKind.Proportion, "%", "Positive screens with a documented follow-up plan", "Positive screens",
            "Primary care record", BetterDirection.Up, Care),
        new("referrals-completed", "Referrals completed",
            "A referral that never turns into a visit is a person who fell through the gap between the partners.",
            MeasureType.Process, MeasureKind.Proportion, "%", "Referrals where the person was seen", "Referrals made between the partners",
            "Referral log", BetterDirection.Up, Care),
        new("days-to-first-visit", "Days from referral to first visit",
            "Waiting loses people. The median wait from a referral to the first visit with the other partner.",
            MeasureType.Process, MeasureKind.Value, "days", "", "", "Referral log", BetterDirection.Down, Care),
        new("depression-response", "People whose depression improved",
            "The outcome people care about: a clear drop in depression scores after about six months of care.",
            MeasureType.Outcome, MeasureKind.Proportion, "%", "People with a 50% or greater drop in their depression score at six months",
            "People with a depression score recorded six months earlier", "Shared registry", BetterDirection.Up, Care),
        new("ed-visits", "Emergency department visits",
            "Whole-person care should mean fewer crises; watch this as a balancing measure while workflows change.",
            MeasureType.Balancing, MeasureKind.Value, "visits per 100 people", "", "", "Claims or hospital notifications", BetterDirection.Down, Care),
    ];

    public static MeasureTemplate? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}
