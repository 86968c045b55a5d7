using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Data;

/// <summary>
/// SQLite backup and restore with SQLite's online backup API: the copy is consistent even while
/// the web app is writing. PostgreSQL deployments use pg_dump instead.
/// </summary>
public sealed class Backups(JoineryDb db, DatabaseOptions options)
{
    public async Task<string> BackupAsync(string outFile, CancellationToken cancellationToken = default)
    {
        var source = RequireSqlite();
        var target = Path.GetFullPath(outFile);
        if (File.Exists(target))
        {
            throw new BackupException($"{target} already exists; choose a new file name.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var from = new SqliteConnection(source);
        await from.OpenAsync(cancellationToken);
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await to.OpenAsync(cancellationToken);
        from.BackupDatabase(to);
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
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
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
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await from.OpenAsync(cancellationToken);
        await using var to = new SqliteConnection(target);
        await to.OpenAsync(cancellationToken);
        from.BackupDatabase(to);
        SqliteConnection.ClearAllPools();
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
            ? options.ConnectionString
            : throw new BackupException("Backup and restore work on a SQLite file; for PostgreSQL use pg_dump and pg_restore.");
}

public sealed class BackupException(string message) : Exception(message);
