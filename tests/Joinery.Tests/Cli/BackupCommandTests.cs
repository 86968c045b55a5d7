using Joinery.Core;
using Joinery.Core.Data;
using Joinery.Tests.Data;
using Joinery.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Joinery.Tests.Cli;

/// <summary>Backup and restore are SQLite's online backup, so these run on SQLite whichever provider is selected.</summary>
/// <remarks>
/// The cases that back up, or fail to restore, share one database: a case that writes adds
/// organizations of its own, and a case compares a backup with what the database held when it was
/// taken (not with a fixed list), or the database with what it held before a refused restore. A
/// restore that succeeds replaces the whole database, so those cases restore over a database of their
/// own. Each case has its own folder for the files it writes.
/// </remarks>
public class BackupCommandTests(BackupCommandTests.TwoOrganizations shared) : IClassFixture<BackupCommandTests.TwoOrganizations>, IAsyncLifetime
{
    /// <summary>A SQLite database holding two organizations, shared by the class's cases.</summary>
    public sealed class TwoOrganizations : IAsyncLifetime
    {
        public CliSession Cli { get; private set; } = null!;

        public async Task InitializeAsync() => Cli = await StartAsync();

        public async Task DisposeAsync() => await Cli.DisposeAsync();

        /// <summary>A new SQLite database holding Riverbend and Eastside, and the two audit entries that created them.</summary>
        public static async Task<CliSession> StartAsync()
        {
            var cli = await CliSession.StartAsync(DatabaseProvider.Sqlite);
            await cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
            await cli.OrganizationAsync("Eastside Health Center", "primary-care");
            return cli;
        }
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "joinery-tests", "backups-" + Guid.NewGuid().ToString("N"));
    private readonly CliSession _cli = shared.Cli;
    private readonly string _n = shared.Cli.Unique();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Adds an organization of this case's own, so a backup taken next must hold the latest write; returns every organization's name.</summary>
    private async Task<List<string>> AddOwnOrganizationAsync()
    {
        await _cli.OrganizationAsync($"Westside Clinic {_n}");
        var names = await OrganizationNamesAsync(_cli);
        names.ShouldContain($"Westside Clinic {_n}");
        names.ShouldContain("Riverbend Behavioral Health");
        return names;
    }

    private static async Task<int> AuditEntryCountAsync(CliSession cli)
    {
        await using var scope = cli.Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<JoineryDb>().AuditEntries.CountAsync();
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static async Task<List<string>> OrganizationNamesAsync(CliSession cli)
    {
        await using var scope = cli.Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<JoineryDb>().Organizations.OrderBy(o => o.Name).Select(o => o.Name).ToListAsync();
    }

    private static async Task<List<string>> ReadColumnAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static async Task<long> CountAsync(string file, string sql) =>
        long.Parse((await ReadColumnAsync(file, $"SELECT CAST(({sql}) AS TEXT)")).Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every table's row count, by table name.</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(string file)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in await ReadColumnAsync(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            counts[table] = await CountAsync(file, $"SELECT count(*) FROM \"{table}\"");
        }
        return counts;
    }

    private Task<string> BackupAsync(string name = "joinery-backup.db") => BackupAsync(_cli, name);

    private async Task<string> BackupAsync(CliSession cli, string name = "joinery-backup.db")
    {
        var file = PathOf(name);
        (await cli.RunAsync("db", "backup", "--out", file)).ShouldSucceed();
        return file;
    }

    [Fact]
    public async Task Backup_writes_a_valid_sqlite_file_holding_the_data_and_prints_its_path()
    {
        var names = await AddOwnOrganizationAsync();
        var file = PathOf("joinery-backup.db");

        var result = (await _cli.RunAsync("db", "backup", "--out", file)).ShouldSucceed();

        result.OutLines.ShouldBe([file]);
        File.Exists(file).ShouldBeTrue();
        (await ReadColumnAsync(file, "PRAGMA integrity_check")).ShouldBe(["ok"]);
        (await ReadColumnAsync(file, "SELECT name FROM organizations ORDER BY name")).ShouldBe(names);
        (await ReadColumnAsync(file, "SELECT version FROM schema_versions")).ShouldBe(Migrator.Versions(DatabaseProvider.Sqlite), ignoreOrder: true);
    }

    [Fact]
    public async Task Backups_taken_while_organizations_are_created_are_consistent_and_restore_to_the_same_rows()
    {
        await using var load = WriteLoad.Start(_cli.Host, _n);
        await load.WrittenAsync(3);
        var files = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            files.Add(await BackupAsync($"under-load-{i}.db"));
        }
        // The writers went on after the last backup too, so every backup ran while they wrote.
        await load.WrittenAsync(load.Written + 3);
        await load.StopAsync();

