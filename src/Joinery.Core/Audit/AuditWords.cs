using System.Text.RegularExpressions;

namespace Joinery.Core.Audit;

/// <summary>
/// An audit entry's action and changed fields in plain words for the trail's page: the codes
/// ("agreement-element-check.created", "Status,UpdatedAt") stay in the CSV export and the API,
/// where scripts read them.
/// </summary>
public static partial class AuditWords
{
    /// <summary>Actions that read better as a sentence of their own than as "added a …".</summary>
    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        ["sign-in.succeeded"] = "Signed in",
        ["sign-in.failed"] = "Failed to sign in",
        ["mission-acknowledgement.created"] = "Read the published mission",
        ["mission-endorsement.created"] = "Endorsed the mission",
        ["decision-sign-off.created"] = "Signed off a decision",
        ["readiness-response.created"] = "Answered the readiness check",
        ["pulse-round.answered"] = "Answered a pulse round",
        ["pulse-round.created"] = "Opened a pulse round",
        ["feedback-support.created"] = "Supported a piece of feedback",
        ["expectation-submission.created"] = "Submitted an organization's expectations",
        ["expectations.revealed"] = "Showed both organizations' expectations",
        ["go-decision.created"] = "Gave a go or no-go for the launch",
        ["phase-change.created"] = "Moved the partnership to another phase",
        ["agreement-element-check.created"] = "Ticked an element of an agreement's checklist",
        ["agreement-element-check.deleted"] = "Unticked an element of an agreement's checklist",
        ["measure-point.created"] = "Recorded a period of a measure's data",
        ["measure-point.updated"] = "Corrected a period of a measure's data",
    };

    /// <summary>What the records are called; a record not named here reads as its code's words ("cost item").</summary>
    private static readonly Dictionary<string, string> Nouns = new(StringComparer.Ordinal)
    {
        ["glossary-term"] = "a term of the common language",
        ["glossary-comment"] = "a comment on a term",
        ["launch-plan"] = "the launch plan",
        ["checklist-item"] = "a launch checklist item",
        ["training-record"] = "a training course",
        ["user"] = "an account",
        ["membership"] = "a member",
        ["feedback-item"] = "feedback",
        ["feedback-status-change"] = "the status of feedback",
        ["expectation-item"] = "an expected result",
        ["agreed-expectation"] = "an agreed expectation",
        ["expectation-pair"] = "a pair of matching expectations",
        ["partnership"] = "the partnership",
        ["partner-organization"] = "a partner organization",
        ["service-transition"] = "a service's transition plan",
        ["agreement-party"] = "a party to an agreement",
        ["agreement-signatory"] = "a signatory of an agreement",
        ["decision-position"] = "a partner's position on a decision",
        ["mission-version"] = "a draft of the mission",
        ["mission-comment"] = "a comment on the mission",
        ["mission-communication"] = "a way the mission was shared",
        ["level-finding"] = "a finding about the level of integration",
        ["level-decision"] = "the agreed level of integration",
        ["readiness-round"] = "a readiness check",
        ["celebration"] = "a celebration of a milestone",
        ["agreed-source"] = "an agreed data source",
    };

    /// <summary>"Added a term of the common language", "Changed a launch checklist item", "Signed off a decision".</summary>
    public static string Action(string action)
    {
        if (Sentences.TryGetValue(action, out var sentence))
        {
            return sentence;
        }
        var dot = action.LastIndexOf('.');
        var (record, verb) = dot < 0 ? (action, "") : (action[..dot], action[(dot + 1)..]);
        var noun = Nouns.TryGetValue(record, out var named) ? named : Article(record.Replace('-', ' '));
        return verb switch
        {
            "created" => $"Added {noun}",
            "updated" => $"Changed {noun}",
            "deleted" => $"Removed {noun}",
            _ => $"{Capital(verb.Replace('-', ' '))} {noun}".Trim(),
        };
    }

    /// <summary>The changed fields in words, without the bookkeeping ("Status,StatusChangedAt,UpdatedAt" → "status").</summary>
    public static string Fields(string detail)
    {
        if (detail.Length == 0 || detail.Contains(' ', StringComparison.Ordinal))
        {
            return detail;
        }
        var fields = detail.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(f => f is not ("UpdatedAt" or "CreatedAt") && !(f.EndsWith("ChangedAt", StringComparison.Ordinal) && f.Length > "ChangedAt".Length))
            .Select(f => Words(f.EndsWith("UserId", StringComparison.Ordinal) && f.Length > 6 ? f[..^6] : f.EndsWith("Id", StringComparison.Ordinal) && f.Length > 2 ? f[..^2] : f))
            .Distinct()
            .ToList();
        return fields.Count == 0 ? "" : $"Changed: {string.Join(", ", fields)}";
    }

    private static string Words(string pascal) => Capitals().Replace(pascal, " $1").Trim().ToLowerInvariant();

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Capitals();
}
