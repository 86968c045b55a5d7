namespace Joinery.Core.IntegrationLevels;

public sealed record FinderQuestion(string Code, string Text, string Help, string? YesNext, int? YesLevel, string? NoNext, int? NoLevel);

public sealed record FinderStep(string Question, bool Answer);

public sealed record FinderResult(int? Level, IReadOnlyList<FinderStep> Path, FinderQuestion? NextQuestion);

/// <summary>
/// Joinery's own yes/no level finder: a short decision tree over the framework's key elements
/// (communication, physical proximity, practice change) that places a practice on exactly one
/// level. It is not the IPAT and does not use its wording.
/// </summary>
public static class LevelFinder
{
    public static readonly IReadOnlyList<FinderQuestion> Questions =
    [
        new("same-site", "Do behavioral health and primary care providers see the people they share at the same site?",
            "Same building or campus counts; a visiting clinician one day a month does not.", "shared-systems", null, "regular-contact", null),
        new("regular-contact", "Do the providers talk about shared patients regularly, not only when something goes wrong?",
            "For example scheduled calls, case reviews or routine updates after referrals.", null, 2, null, 1),
        new("shared-systems", "Do they share some systems (scheduling, records, front desk) and consult each other in person as a routine?",
            "Occasional corridor conversations alone do not count.", "practice-change", null, null, 3),
        new("practice-change", "Has care for shared patients changed: agreed screening, planning treatment together, regular team meetings?",
            "Answer yes if this holds for the people both sides see, not just a few.", "whole-practice", null, null, 4),
        new("whole-practice", "Is nearly every provider part of the integrated model, with space, one care plan per person, funding and billing worked out as one practice?",
            "Answer yes only if the practice runs as one system.", null, 6, null, 5),
    ];

    public static FinderQuestion First => Questions[0];

    public static FinderQuestion? Find(string code) => Questions.FirstOrDefault(q => q.Code == code);

    /// <summary>Follows the answers from the first question; stops at a level or at the first unanswered question.</summary>
    public static FinderResult Evaluate(IReadOnlyDictionary<string, bool> answers)
    {
        var path = new List<FinderStep>();
        var question = First;
        while (true)
        {
            if (!answers.TryGetValue(question.Code, out var yes))
            {
                return new FinderResult(null, path, question);
            }
            path.Add(new FinderStep(question.Code, yes));
            var (next, level) = yes ? (question.YesNext, question.YesLevel) : (question.NoNext, question.NoLevel);
            if (level is not null)
            {
                return new FinderResult(level, path, null);
            }
            question = Find(next!)!;
        }
    }

    /// <summary>The first question two paths answered differently, or null when they agree all the way.</summary>
    public static string? Divergence(IReadOnlyList<FinderStep> a, IReadOnlyList<FinderStep> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i].Question != b[i].Question || a[i].Answer != b[i].Answer)
            {
                return a[i].Question;
            }
        }
        return null;
    }

    /// <summary>"same-site=yes;shared-systems=no" — how a path is stored.</summary>
    public static string Encode(IEnumerable<FinderStep> path) =>
        string.Join(';', path.Select(p => $"{p.Question}={(p.Answer ? "yes" : "no")}"));

    public static Dictionary<string, bool> Decode(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('='))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1] == "yes", StringComparer.Ordinal);
}