        var organizationCounts = new List<long>();
        foreach (var file in files)
        {
            (await ReadColumnAsync(file, "PRAGMA integrity_check")).ShouldBe(["ok"], file);
            (await ReadColumnAsync(file, "PRAGMA journal_mode")).ShouldBe(["delete"], $"{file} is one self-contained file");
            // A consistent snapshot: each organization was saved in one transaction with its audit entry.
            var organizations = await CountAsync(file, "SELECT count(*) FROM organizations");
            (await CountAsync(file, "SELECT count(*) FROM audit_entries WHERE action = 'organization.created'")).ShouldBe(organizations, file);
            var entries = await CountAsync(file, "SELECT count(*) FROM audit_entries");
            (await CountAsync(file, "SELECT last_id FROM audit_heads")).ShouldBe(entries, file);
            organizationCounts.Add(organizations);

            await using var fresh = await CliSession.StartAsync(DatabaseProvider.Sqlite);
            (await fresh.RunAsync("db", "restore", "--from", file)).ShouldSucceed();
            (await RowCountsAsync(fresh.Host.Database.Options.SqliteFile!)).ShouldBe(await RowCountsAsync(file), file);
            (await fresh.RunAsync("audit", "verify")).ShouldSucceed().OutLines.ShouldBe([$"Audit trail intact: {entries} entries."], file);
        }
        organizationCounts.Distinct().Count().ShouldBeGreaterThan(1, "the backups should have seen the organizations being created");
    }

    [Fact]
    public async Task A_backup_that_finds_the_database_locked_leaves_no_file_and_the_next_run_succeeds()
    {
        var names = await AddOwnOrganizationAsync();
        var file = PathOf("locked.db");
        await using (await ExclusiveLockAsync())
        {
            var error = (await _cli.RunAsync("db", "backup", "--out", file)).ShouldFailWithOneLine();

            error.ShouldBe("error: The database stayed busy, so no backup was written; try again.");
            Directory.GetFiles(_folder).ShouldBeEmpty();
        }

        (await _cli.RunAsync("db", "backup", "--out", file)).ShouldSucceed();
        (await ReadColumnAsync(file, "SELECT name FROM organizations ORDER BY name")).ShouldBe(names);
        Directory.GetFiles(_folder).ShouldBe([file]);
    }

    [Fact]
    public async Task A_backup_tries_again_when_the_database_is_busy_and_succeeds_once_the_lock_is_released()
    {
        var names = await AddOwnOrganizationAsync();
        var blocker = await ExclusiveLockAsync();
        var retries = 0;
        // The first retry releases the lock, so the next attempt must succeed: no timing involved.
        var logged = new WarningsLogged(() =>
        {
            retries++;
            blocker.Dispose();
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_cli.Host.Database.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logged));
        services.AddSingleton<TimeProvider>(TestClock.New());
        services.AddJoineryCore(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var file = PathOf("after-retry.db");

        var written = await scope.ServiceProvider.GetRequiredService<Backups>().BackupAsync(file);

        written.ShouldBe(file);
        retries.ShouldBe(1);
        (await ReadColumnAsync(file, "SELECT name FROM organizations ORDER BY name")).ShouldBe(names);
        Directory.GetFiles(_folder).ShouldBe([file]);
    }

    [Fact]
    public async Task Restore_replaces_a_database_in_write_ahead_log_mode_that_another_connection_holds_open()
    {
        // A restore replaces the whole database, so this case restores over a database of its own.
        await using var own = await TwoOrganizations.StartAsync();
        var file = await BackupAsync(own);
        await own.OrganizationAsync("Northside Clinic");
        var target = own.Host.Database.Options.SqliteFile!;
        // Like a running web app: an open connection, whose writes may still sit in the -wal file.
        await using var open = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await open.OpenAsync();
        (await ScalarAsync(open, "PRAGMA journal_mode")).ShouldBe("wal");
        (await ScalarAsync(open, "SELECT count(*) FROM organizations")).ShouldBe(3L);

        (await own.RunAsync("db", "restore", "--from", file, "--force")).ShouldSucceed();

        (await ScalarAsync(open, "SELECT count(*) FROM organizations")).ShouldBe(2L);
        (await ScalarAsync(open, "PRAGMA integrity_check")).ShouldBe("ok");
        (await ScalarAsync(open, "PRAGMA journal_mode")).ShouldBe("wal");
        (await OrganizationNamesAsync(own)).ShouldBe(["Eastside Health Center", "Riverbend Behavioral Health"]);
        (await own.RunAsync("audit", "verify")).ShouldSucceed().OutLines.ShouldBe(["Audit trail intact: 2 entries."]);
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        var file = PathOf("taken.db");
        await File.WriteAllTextAsync(file, "keep me");

        var error = (await _cli.RunAsync("db", "backup", "--out", file)).ShouldFailWithOneLine();

        error.ShouldBe($"error: {file} already exists; choose a new file name.");
        (await File.ReadAllTextAsync(file)).ShouldBe("keep me");
    }

    [Fact]
    public async Task Restore_into_an_empty_database_needs_no_force()
    {
        var names = await AddOwnOrganizationAsync();
        var entries = await AuditEntryCountAsync(_cli);
        var file = await BackupAsync();
        await using var fresh = await CliSession.StartAsync(DatabaseProvider.Sqlite);

        (await fresh.RunAsync("db", "restore", "--from", file)).ShouldSucceed();

        (await OrganizationNamesAsync(fresh)).ShouldBe(names);
        (await fresh.RunAsync("audit", "verify")).ShouldSucceed().OutLines.ShouldBe([$"Audit trail intact: {entries} entries."]);
    }

    [Fact]
    public async Task Restore_refuses_to_overwrite_a_database_holding_data_without_force()
    {
        var file = await BackupAsync();
        await _cli.OrganizationAsync($"Northside Clinic {_n}");

        var error = (await _cli.RunAsync("db", "restore", "--from", file)).ShouldFailWithOneLine();

        error.ShouldBe("error: The database already holds data; add --force to overwrite it.");
        (await OrganizationNamesAsync(_cli)).ShouldContain($"Northside Clinic {_n}");
    }

    [Fact]
    public async Task Restore_with_force_puts_the_database_back_as_it_was_at_the_backup()
    {
        // A restore replaces the whole database, so this case restores over a database of its own.
        await using var own = await TwoOrganizations.StartAsync();
        var file = await BackupAsync(own);
        await own.OrganizationAsync("Northside Clinic");

        (await own.RunAsync("db", "restore", "--from", file, "--force")).ShouldSucceed();

        (await OrganizationNamesAsync(own)).ShouldBe(["Eastside Health Center", "Riverbend Behavioral Health"]);
        (await own.RunAsync("audit", "verify")).ShouldSucceed().OutLines.ShouldBe(["Audit trail intact: 2 entries."]);
    }

    [Fact]
    public async Task Restore_from_a_file_that_is_not_sqlite_fails_with_a_clear_error()
    {
        var names = await OrganizationNamesAsync(_cli);
        var file = PathOf("notes.txt");
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat("These are meeting notes, not a database.\n", 200)));

        var error = (await _cli.RunAsync("db", "restore", "--from", file, "--force")).ShouldFailWithOneLine();

        error.ShouldBe($"error: {file} is not a SQLite database.");
        (await OrganizationNamesAsync(_cli)).ShouldBe(names);
    }

    [Fact]
    public async Task Restore_from_a_sqlite_file_that_is_not_a_joinery_backup_fails()
    {
        var names = await OrganizationNamesAsync(_cli);
        var file = PathOf("other.db");
        await using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE recipes (name TEXT)";
            await command.ExecuteNonQueryAsync();
        }

        var error = (await _cli.RunAsync("db", "restore", "--from", file, "--force")).ShouldFailWithOneLine();

        error.ShouldBe($"error: {file} is not a Joinery backup.");
        (await OrganizationNamesAsync(_cli)).ShouldBe(names);
    }

    [Fact]
    public async Task Restore_from_a_missing_file_fails()
    {
        var file = PathOf("missing.db");

        var error = (await _cli.RunAsync("db", "restore", "--from", file)).ShouldFailWithOneLine();

        error.ShouldBe($"error: There is no file {file}.");
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Another connection that holds the database exclusively (exclusive locking mode and an open write
    /// transaction), so that no other connection can read it until the lock is disposed. In
    /// write-ahead-log mode it can take that lock only while no other connection has the file open.
    /// </summary>
    private async Task<SqliteConnection> ExclusiveLockAsync()
    {
        SqliteConnection.ClearAllPools();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _cli.Host.Database.Options.SqliteFile!,
            Pooling = false,
            DefaultTimeout = 1,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE audit_heads SET last_id = last_id WHERE id = 1;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Creates organizations through the core operation in a loop, on two writers, until stopped.</summary>
    private sealed class WriteLoad : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task[] _writers;
        private int _written;

        private WriteLoad(CoreHost host, string prefix) =>
            _writers = [Task.Run(() => WriteAsync(host, $"{prefix}a")), Task.Run(() => WriteAsync(host, $"{prefix}b"))];

        public int Written => Volatile.Read(ref _written);

        /// <summary>Starts the writers, whose organizations are named "Load {prefix}a0", "Load {prefix}b0"…</summary>
        public static WriteLoad Start(CoreHost host, string prefix) => new(host, prefix);

        /// <summary>Waits until at least <paramref name="count"/> organizations were created (or a writer failed).</summary>
        public async Task WrittenAsync(int count)
        {
            while (Written < count)
            {
                if (_writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
                {
                    await failed;
                }
                await Task.Delay(10);
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_writers);
        }

        private async Task WriteAsync(CoreHost host, string writer)
        {
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                await using var scope = host.Scope();
                await scope.ServiceProvider.OrganizationAsync($"Load {writer}{i}");
                Interlocked.Increment(ref _written);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await StopAsync();
            }
            _stop.Dispose();
        }
    }

    /// <summary>Calls back on every warning that backups log, on the thread that logs it.</summary>
    private sealed class WarningsLogged(Action onWarning) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(Backups).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                onWarning();
            }
        }

        public void Dispose()
        {
        }
    }
}
