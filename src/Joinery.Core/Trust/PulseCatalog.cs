namespace Joinery.Core.Trust;

/// <summary>A statement of the pulse survey, answered on a 1–5 agreement scale. <see cref="Id"/> is stable: it is what answers carry.</summary>
public sealed record PulseItem(string Id, int Step, string Text);

/// <summary>
/// Joinery's own pulse survey on how the partnership is working: ten short statements, at least
/// one for each of the eight steps. The wording is ours, written for people at every level of
/// either partner, and borrows from no published instrument. An id is never reused for a
/// different statement, so results stay comparable from round to round.
/// </summary>
public static class PulseCatalog
{
    public static readonly IReadOnlyList<PulseItem> Items =
    [
        new("mission-clear", 1, "I could tell a new colleague in a sentence or two what this partnership is for."),
        new("language-understood", 2, "When I work with people from the other organization, we understand each other's words without confusion."),
        new("pace-sustainable", 3, "The partnership moves at a pace my team can keep up with alongside our everyday work."),
        new("solutions-fair", 4, "When the partners disagree, my organization's view is heard and we reach a fair compromise."),
        new("expectations-known", 5, "I know what results the partnership expects this year and how we will see whether we got them."),
        new("trust-rely", 6, "I can count on people in the other organization to do what they said they would."),
        new("trust-met", 6, "In the last three months I spent time in person with colleagues from the other organization."),
        new("voice-safe", 7, "I would feel safe raising a problem with how the partnership works."),
        new("voice-answered", 7, "Concerns raised by people in roles like mine get an answer."),
        new("outcomes-visible", 8, "I can see that the people we serve are better off because of the partnership."),
    ];

    /// <summary>What each point of the scale means, shown next to the choices.</summary>
    public static readonly IReadOnlyList<string> Scale =
        ["strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"];

    public static PulseItem? Find(string? id) => Items.FirstOrDefault(i => string.Equals(i.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));
}
