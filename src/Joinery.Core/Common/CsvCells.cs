namespace Joinery.Core.Common;

/// <summary>Shared CSV cell handling for the imports and exports.</summary>
public static class CsvCells
{
    /// <summary>Strips the apostrophe CsvHelper's injection escaping put before a formula-like cell, so an exported file imports unchanged.</summary>
    public static string Undefuse(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
