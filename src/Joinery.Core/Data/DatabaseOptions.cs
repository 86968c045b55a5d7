using System.Data.Common;
using Joinery.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Joinery.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives. <c>Database:Provider</c> picks SQLite (default, a file under ./data/) or
/// PostgreSQL; <c>ConnectionStrings:Joinery</c> says where.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/joinery.db";

    /// <summary>
    /// How long a SQLite statement waits for another connection's write to finish before it fails
    /// (Microsoft.Data.Sqlite retries a busy statement until then), unless the connection string sets
    /// its own Default Timeout. Writes are short, so a wait this long means something is stuck.
    /// </summary>
    public const int SqliteBusyTimeoutSeconds = 10;

    /// <summary>Stands for the database settings among the options checked at start.</summary>
    public sealed class StartCheck;

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(text) && !Enum.TryParse(text, ignoreCase: true, out provider))
        {
            throw new SettingException($"Database:Provider must be Sqlite or Postgres, not '{text}'.");
        }
        var connection = configuration.GetConnectionString("Joinery");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new SettingException("Database:Provider is Postgres: set ConnectionStrings:Joinery.");
            }
            connection = DefaultSqlite;
        }
        return new DatabaseOptions(provider, connection);
    }

    /// <summary>The SQLite file's full path, or null for PostgreSQL and in-memory databases.</summary>
    public string? SqliteFile
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }
            var sqlite = new SqliteConnectionStringBuilder(ConnectionString);
            var source = sqlite.DataSource;
            return sqlite.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:"
                || source.StartsWith("file::memory:", StringComparison.Ordinal) || source.Contains("mode=memory", StringComparison.OrdinalIgnoreCase)
                ? null
                : Path.GetFullPath(source);
        }
    }

    /// <summary>The SQLite connection string as opened: with <see cref="SqliteBusyTimeoutSeconds"/> as its Default Timeout unless it names one.</summary>
    public string SqliteConnectionString
    {
        get
        {
            var given = new DbConnectionStringBuilder { ConnectionString = ConnectionString };
            var sqlite = new SqliteConnectionStringBuilder(ConnectionString);
            if (!given.ContainsKey("Default Timeout") && !given.ContainsKey("DefaultTimeout") && !given.ContainsKey("Command Timeout"))
            {
                sqlite.DefaultTimeout = SqliteBusyTimeoutSeconds;
            }
            return sqlite.ToString();
        }
    }

    /// <summary>A description for the start-up log: the file, or the PostgreSQL host and database, never a password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite at {SqliteFile ?? ":memory:"}";
        }
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(ConnectionString);
            return;
        }
        if (SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        builder.UseSqlite(SqliteConnectionString);
    }
}
