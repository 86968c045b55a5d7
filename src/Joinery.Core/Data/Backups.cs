using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Joinery.Core.Data;

/// <summary>
/// SQLite backup and restore with SQLite's online backup API: the copy is a consistent snapshot even
/// while the web app is writing. PostgreSQL deployments use pg_dump instead.
/// </summary>
/// <remarks>
/// A copy that finds the database busy or locked is tried again a few times with a growing pause.
/// A backup is written to a hidden file beside the target and moved into place only when complete,
/// so a failed run leaves nothing that looks like a backup (nor a file that blocks the next run).
/// A restore writes through the target's own connection, never over its file, so a target in
/// write-ahead-log mode keeps its -wal and -shm files coherent, and connections that have it open
/// (a running web app) see the restored data.
/// </remarks>
public sealed class Backups(JoineryDb db, DatabaseOptions options, ILogger<Backups> logger)
{
    /// <summary>Tries in all, when SQLite answers busy or locked; the pauses between them are 0.2, 0.4, 0.8 and 1.6 s.</summary>
    public const int Attempts = 5;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async Task<string> BackupAsync(string outFile, CancellationToken cancellationToken = default)
    {
        var source = RequireSqlite();
        var target = Path.GetFullPath(outFile);
        if (File.Exists(target))
        {
            throw new BackupException($"{target} already exists; choose a new file name.");
        }
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await WhileBusyAsync("backup", () => CopyAsync(source, partial, cancellationToken), cancellationToken);
            File.Move(partial, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            throw new BackupException($"{target} already exists; choose a new file name.");
        }
        finally
        {
            DeleteWithJournals(partial);
        }
        return target;
    }

    public async Task RestoreAsync(string fromFile, bool force, CancellationToken cancellationToken = default)
    {
        var target = RequireSqlite();
        var source = Path.GetFullPath(fromFile);
        if (!File.Exists(source))
        {
            throw new BackupException($"There is no file {source}.");
        }
        await using (var check = new SqliteConnection(ReadOnly(source)))
        {
            await check.OpenAsync(cancellationToken);
            await using var command = check.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'schema_versions'";
            try
            {
                if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    throw new BackupException($"{source} is not a Joinery backup.");
                }
            }
            catch (SqliteException)
            {
                throw new BackupException($"{source} is not a SQLite database.");
            }
        }
        if (!force && await HoldsDataAsync(cancellationToken))
        {
            throw new BackupException("The database already holds data; add --force to overwrite it.");
        }
        await WhileBusyAsync("restore", async () =>
        {
            await using var from = new SqliteConnection(ReadOnly(source));
            await from.OpenAsync(cancellationToken);
            await using var to = new SqliteConnection(target);
            await to.OpenAsync(cancellationToken);
            // One step: the target changes in one transaction, or not at all when it is busy.
            from.BackupDatabase(to);
            // In write-ahead-log mode the restored pages are moved into the database file itself.
            await ExecuteAsync(to, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }, cancellationToken);
        SqliteConnection.ClearAllPools();
    }

    private static async Task CopyAsync(string source, string partial, CancellationToken cancellationToken)
    {
        DeleteWithJournals(partial);
        await using var from = new SqliteConnection(source);
        await from.OpenAsync(cancellationToken);
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        await to.OpenAsync(cancellationToken);
        from.BackupDatabase(to);
        // The copy would keep the source's write-ahead-log mode; a backup is one self-contained file.
        await ExecuteAsync(to, "PRAGMA journal_mode = DELETE", cancellationToken);
    }

    /// <summary>Runs <paramref name="copy"/>, again after a pause while SQLite answers busy or locked, up to <see cref="Attempts"/> times.</summary>
    private async Task WhileBusyAsync(string what, Func<Task> copy, CancellationToken cancellationToken)
    {
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await copy();
                return;
            }
            catch (SqliteException e) when (IsBusy(e) && attempt < Attempts)
            {
                DataLog.DatabaseBusy(logger, what, attempt, Attempts, pause.TotalMilliseconds);
                await Task.Delay(pause, cancellationToken);
                pause *= 2;
            }
            catch (SqliteException e) when (IsBusy(e))
            {
                throw new BackupException(what == "backup"
                    ? "The database stayed busy, so no backup was written; try again."
                    : "The database stayed busy, so nothing was restored; try again.");
            }
        }
    }

    private static bool IsBusy(SqliteException e) => (e.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadOnly(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static void DeleteWithJournals(string file)
    {
        foreach (var path in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private async Task<bool> HoldsDataAsync(CancellationToken cancellationToken)
    {
        try
        {
            db.Tenancy.ActAcrossPartnerships();
            return await db.Users.AnyAsync(cancellationToken) || await db.Organizations.AnyAsync(cancellationToken);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private string RequireSqlite() =>
        options.Provider == DatabaseProvider.Sqlite && options.SqliteFile is not null
            ? options.SqliteConnectionString
            : throw new BackupException("Backup and restore work on a SQLite file; for PostgreSQL use pg_dump and pg_restore.");
}

public sealed class BackupException(string message) : Exception(message);
