using Joinery.Core;
using Joinery.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Joinery.Tests.Support;

/// <summary>
/// A fresh, empty database for one test class. JOINERY_TEST_DATABASE picks the provider:
/// "sqlite" (default; a file in a temp folder) or "postgres" (a new database on the server named
/// by JOINERY_TEST_POSTGRES, dropped afterwards). Asking for PostgreSQL without a server fails
/// loudly: no test is silently skipped. <see cref="Migrated"/> gives one with the schema already
/// in place, for hosts that migrate at start-up anyway.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The name of the PostgreSQL database that <see cref="Migrated"/> copies, made on first use.</summary>
    private static readonly Lazy<string> PostgresTemplate = new(CreatePostgresTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

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

    public TestDatabase(DatabaseProvider provider) : this(provider, migrated: false)
    {
    }

    /// <summary>
    /// A database with every migration applied, for the web host only: it migrates at start-up and
    /// then finds nothing to do, so it gets the same schema it would have built itself. On
    /// PostgreSQL it is a copy of one template migrated once per test run, which saves the
    /// suite a migration run (up to a second each) per test class. SQLite migrates in a tenth of
    /// that and is left empty, so the web host still sets its journal mode on a new file itself.
    /// </summary>
    public static TestDatabase Migrated(DatabaseProvider provider) => new(provider, migrated: true);

    private TestDatabase(DatabaseProvider provider, bool migrated)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable("JOINERY_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(_postgresAdmin))
            {
                throw new InvalidOperationException("JOINERY_TEST_DATABASE=postgres needs JOINERY_TEST_POSTGRES (a connection string to a server where the tests may create databases). Run ./test.sh, which starts one.");
            }
            _postgresName = $"joinery_test_{Guid.NewGuid():N}";
            Execute(_postgresAdmin, migrated
                ? $"CREATE DATABASE {_postgresName} TEMPLATE {PostgresTemplate.Value}"
                : $"CREATE DATABASE {_postgresName}");
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
    public Dictionary<string, string?> Settings => SettingsFor(Options);

    private static Dictionary<string, string?> SettingsFor(DatabaseOptions options) => new()
    {
        ["Database:Provider"] = options.Provider.ToString(),
        ["ConnectionStrings:Joinery"] = options.ConnectionString,
    };

    /// <summary>
    /// Migrates a new database through the Core services, as <c>CoreHost</c> does, and leaves no
    /// connection to it open: PostgreSQL copies a template only while nobody is connected to it.
    /// Dropped when the test process exits.
    /// </summary>
    private static string CreatePostgresTemplate()
    {
        var admin = Environment.GetEnvironmentVariable("JOINERY_TEST_POSTGRES")!;
        var name = $"joinery_template_{Guid.NewGuid():N}";
        Execute(admin, $"CREATE DATABASE {name}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // Best effort: the throwaway server goes with its data anyway.
            }
        };
        var options = new DatabaseOptions(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(SettingsFor(options)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(TestClock.New());
        services.AddJoineryCore(configuration);
        // Off the test's synchronization context: this runs inside a fixture's constructor.
        Task.Run(async () =>
        {
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        }).GetAwaiter().GetResult();
        using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        return name;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

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
            Execute(_postgresAdmin!, $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}
