using Joinery.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Cli;

/// <summary>Backup and restore are SQLite's online backup, so these run on SQLite whichever provider is selected.</summary>
public class BackupCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "joinery-tests", "backups-" + Guid.NewGuid().ToString("N"));
    private CliSession _cli = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _cli = await CliSession.StartAsync(DatabaseProvider.Sqlite);
        await _cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await _cli.OrganizationAsync("Eastside Health Center", "primary-care");
    }

    public async Task DisposeAsync()
    {
        await _cli.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
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

    private async Task<string> BackupAsync(string name = "joinery-backup.db")
    {
        var file = PathOf(name);
        (await _cli.RunAsync("db", "backup", "--out", file)).ShouldSucceed();
        return file;
    }

    [Fact]
    public async Task Backup_writes_a_valid_sqlite_file_holding_the_data_and_prints_its_path()
    {
        var file = PathOf("joinery-backup.db");

        var result = (await _cli.RunAsync("db", "backup", "--out", file)).ShouldSucceed();

        result.OutLines.ShouldBe([file]);
        File.Exists(file).ShouldBeTrue();
        (await ReadColumnAsync(file, "PRAGMA integrity_check")).ShouldBe(["ok"]);
        (await ReadColumnAsync(file, "SELECT name FROM organizations ORDER BY name"))
            .ShouldBe(["Eastside Health Center", "Riverbend Behavioral Health"]);
        (await ReadColumnAsync(file, "SELECT version FROM schema_versions")).ShouldBe(Migrator.Versions(DatabaseProvider.Sqlite), ignoreOrder: true);
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
        var file = await BackupAsync();
        await using var fresh = await CliSession.StartAsync(DatabaseProvider.Sqlite);

        (await fresh.RunAsync("db", "restore", "--from", file)).ShouldSucceed();

        (await OrganizationNamesAsync(fresh)).ShouldBe(["Eastside Health Center", "Riverbend Behavioral Health"]);
        (await fresh.RunAsync("audit", "verify")).ShouldSucceed().OutLines.ShouldBe(["Audit trail intact: 2 entries."]);
    }

    [Fact]
    public async Task Restore_refuses_to_overwrite_a_database_holding_data_without_force()
    {
        var file = await BackupAsync();
        await _cli.OrganizationAsync("Northside Clinic");

        var error = (await _cli.RunAsync("db", "restore", "--from", file)).ShouldFailWithOneLine();

        error.ShouldBe("error: The database already holds data; add --force to overwrite it.");
        (await OrganizationNamesAsync(_cli)).ShouldContain("Northside Clinic");
    }

    [Fact]
    public async Task Restore_with_force_puts_the_database_back_as_it_was_at_the_backup()
    {
        var file = await BackupAsync();
        await _cli.OrganizationAsync("Northside Clinic");

        (await _cli.RunAsync("db", "restore", "--from", file, "--force")).ShouldSucceed();

        (await OrganizationNamesAsync(_cli)).ShouldBe(["Eastside Health Center", "Riverbend Behavioral Health"]);
        (await _cli.RunAsync("audit", "verify")).ShouldSucceed().OutLines.ShouldBe(["Audit trail intact: 2 entries."]);
    }

    [Fact]
    public async Task Restore_from_a_file_that_is_not_sqlite_fails_with_a_clear_error()
    {
        var file = PathOf("notes.txt");
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat("These are meeting notes, not a database.\n", 200)));

        var error = (await _cli.RunAsync("db", "restore", "--from", file, "--force")).ShouldFailWithOneLine();

        error.ShouldBe($"error: {file} is not a SQLite database.");
        (await OrganizationNamesAsync(_cli)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Restore_from_a_sqlite_file_that_is_not_a_joinery_backup_fails()
    {
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
        (await OrganizationNamesAsync(_cli)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Restore_from_a_missing_file_fails()
    {
        var file = PathOf("missing.db");

        var error = (await _cli.RunAsync("db", "restore", "--from", file)).ShouldFailWithOneLine();

        error.ShouldBe($"error: There is no file {file}.");
    }
}
