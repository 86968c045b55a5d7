using System.Data.Common;
using System.Text.RegularExpressions;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Search;

/// <summary>What a search found: the same kinds the index holds (migration 0021 names them in its triggers).</summary>
public enum SearchKind { Term, Meeting, Decision, Feedback, Measure, Agreement, ActionItem }

/// <summary>A piece of a snippet: the words around a match, or a matched word itself.</summary>
public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>
/// One search result: what it is, its title, a short passage with the matched words marked, where it
/// lives in the partnership, and its date (when it was last changed; a meeting's day; an action's due day).
/// </summary>
public sealed record SearchHit(SearchKind Kind, Guid Id, string Title, IReadOnlyList<SnippetPart> Snippet, string Link, DateOnly Date);

/// <summary>
/// Searches one partnership's glossary, meetings, decisions, feedback, measures, agreements and action
/// items, best match first (at most <see cref="MaxResults"/>). Every member may read all of these on their own pages (feedback shows no
/// author here either), so whoever may see the partnership may search all of it; archived ones too.
/// </summary>
/// <remarks>
/// The index is kept by triggers in the database (decision 0011) and read here with SQL of its own,
/// which the partnership filter of <see cref="JoineryDb"/> does not reach: the partnership check
/// below and the <c>partnership_id</c> condition in the SQL are what keep partnerships apart.
/// </remarks>
public sealed partial class SearchPartnership(JoineryDb db)
{
    public const int MaxQueryLength = 200;

    /// <summary>At most this many results; a page that shows this many says the search may find more.</summary>
    public const int MaxResults = 50;

    /// <summary>Mark the matched words in snippets; characters from Unicode's private use area, which text typed by people does not hold.</summary>
    private const string MatchStart = "\uE000";
    private const string MatchEnd = "\uE001";

    public async Task<Outcome<List<SearchHit>>> RunAsync(Guid partnershipId, string? query, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<List<SearchHit>>.NotFound("No such partnership.");
        }
        var text = (query ?? "").Trim();
        if (text.Length == 0)
        {
            return Outcome<List<SearchHit>>.Invalid("q", "Enter a word or two to search for.");
        }
        if (text.Length > MaxQueryLength)
        {
            return Outcome<List<SearchHit>>.Invalid("q", $"Search for at most {MaxQueryLength} characters; this search has {text.Length}.");
        }
        // Only words are searched for: quotes, brackets, stars and AND/OR/NOT typed by a person are
        // never read as the database's query syntax (each word is quoted for SQLite, and PostgreSQL's
        // plainto_tsquery reads its text as plain words). A query of no words finds nothing.
        var words = Words(text);
        if (words.Count == 0)
        {
            return Outcome<List<SearchHit>>.Ok([]);
        }
        var rows = db.Database.IsNpgsql()
            ? await ReadAsync(PostgresSql, partnershipId, string.Join(' ', words), cancellationToken)
            : await ReadAsync(SqliteSql, partnershipId.ToString().ToUpperInvariant(), string.Join(' ', words.Select(w => $"\"{w}\"")), cancellationToken);
        return Outcome<List<SearchHit>>.Ok(rows.Select(r => Hit(partnershipId, r)).ToList());
    }

    /// <summary>The words of a query, as the indexes' tokenizers split text: runs of letters and digits.</summary>
    public static List<string> Words(string query) => WordPattern().Matches(query).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    private static readonly string SqliteSql = $"""
        SELECT "kind", "record_id", "title", snippet("search_index", -1, '{MatchStart}', '{MatchEnd}', '…', 24), "on_date"
        FROM "search_index"
        WHERE "search_index" MATCH @match AND "partnership_id" = @partnership
        ORDER BY bm25("search_index", 5.0, 1.0)
        LIMIT {MaxResults}
        """;

    // The title weighs more than the body (the tsvector's weights A and B, as bm25's column weights above).
    private static readonly string PostgresSql = $"""
        SELECT kind, record_id::text, title,
               ts_headline('english', title || E'\n' || body, q, 'StartSel={MatchStart}, StopSel={MatchEnd}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "'),
               on_date::text
        FROM search_index, plainto_tsquery('english', @match) AS q
        WHERE document @@ q AND partnership_id = @partnership
        ORDER BY ts_rank(document, q) DESC, on_date DESC
        LIMIT {MaxResults}
        """;

    private sealed record Row(string Kind, string RecordId, string Title, string Snippet, string Date);

    private async Task<List<Row>> ReadAsync(string sql, object partnership, string match, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "match", match);
            Add(command, "partnership", partnership);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<Row>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static SearchHit Hit(Guid partnershipId, Row row)
    {
        if (!EnumText.TryParse<SearchKind>(row.Kind, out var kind))
        {
            throw new InvalidOperationException($"The search index holds an unknown kind '{row.Kind}'.");
        }
        var id = Guid.Parse(row.RecordId);
        return new SearchHit(kind, id, row.Title, Parts(row.Snippet), Link(partnershipId, kind, id),
            DateOnly.ParseExact(row.Date[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Where each kind is read: its own page, or for an action item the partnership's list of actions.</summary>
    public static string Link(Guid partnershipId, SearchKind kind, Guid id) => $"/partnerships/{partnershipId}" + kind switch
    {
        SearchKind.Term => $"/glossary/{id}",
        SearchKind.Meeting => $"/meetings/{id}",
        SearchKind.Decision => $"/decisions/{id}",
        SearchKind.Feedback => $"/feedback/{id}",
        SearchKind.Measure => $"/measures/{id}",
        SearchKind.Agreement => $"/agreements/{id}",
        _ => "/actions",
    };

    /// <summary>A snippet as the database marked it, in parts; whitespace (the index joins fields with line breaks) becomes single spaces.</summary>
    public static List<SnippetPart> Parts(string marked)
    {
        var parts = new List<SnippetPart>();
        var rest = Whitespace().Replace(marked, " ").Trim();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(MatchStart, StringComparison.Ordinal);
            var end = start < 0 ? -1 : rest.IndexOf(MatchEnd, start, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                parts.Add(new SnippetPart(rest.Replace(MatchStart, "", StringComparison.Ordinal).Replace(MatchEnd, "", StringComparison.Ordinal), false));
                break;
            }
            if (start > 0)
            {
                parts.Add(new SnippetPart(rest[..start], false));
            }
            parts.Add(new SnippetPart(rest[(start + 1)..end], true));
            rest = rest[(end + 1)..];
        }
        return parts;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
