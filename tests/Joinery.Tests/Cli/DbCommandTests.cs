using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Cli;

public class DbCommandTests : IAsyncLifetime
{
    private CliSession _cli = null!;

    public async Task InitializeAsync() => _cli = await CliSession.StartAsync();

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    private async Task SqlAsync(string sql)
    {
        await using var scope = _cli.Host.Scope();
        await scope.ServiceProvider.GetRequiredService<JoineryDb>().Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Migrate_applies_every_version_to_a_fresh_database()
    {
        var result = (await _cli.RunAsync("db", "migrate")).ShouldSucceed();

        var versions = Migrator.Versions(_cli.Host.Provider);
        versions.ShouldContain("0001_initial");
        result.Out.ShouldStartWith($"Applied {string.Join(", ", versions)} to ");
        await using var scope = _cli.Host.Scope();
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
        await _cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await _cli.OrganizationAsync("Eastside Health Center", "primary-care");

        var result = (await _cli.RunAsync("audit", "verify")).ShouldSucceed();

        result.OutLines.ShouldBe(["Audit trail intact: 2 entries."]);
    }

    [Fact]
    public async Task Audit_verify_fails_naming_the_first_altered_entry()
    {
        await _cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await _cli.OrganizationAsync("Eastside Health Center", "primary-care");
        await _cli.OrganizationAsync("Northside Clinic");
        await SqlAsync("UPDATE audit_entries SET entity_id = 'someone-else' WHERE id = 2");

        var error = (await _cli.RunAsync("audit", "verify")).ShouldFailWithOneLine();

        error.ShouldBe("error: Entry 2 was altered after it was written.");
    }

    [Fact]
    public async Task Audit_verify_fails_naming_a_removed_entry()
    {
        await _cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await _cli.OrganizationAsync("Eastside Health Center", "primary-care");
        await _cli.OrganizationAsync("Northside Clinic");
        await SqlAsync("DELETE FROM audit_entries WHERE id = 2");

        var error = (await _cli.RunAsync("audit", "verify")).ShouldFailWithOneLine();

        error.ShouldBe("error: Entry 2 is missing (next entry is 3).");
    }

    [Fact]
    public async Task Audit_verify_fails_when_the_last_entry_was_removed()
    {
        await _cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await _cli.OrganizationAsync("Eastside Health Center", "primary-care");
        await SqlAsync("DELETE FROM audit_entries WHERE id = 2");

        var error = (await _cli.RunAsync("audit", "verify")).ShouldFailWithOneLine();

        error.ShouldBe("error: Entries after 1 were removed (the chain ends at 2).");
    }
}
