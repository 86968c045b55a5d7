using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Joinery.Core.Data;

/// <summary>
/// Applies the versioned SQL scripts in Data/Migrations/{Sqlite,Postgres} in order, each in its
/// own transaction, and records them in schema_versions. Hand-written SQL because EF's design-time
/// tools are not available here (docs/decisions/0002-migrations.md).
/// </summary>
public sealed class Migrator(JoineryDb db, DatabaseOptions options, ILogger<Migrator> logger)
{
    public static IReadOnlyList<string> Versions(DatabaseProvider provider)
    {
        var prefix = $"migrations/{provider}/";
        return typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => Path.GetFileNameWithoutExtension(n[prefix.Length..]))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Applies every script not yet applied, up to and including <paramref name="upTo"/> when given.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? upTo = null, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await UseWriteAheadLogAsync(connection, cancellationToken);
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_versions (version VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
                cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var version in Versions(Provider))
            {
                if (upTo is not null && string.CompareOrdinal(version, upTo) > 0)
                {
                    break;
                }
                if (applied.Contains(version))
                {
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, Script(Provider, version), cancellationToken);
                await ExecuteAsync(connection, transaction,
                    $"INSERT INTO schema_versions (version, applied_at) VALUES ('{version}', '{db.Now.ToString("O", CultureInfo.InvariantCulture)}')",
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                DataLog.MigrationApplied(logger, version);
                done.Add(version);
            }
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// A SQLite file is kept in write-ahead-log mode: readers (pages, a backup) and the one writer no
    /// longer wait for each other. The mode is stored in the file, so setting it here, where the web
    /// app and the CLI both open the database, is enough; in-memory databases keep their own mode.
    /// </summary>
    private async Task UseWriteAheadLogAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (Provider != DatabaseProvider.Sqlite || options.SqliteFile is null)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = await command.ExecuteScalarAsync(cancellationToken) as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            DataLog.JournalModeKept(logger, mode);
        }
    }

    public async Task<IReadOnlySet<string>> AppliedAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await AppliedAsync(db.Database.GetDbConnection(), cancellationToken);
        }
        catch (DbException)
        {
            return new HashSet<string>();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlySet<string>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_versions";
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetString(0));
        }
        return versions;
    }

    private static string Script(DatabaseProvider provider, string version)
    {
        using var stream = typeof(Migrator).Assembly.GetManifestResourceStream($"migrations/{provider}/{version}.sql")
            ?? throw new InvalidOperationException($"Migration {version} for {provider} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
