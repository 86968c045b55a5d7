using Joinery.Core.Data;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Data;

/// <summary>
/// The web host's databases start migrated on PostgreSQL (a copy of one migrated template) to save
/// a migration run per test class; every other database a test asks for stays empty.
/// </summary>
public sealed class TestDatabaseTests
{
    [Fact]
    public async Task A_database_for_the_web_host_has_exactly_the_listed_versions_applied_on_postgres_and_none_on_sqlite()
    {
        var provider = TestDatabase.Selected;
        await using var host = CoreHost.Over(TestDatabase.Migrated(provider));

        var applied = await AppliedAsync(host);

        // SQLite is left empty: the web host migrates it, and sets its journal mode, itself.
        applied.ShouldBe(provider == DatabaseProvider.Postgres ? Migrator.Versions(provider) : [], ignoreOrder: true);
    }

    [Fact]
    public async Task The_web_host_starts_with_exactly_the_listed_versions_applied()
    {
        using var app = new JoineryApp();

        var applied = await app.WithCoreAsync(services => services.GetRequiredService<Migrator>().AppliedAsync());

        applied.ShouldBe(Migrator.Versions(app.Provider), ignoreOrder: true);
    }

    [Fact]
    public async Task A_core_host_told_not_to_migrate_starts_on_an_empty_database()
    {
        await using var host = await CoreHost.StartAsync(migrate: false);

        (await AppliedAsync(host)).ShouldBeEmpty();
    }

    private static async Task<IReadOnlySet<string>> AppliedAsync(CoreHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<Migrator>().AppliedAsync();
    }
}
