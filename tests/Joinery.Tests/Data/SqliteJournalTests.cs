using Joinery.Core;
using Joinery.Core.Data;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Data;

/// <summary>
/// A SQLite file is kept in write-ahead-log mode, whichever door opens it first, so readers (a
/// backup, the pages) never wait for a writer; the mode is stored in the file. These run on SQLite
/// whichever provider is selected.
/// </summary>
public sealed class SqliteJournalTests
{
    [Fact]
    public async Task The_web_app_puts_its_sqlite_file_in_write_ahead_log_mode()
    {
        using var app = new JoineryApp(DatabaseProvider.Sqlite);
        app.EnsureStarted();
        var file = app.Services.GetRequiredService<DatabaseOptions>().SqliteFile!;

        (await JournalModeAsync(file)).ShouldBe("wal");
    }

    [Fact]
    public async Task The_cli_puts_its_sqlite_file_in_write_ahead_log_mode()
    {
        await using var cli = await CliSession.StartAsync(DatabaseProvider.Sqlite);

        await cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");

        (await JournalModeAsync(cli.Host.Database.Options.SqliteFile!)).ShouldBe("wal");
    }

    [Fact]
    public async Task A_sqlite_command_waits_ten_seconds_for_a_busy_database_before_it_fails()
    {
        await using var cli = await CliSession.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = cli.Host.Scope();

        var connection = (SqliteConnection)scope.ServiceProvider.GetRequiredService<JoineryDb>().Database.GetDbConnection();

        // Microsoft.Data.Sqlite retries a busy statement until this many seconds have passed.
        connection.DefaultTimeout.ShouldBe(10);
    }

    [Fact]
    public async Task An_in_memory_database_is_migrated_and_left_in_memory_journal_mode()
    {
        // A shared in-memory database lives as long as one connection to it is open.
        var connectionString = $"Data Source=journal-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keeper = new SqliteConnection(connectionString);
        await keeper.OpenAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Joinery"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(TestClock.New());
        services.AddJoineryCore(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();

        applied.ShouldBe(Migrator.Versions(DatabaseProvider.Sqlite));
        provider.GetRequiredService<DatabaseOptions>().SqliteFile.ShouldBeNull();
        await using var command = keeper.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync()).ShouldBe("memory");
    }

    private static async Task<string> JournalModeAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
