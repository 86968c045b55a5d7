using Joinery.Core.Data;
using Joinery.Core.Glossary;
using Joinery.Core.Search;
using Joinery.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Search;

/// <summary>Migration 0021 indexes what a database held before it, and its triggers keep the index from then on.</summary>
public sealed class SearchMigrationTests : IAsyncLifetime
{
    private CoreHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreHost.StartAsync(migrate: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Records_written_before_the_search_migration_are_found_after_it_and_later_ones_too()
    {
        Guid partnershipId;
        await using (var scope = _host.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync("0020_notifications")).ShouldContain("0020_notifications");
            var services = scope.ServiceProvider;
            await services.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
            await services.OrganizationAsync("Eastside Health Center", "primary-care");
            partnershipId = await services.PartnershipAsync("Whole Health", "Riverbend Behavioral Health", "Eastside Health Center");
            var before = await services.GetRequiredService<GlossaryWork>().CreateAsync(partnershipId,
                new GlossaryInput("Huddle", "management", "", "", "A short meeting before clinic.", "proposed"));
            before.Succeeded.ShouldBeTrue(before.FirstError);
        }

        await using (var scope = _host.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync()).ShouldContain("0021_search");
            var after = await scope.ServiceProvider.GetRequiredService<GlossaryWork>().CreateAsync(partnershipId,
                new GlossaryInput("Warm handoff", "procedures", "", "", "An introduction before clinic ends.", "proposed"));
            after.Succeeded.ShouldBeTrue(after.FirstError);
        }

        await using (var scope = _host.Scope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<SearchPartnership>().RunAsync(partnershipId, "clinic");
            found.Succeeded.ShouldBeTrue(found.FirstError);
            found.Value!.Select(h => h.Title).ShouldBe(["Huddle", "Warm handoff"], ignoreOrder: true);
        }
    }
}
