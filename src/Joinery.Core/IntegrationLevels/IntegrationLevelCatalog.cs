namespace Joinery.Core.IntegrationLevels;

public enum IntegrationCategory { Coordinated, CoLocated, Integrated }

public sealed record DifferentiatorRow(string Domain, string Description);

public sealed record IntegrationLevel(int Number, string Name, IntegrationCategory Category, string KeyElement, string Summary,
    IReadOnlyList<DifferentiatorRow> Differentiators);

/// <summary>
/// The six levels of collaboration and integration in three categories (SAMHSA-HRSA CIHS standard
/// framework, 2013; frameworks.md §1), described in our own words for the reference page.
/// </summary>
public static class IntegrationLevelCatalog
{
    public static readonly IReadOnlyList<IntegrationLevel> Levels =
    [
        new(1, "Minimal collaboration", IntegrationCategory.Coordinated, "Communication",
            "Separate facilities and systems; providers talk rarely, only when a case forces it.",
        [
            new("Clinical delivery", "Each practice screens and plans treatment its own way."),
            new("Patient experience", "The person finds their own way between two sites, with mixed success."),
            new("Practice and organization", "Nobody manages the collaboration; it depends on individuals."),
            new("Business model", "Separate funding, separate billing, nothing shared."),
        ]),
        new(2, "Basic collaboration at a distance", IntegrationCategory.Coordinated, "Communication",
            "Separate facilities and systems; periodic contact about shared patients, by request or exchange.",
        [
            new("Clinical delivery", "Screening stays separate; information is shared when asked for."),
            new("Patient experience", "Referrals happen but many people meet barriers between the two."),
            new("Practice and organization", "Some leadership toward sharing information systematically."),
            new("Business model", "Separate funding; resources may be shared for a single project."),
        ]),
        new(3, "Basic collaboration onsite", IntegrationCategory.CoLocated, "Physical proximity",
            "Same building, separate systems; regular contact because the other is close by.",
        [
            new("Clinical delivery", "May agree on a screen or referral criteria so in-house referral works."),
            new("Patient experience", "Referral is easier at one site, but who gets referred varies by provider."),
            new("Practice and organization", "Leaders support co-location, treated as a project."),
            new("Business model", "Separate funding and billing; facility costs may be shared."),
        ]),
        new(4, "Close collaboration onsite with some system integration", IntegrationCategory.CoLocated, "Physical proximity",
            "Shared space and some shared systems; in-person consultation and coordinated plans for some people.",
        [
            new("Clinical delivery", "Agreed screens where results can be acted on; joint planning for some people."),
            new("Patient experience", "Warm handoffs at times; still feels like two services."),
            new("Practice and organization", "Leaders work through some system barriers together."),
            new("Business model", "Separate billing; some costs and staff (such as the front desk) shared."),
        ]),
        new(5, "Close collaboration approaching an integrated practice", IntegrationCategory.Integrated, "Practice change",
            "Teams meet regularly; shared patients are cared for by a team; systems are being joined.",
        [
            new("Clinical delivery", "A consistent screening set guides care; collaborative plans for all shared patients."),
            new("Patient experience", "People who screen positive are seen by a team: close to one stop."),
            new("Practice and organization", "Nearly all providers engaged; leaders back integration as funding allows."),
            new("Business model", "Blended funding through agreements; billing by an agreed process."),
        ]),
        new(6, "Full collaboration in a transformed, merged practice", IntegrationCategory.Integrated, "Practice change",
            "One practice: shared space, one plan per person, system issues resolved, team care as the norm.",
        [
            new("Clinical delivery", "Population-wide screening with visible results and response protocols; one treatment plan."),
            new("Patient experience", "All needs met as they arise, seamlessly."),
            new("Practice and organization", "Integration is the practice model; all providers drive it."),
            new("Business model", "Integrated funding and billing under a single structure."),
        ]),
    ];

    public static IntegrationLevel Level(int number) => Levels[number - 1];
}
