namespace Joinery.Core.Documents;

/// <summary>A piece of text in one style, as it is drawn.</summary>
public readonly record struct TextRun(string Text, SpanKind Kind);

/// <summary>
/// Breaks text into lines that fit a width, only between words: a line ends at a space or a line
/// break, never inside a word ("Members", "2026-11-04" and "Name:" stay whole, even when the word is
/// made of runs in two styles). A single word wider than the line is the only exception, and it is
/// hyphenated. Widths come from the caller, so the same rules serve any font.
/// </summary>
public static class LineBreaker
{
    /// <summary>Measures a run's text in its style, in the caller's units.</summary>
    public delegate double Measure(string text, SpanKind kind);

    /// <summary>
    /// The words of the runs: each word with the spaces that follow it, made of one run per style it
    /// spans. A line break ("\n") starts a new line: the word after it is marked.
    /// </summary>
    public static List<Word> Words(IEnumerable<TextRun> runs)
    {
        var words = new List<Word>();
        var current = new List<TextRun>();
        var startsLine = false;
        void Add(string text, SpanKind kind)
        {
            if (text.Length == 0)
            {
                return;
            }
            if (current.Count > 0 && current[^1].Kind == kind)
            {
                current[^1] = new TextRun(current[^1].Text + text, kind);
            }
            else
            {
                current.Add(new TextRun(text, kind));
            }
        }
        void End()
        {
            if (current.Count > 0)
            {
                words.Add(new Word(current, startsLine));
                current = [];
                startsLine = false;
            }
        }
        foreach (var run in runs)
        {
            var text = run.Text.Replace("\r", "", StringComparison.Ordinal).Replace('\t', ' ');
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == ' ')
                {
                    // The space belongs to the word before it; the next character starts a new word.
                    Add(text[start..(i + 1)], run.Kind);
                    start = i + 1;
                    if (i + 1 < text.Length && text[i + 1] != ' ')
                    {
                        End();
                    }
                }
                else if (text[i] == '\n')
                {
                    Add(text[start..i], run.Kind);
                    End();
                    startsLine = true;
                    start = i + 1;
                }
            }
            Add(text[start..], run.Kind);
            if (text.Length > 0 && text[^1] == ' ')
            {
                End();
            }
        }
        End();
        return words;
    }

    /// <summary>Lines of runs, each no wider than <paramref name="width"/> except where nothing fits.</summary>
    public static List<List<TextRun>> Wrap(IEnumerable<TextRun> runs, double width, Measure measure)
    {
        var lines = new List<List<TextRun>> { new() };
        var used = 0.0;
        void Append(TextRun run)
        {
            var line = lines[^1];
            if (line.Count > 0 && line[^1].Kind == run.Kind)
            {
                line[^1] = new TextRun(line[^1].Text + run.Text, run.Kind);
            }
            else
            {
                line.Add(run);
            }
        }
        foreach (var word in Words(runs))
        {
            if (word.StartsLine)
            {
                lines.Add([]);
                used = 0;
            }
            var inked = word.Inked(measure);
            if (used > 0 && used + inked > width)
            {
                TrimEnd(lines[^1]);
                lines.Add([]);
                used = 0;
            }
            if (inked > width)
            {
                foreach (var piece in Hyphenate(word, width, measure))
                {
                    if (lines[^1].Count > 0)
                    {
                        lines.Add([]);
                    }
                    piece.ForEach(Append);
                }
                used = lines[^1].Sum(r => measure(r.Text, r.Kind));
                continue;
            }
            word.Runs.ForEach(Append);
            used += word.Runs.Sum(r => measure(r.Text, r.Kind));
        }
        foreach (var line in lines)
        {
            TrimEnd(line);
        }
        return lines;
    }

    /// <summary>The widest word and the width of the longest line unbroken, of a piece of text.</summary>
    public static (double LongestWord, double Natural) Extent(IEnumerable<TextRun> runs, Measure measure)
    {
        double longest = 0, natural = 0, line = 0, trailing = 0;
        foreach (var word in Words(runs))
        {
            if (word.StartsLine)
            {
                natural = Math.Max(natural, line - trailing);
                line = 0;
            }
            var inked = word.Inked(measure);
            var full = word.Runs.Sum(r => measure(r.Text, r.Kind));
            longest = Math.Max(longest, inked);
            line += full;
            trailing = full - inked;
        }
        return (longest, Math.Max(natural, line - trailing));
    }

    private static void TrimEnd(List<TextRun> line)
    {
        if (line.Count > 0)
        {
            line[^1] = line[^1] with { Text = line[^1].Text.TrimEnd(' ') };
        }
    }

    /// <summary>A word too wide for any line, cut into pieces that fit with a hyphen at each cut.</summary>
    private static IEnumerable<List<TextRun>> Hyphenate(Word word, double width, Measure measure)
    {
        var letters = word.Runs.SelectMany(r => r.Text.TrimEnd(' ').Select(c => (Letter: c, r.Kind))).ToList();
        var piece = new List<(char Letter, SpanKind Kind)>();
        double Width(IEnumerable<(char Letter, SpanKind Kind)> part) =>
            part.GroupBy(l => l.Kind).Sum(g => measure(new string(g.Select(l => l.Letter).ToArray()), g.Key));
        List<TextRun> Runs(List<(char Letter, SpanKind Kind)> part, bool hyphen)
        {
            var runs = new List<TextRun>();
            foreach (var (letter, kind) in part)
            {
                if (runs.Count > 0 && runs[^1].Kind == kind)
                {
                    runs[^1] = new TextRun(runs[^1].Text + letter, kind);
                }
                else
                {
                    runs.Add(new TextRun(letter.ToString(), kind));
                }
            }
            if (hyphen)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + "-" };
            }
            return runs;
        }
        foreach (var letter in letters)
        {
            if (piece.Count > 0 && Width(piece.Append(letter).Append(('-', letter.Kind))) > width)
            {
                yield return Runs(piece, hyphen: true);
                piece = [];
            }
            piece.Add(letter);
        }
        if (piece.Count > 0)
        {
            // The last piece keeps the spaces after the word, so the next word stays apart from it.
            var last = Runs(piece, hyphen: false);
            last[^1] = last[^1] with { Text = last[^1].Text + new string(' ', word.Text.Length - word.Text.TrimEnd(' ').Length) };
            yield return last;
        }
    }

    /// <summary>A word: its runs (with the spaces after it) and whether a line break comes before it.</summary>
    public sealed record Word(List<TextRun> Runs, bool StartsLine)
    {
        public string Text => string.Concat(Runs.Select(r => r.Text));

        /// <summary>The width of the word's ink, without the spaces after it.</summary>
        public double Inked(Measure measure)
        {
            var last = Runs.FindLastIndex(r => r.Text.TrimEnd(' ').Length > 0);
            return Runs.Take(last + 1).Select((r, i) => measure(i == last ? r.Text.TrimEnd(' ') : r.Text, r.Kind)).Sum();
        }
    }
}
