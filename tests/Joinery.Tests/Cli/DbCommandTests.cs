using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Cli;

/// <remarks>
/// The cases that leave the audit trail intact share one migrated database and write organizations of
/// their own; migrating from empty and tampering with the trail each need a database of their own.
/// </remarks>
public class DbCommandTests(DbCommandTests.Migrated migrated) : IClassFixture<DbCommandTests.Migrated>
{
    /// <summary>One migrated database for the cases that keep its audit trail intact.</summary>
    public sealed class Migrated : IAsyncLifetime
    {
        public CliSession Cli { get; private set; } = null!;

        public async Task InitializeAsync() => Cli = await CliSession.StartAsync(migrate: true);

        public async Task DisposeAsync() => await Cli.DisposeAsync();
    }

    private readonly CliSession _cli = migrated.Cli;

    private static async Task SqlAsync(CliSession cli, string sql)
    {
        await using var scope = cli.Host.Scope();
        await scope.ServiceProvider.GetRequiredService<JoineryDb>().Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Migrate_applies_every_version_to_a_fresh_database()
    {
        // Needs a database that no version was applied to yet.
        await using var fresh = await CliSession.StartAsync();

        var result = (await fresh.RunAsync("db", "migrate")).ShouldSucceed();

        var versions = Migrator.Versions(fresh.Host.Provider);
        versions.ShouldContain("0001_initial");
        result.Out.ShouldStartWith($"Applied {string.Join(", ", versions)} to ");
        await using var scope = fresh.Host.Scope();
        (await scope.ServiceProvider.GetRequiredService<Migrator>().AppliedAsync()).ShouldBe(versions, ignoreOrder: true);
    }

    [Fact]
    public async Task Migrate_again_says_the_database_is_up_to_date()
    {
        (await _cli.RunAsync("db", "migrate")).ShouldSucceed();

        var again = (await _cli.RunAsync("db", "migrate")).ShouldSucceed();

        again.OutLines.ShouldHaveSingleItem().ShouldEndWith(" is up to date.");
    }

    [Fact]
    public async Task Audit_verify_exits_zero_and_counts_the_entries_of_an_intact_trail()
    {
        var n = _cli.Unique();
        var before = await EntryCountAsync(_cli);
        await _cli.OrganizationAsync($"Riverbend Behavioral Health {n}", "behavioral-health");
        await _cli.OrganizationAsync($"Eastside Health Center {n}", "primary-care");

        var result = (await _cli.RunAsync("audit", "verify")).ShouldSucceed();

        result.OutLines.ShouldBe([$"Audit trail intact: {before + 2} entries."]);
    }

    [Fact]
    public async Task Audit_verify_fails_naming_the_first_altered_entry()
    {
        // Tampering breaks the trail for every case after it, so this case has a database of its own.
        await using var own = await CliSession.StartAsync();
        await own.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await own.OrganizationAsync("Eastside Health Center", "primary-care");
        await own.OrganizationAsync("Northside Clinic");
        await SqlAsync(own, "UPDATE audit_entries SET entity_id = 'someone-else' WHERE id = 2");

        var error = (await own.RunAsync("audit", "verify")).ShouldFailWithOneLine();

        error.ShouldBe("error: Entry 2 was altered after it was written.");
    }

    [Fact]
    public async Task Audit_verify_fails_naming_a_removed_entry()
    {
        // Tampering breaks the trail for every case after it, so this case has a database of its own.
        await using var own = await CliSession.StartAsync();
        await own.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await own.OrganizationAsync("Eastside Health Center", "primary-care");
        await own.OrganizationAsync("Northside Clinic");
        await SqlAsync(own, "DELETE FROM audit_entries WHERE id = 2");

        var error = (await own.RunAsync("audit", "verify")).ShouldFailWithOneLine();

        error.ShouldBe("error: Entry 2 is missing (next entry is 3).");
    }

    [Fact]
    public async Task Audit_verify_fails_when_the_last_entry_was_removed()
    {
        // Tampering breaks the trail for every case after it, so this case has a database of its own.
        await using var own = await CliSession.StartAsync();
        await own.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await own.OrganizationAsync("Eastside Health Center", "primary-care");
        await SqlAsync(own, "DELETE FROM audit_entries WHERE id = 2");

        var error = (await own.RunAsync("audit", "verify")).ShouldFailWithOneLine();

        error.ShouldBe("error: Entries after 1 were removed (the chain ends at 2).");
    }

    private static async Task<int> EntryCountAsync(CliSession cli)
    {
        await using var scope = cli.Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<JoineryDb>().AuditEntries.CountAsync();
    }
}
