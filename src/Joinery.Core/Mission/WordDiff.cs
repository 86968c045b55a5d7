namespace Joinery.Core.Mission;

public enum DiffKind { Same, Added, Removed }

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// A readable word-level diff between two versions of a text (longest common subsequence over
/// words, whitespace kept with the word before it). Texts are at most a few thousand characters,
/// so the quadratic table is small.
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffPart> Compare(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var ka = a.Select(t => t.TrimEnd()).ToArray();
        var kb = b.Select(t => t.TrimEnd()).ToArray();
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = ka[i] == kb[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && ka[x] == kb[y])
            {
                Append(parts, DiffKind.Same, b[y]);
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                Append(parts, DiffKind.Added, b[y++]);
            }
            else
            {
                Append(parts, DiffKind.Removed, a[x++]);
            }
        }
        return parts;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || !char.IsWhiteSpace(text[i + 1])))
            {
                tokens.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            tokens.Add(text[start..]);
        }
        return tokens;
    }

    private static void Append(List<DiffPart> parts, DiffKind kind, string text)
    {
        if (parts.Count > 0 && parts[^1].Kind == kind)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        }
        else
        {
            parts.Add(new DiffPart(kind, text));
        }
    }
}
