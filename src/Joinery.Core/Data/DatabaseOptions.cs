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

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(text) && !Enum.TryParse(text, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{text}'.");
        }
        var connection = configuration.GetConnectionString("Joinery");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Joinery.");
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
            var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return source.Length == 0 || source == ":memory:" || source.StartsWith("file::memory:", StringComparison.Ordinal)
                ? null
                : Path.GetFullPath(source);
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
        builder.UseSqlite(ConnectionString);
    }
}
