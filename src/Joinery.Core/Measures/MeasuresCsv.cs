using System.Globalization;
using CsvHelper;

namespace Joinery.Core.Measures;

/// <summary>
/// A measure's data as CSV: columns period (yyyy-mm), numerator, denominator, value, note. A
/// proportion uses numerator and denominator, a value measure uses value. Formula-like cells are
/// escaped on writing (CsvHelper) and unescaped on reading.
/// </summary>
public static class MeasuresCsv
{
    public static readonly string[] Columns = ["period", "numerator", "denominator", "value", "note"];

    public const int MaxBytes = 1024 * 1024;

    public static string Write(IEnumerable<ChartPoint> points)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }
            csv.EndRecord();
            foreach (var p in points)
            {
                foreach (var value in new[] { p.Period, p.Numerator?.ToString(CultureInfo.InvariantCulture), p.Denominator?.ToString(CultureInfo.InvariantCulture),
                    p.Value.ToString("0.####", CultureInfo.InvariantCulture), p.Note })
                {
                    csv.WriteField(value ?? "");
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return text.ToString();
    }

    /// <summary>Reads the rows with their row numbers (the header is row 1), or says why the file cannot be read.</summary>
    public static (List<(int Row, PointInput Input)> Rows, string? Error) Read(string content)
    {
        var rows = new List<(int, PointInput)>();
        try
        {
            using var csv = CsvReader.FromText(content, new CsvReaderOptions { HasHeader = true, TrimWhitespace = true });
            csv.ReadHeader();
            var indexes = new Dictionary<string, int>();
            foreach (var column in Columns)
            {
                if (csv.TryGetFieldIndex(column, out var index))
                {
                    indexes[column] = index;
                }
            }
            if (!indexes.ContainsKey("period") || !(indexes.ContainsKey("value") || (indexes.ContainsKey("numerator") && indexes.ContainsKey("denominator"))))
            {
                return (rows, "The header row must name the columns period and value, or period, numerator and denominator (all: " + string.Join(",", Columns) + ").");
            }
            var row = 1;
            while (csv.Read())
            {
                row++;
                string? Get(string column) => indexes.TryGetValue(column, out var i) && i < csv.FieldCount ? Common.CsvCells.Undefuse(csv.GetString(i)) : null;
                var input = new PointInput(Get("period"), Get("numerator"), Get("denominator"), Get("value"), Get("note"));
                if (new[] { input.Period, input.Numerator, input.Denominator, input.Value, input.Note }.All(string.IsNullOrWhiteSpace))
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
