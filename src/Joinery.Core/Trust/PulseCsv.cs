using System.Globalization;
using CsvHelper;
using Joinery.Core.Common;

namespace Joinery.Core.Trust;

/// <summary>
/// A round's results as CSV, one row per group and statement (the first of each group is "overall").
/// A withheld group keeps its rows with n and the reason, and an empty mean: the export shows no
/// more than the page. Comments are not exported. Cells a spreadsheet would run as a formula are escaped.
/// </summary>
public static class PulseCsv
{
    public static readonly string[] Columns = ["round", "group_type", "group", "n", "suppressed", "reason", "item", "step", "statement", "mean"];

    public static string Write(PulseResults results)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }
            csv.EndRecord();
            foreach (var group in results.Groups)
            {
                var rows = new List<(string Item, string Step, string Statement, double? Mean)> { ("overall", "", "All statements", group.Overall) };
                rows.AddRange(results.Items.Select(i => (i.Id, i.Step.ToString(CultureInfo.InvariantCulture), i.Text,
                    group.Items?.FirstOrDefault(s => s.Item == i.Id)?.Mean)));
                foreach (var row in rows)
                {
                    foreach (var value in new[]
                             {
                                 results.Number.ToString(CultureInfo.InvariantCulture), group.Kind.ToText(), group.Name, group.N.ToString(CultureInfo.InvariantCulture),
                                 group.Suppressed ? "yes" : "no", group.Reason?.ToText() ?? "", row.Item, row.Step, row.Statement,
                                 row.Mean?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                             })
                    {
                        csv.WriteField(value);
                    }
                    csv.EndRecord();
                }
            }
            csv.Flush();
        }
        return text.ToString();
    }
}
