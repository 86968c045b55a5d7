using Joinery.Core.Documents;
using UglyToad.PdfPig;

namespace Joinery.Tests.Reports;

/// <summary>
/// Reads a PDF Joinery wrote back with PdfPig and finds the words of its document that do not come
/// back whole: a word split across two lines ("Membe" then "rs") comes back as two words and the
/// whole one is missing.
/// </summary>
public static class PdfWords
{
    /// <summary>Every word of the document's text, as often as it occurs (charts' drawn labels aside, which are not words of the model).</summary>
    public static List<string> Of(PartnershipDocument document)
    {
        var texts = new List<string> { document.Title, document.Subtitle };
        if (document.Notice is { } notice)
        {
            texts.Add(notice);
        }
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    texts.Add(h.Text);
                    break;
                case Paragraph p:
                    texts.Add(p.PlainText);
                    break;
                case BulletList l:
                    texts.AddRange(l.Items.Select(i => i.PlainText));
                    break;
                case Table t:
                    texts.Add(t.Caption);
                    texts.AddRange(t.Headers);
                    texts.AddRange(t.Rows.SelectMany(r => r.Select(c => c.PlainText)));
                    break;
                case ChartBlock c:
                    texts.Add(c.Caption);
                    break;
            }
        }
        return texts.SelectMany(t => t.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    /// <summary>The words PdfPig reads from the PDF's pages.</summary>
    public static List<string> Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
    }

    /// <summary>
    /// The document's words that the PDF holds fewer times whole than the document does, each with the
    /// pieces of it found instead ("Members ← Membe + rs"). Empty when every word is whole.
    /// </summary>
    public static List<string> Broken(PartnershipDocument document, byte[] pdf)
    {
        var read = Read(pdf).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Of(document).GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => read.GetValueOrDefault(g.Key) < g.Count())
            .Select(g =>
            {
                var pieces = read.Keys.Where(k => k.Length < g.Key.Length && k.Length > 0 && (g.Key.StartsWith(k, StringComparison.Ordinal) || g.Key.EndsWith(k, StringComparison.Ordinal)));
                return $"{g.Key} (whole {read.GetValueOrDefault(g.Key)} of {g.Count()} times; pieces read: {string.Join(", ", pieces)})";
            })
            .ToList();
    }
}
