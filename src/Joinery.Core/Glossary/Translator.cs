namespace Joinery.Core.Glossary;

public sealed record TermEntry(Guid Id, string Term);

public sealed record TextMatch(Guid TermId, string Term, int Start, int Length, string Text);

/// <summary>
/// Finds glossary terms in a pasted text: case-insensitive, whole words only, singular and plural
/// alike, multi-word terms across any whitespace, and the longest term wins where terms overlap.
/// </summary>
public static class Translator
{
    public const int MaxText = 20_000;

    private sealed record Word(int Start, int End, string Key);

    public static IReadOnlyList<TextMatch> Find(string text, IReadOnlyList<TermEntry> terms)
    {
        var words = Words(text);
        var patterns = terms
            .Select(t => (t.Id, t.Term, Keys: Words(t.Term).Select(w => w.Key).ToArray()))
            .Where(p => p.Keys.Length > 0)
            .OrderByDescending(p => p.Keys.Length).ThenByDescending(p => p.Term.Length)
            .ToList();
        var matches = new List<TextMatch>();
        var i = 0;
        while (i < words.Count)
        {
            TextMatch? best = null;
            var bestWords = 0;
            foreach (var (id, term, keys) in patterns)
            {
                if (i + keys.Length > words.Count || keys.Length < bestWords)
                {
                    continue;
                }
                var fits = true;
                for (var k = 0; k < keys.Length && fits; k++)
                {
                    fits = words[i + k].Key == keys[k];
                }
                if (fits)
                {
                    var start = words[i].Start;
                    var end = words[i + keys.Length - 1].End;
                    if (best is null || end - start > best.Length)
                    {
                        best = new TextMatch(id, term, start, end - start, text[start..end]);
                        bestWords = keys.Length;
                    }
                }
            }
            if (best is null)
            {
                i++;
            }
            else
            {
                matches.Add(best);
                i += bestWords;
            }
        }
        return matches;
    }

    /// <summary>Words are runs of letters and digits, joined by inner hyphens or apostrophes.</summary>
    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                || (text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
            {
                i++;
            }
            words.Add(new Word(start, i, Singular(text[start..i].ToLowerInvariant().Replace('’', '\''))));
        }
        return words;
    }

    /// <summary>A rough English singular, applied to both sides so "referrals" meets "referral".</summary>
    internal static string Singular(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal) && word.Length > 3)
        {
            word = word[..^2];
        }
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }
        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }
        return word;
    }
}
