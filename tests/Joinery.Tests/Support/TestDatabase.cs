using Joinery.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Joinery.Tests.Support;

/// <summary>
/// A fresh, empty database for one test class. JOINERY_TEST_DATABASE picks the provider:
/// "sqlite" (default; a file in a temp folder) or "postgres" (a new database on the server named
/// by JOINERY_TEST_POSTGRES, dropped afterwards). Asking for PostgreSQL without a server fails
/// loudly: no test is silently skipped.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public static DatabaseProvider Selected =>
        string.Equals(Environment.GetEnvironmentVariable("JOINERY_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public TestDatabase() : this(Selected)
    {
    }

    public TestDatabase(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable("JOINERY_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(_postgresAdmin))
            {
                throw new InvalidOperationException("JOINERY_TEST_DATABASE=postgres needs JOINERY_TEST_POSTGRES (a connection string to a server where the tests may create databases). Run ./test.sh, which starts one.");
            }
            _postgresName = $"joinery_test_{Guid.NewGuid():N}";
            using (var connection = new NpgsqlConnection(_postgresAdmin))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE {_postgresName}";
                command.ExecuteNonQuery();
            }
            var builder = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName };
            Options = new DatabaseOptions(DatabaseProvider.Postgres, builder.ConnectionString);
        }
        else
        {
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "joinery-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_sqliteFolder);
            Options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_sqliteFolder, "joinery.db")}");
        }
    }

    /// <summary>The configuration keys the web app and the CLI read, pointing at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Options.Provider.ToString(),
        ["ConnectionStrings:Joinery"] = Options.ConnectionString,
    };

    public void Dispose()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing test; the temp folder is cleaned by the OS.
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)";
            command.ExecuteNonQuery();
        }
    }
}
