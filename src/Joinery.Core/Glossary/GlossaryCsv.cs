using System.Globalization;
using CsvHelper;

namespace Joinery.Core.Glossary;

/// <summary>
/// The glossary as CSV: columns term, category, behavioral_health_usage, primary_care_usage,
/// definition, status. Cells that a spreadsheet would run as a formula are written with a
/// leading apostrophe (CsvHelper's injection escaping), which reading strips again.
/// </summary>
public static class GlossaryCsv
{
    public static readonly string[] Columns = ["term", "category", "behavioral_health_usage", "primary_care_usage", "definition", "status"];

    public const int MaxBytes = 2 * 1024 * 1024;

    public static string Write(IEnumerable<TermView> terms)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }
            csv.EndRecord();
            foreach (var t in terms)
            {
                foreach (var value in new[] { t.Term, Common.EnumText.ToText(t.Category), t.BehavioralHealthUsage, t.PrimaryCareUsage, t.Definition, Common.EnumText.ToText(t.Status) })
                {
                    csv.WriteField(value);
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return text.ToString();
    }

    /// <summary>Reads the rows with their row numbers (the header is row 1), or says why the file cannot be read.</summary>
    public static (List<(int Row, GlossaryInput Input)> Rows, string? Error) Read(string content)
    {
        var rows = new List<(int, GlossaryInput)>();
        try
        {
            using var csv = CsvReader.FromText(content, new CsvReaderOptions { HasHeader = true, TrimWhitespace = true });
            csv.ReadHeader();
            if (csv.Headers.Count == 0)
            {
                return (rows, "The file is empty; it needs a header row: " + string.Join(",", Columns) + ".");
            }
            var indexes = new Dictionary<string, int>();
            foreach (var column in Columns)
            {
                if (csv.TryGetFieldIndex(column, out var index))
                {
                    indexes[column] = index;
                }
            }
            if (!indexes.ContainsKey("term") || !indexes.ContainsKey("category"))
            {
                return (rows, "The header row must name at least the columns term and category (all: " + string.Join(",", Columns) + ").");
            }
            var row = 1;
            while (csv.Read())
            {
                row++;
                string? Get(string column) => indexes.TryGetValue(column, out var i) && i < csv.FieldCount ? Common.CsvCells.Undefuse(csv.GetString(i)) : null;
                var input = new GlossaryInput(Get("term"), Get("category"), Get("behavioral_health_usage"), Get("primary_care_usage"), Get("definition"), Get("status"));
                if (new[] { input.Term, input.Category, input.BehavioralHealthUsage, input.PrimaryCareUsage, input.Definition, input.Status }.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                rows.Add((row, input));
            }
            return (rows, null);
        }
        catch (Exception e) when (e is CsvFormatException or FormatException or InvalidOperationException or ArgumentException)
        {
            return (rows, $"The file is not valid CSV (near row {rows.Count + 2}).");
        }
    }
}
