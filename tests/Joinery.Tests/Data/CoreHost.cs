using Joinery.Core;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Joinery.Tests.Data;

/// <summary>
/// The core services over a fresh <see cref="TestDatabase"/>, wired the way the CLI wires them
/// (<c>AddJoineryCore</c>) on a fake clock at the test day, for tests of operations and the data layer without the web host.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private int _sequence;

    private CoreHost(TestDatabase database)
    {
        Database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddJoineryCore(configuration);
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    /// <summary>The services' time: <see cref="TestClock.Start"/> until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.New();

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>A short suffix, unique within this database, for the names and emails of one test that shares it.</summary>
    public string Unique() => Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fresh database of the selected provider (or the one given), migrated unless told otherwise.</summary>
    public static async Task<CoreHost> StartAsync(DatabaseProvider? provider = null, bool migrate = true)
    {
        var host = new CoreHost(new TestDatabase(provider ?? TestDatabase.Selected));
        if (migrate)
        {
            await using var scope = host.Scope();
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        }
        return host;
    }

    /// <summary>The core services over the given database, as it is: nothing is migrated.</summary>
    public static CoreHost Over(TestDatabase database) => new(database);

    /// <summary>A scope acting across partnerships through the CLI door, as every CLI command does.</summary>
    public AsyncServiceScope Scope()
    {
        var scope = _services.CreateAsyncScope();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        tenancy.Door = Door.Cli;
        tenancy.ActAcrossPartnerships();
        return scope;
    }

    /// <summary>A scope for one signed-in person who belongs to the given partnerships only, as the web app sets it up.</summary>
    public AsyncServiceScope ScopeAs(Guid userId, Guid organizationId, params Guid[] partnershipIds)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenancy>().SignIn(userId, organizationId, isSiteAdmin: false, partnershipIds);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Database.Dispose();
    }
}

/// <summary>
/// One migrated database for a test class (<c>IClassFixture</c>) whose cases each arrange their own
/// records under <see cref="CoreHost.Unique"/> names and assert on those, never on what the others left.
/// </summary>
public sealed class SharedCoreHost : IAsyncLifetime
{
    public CoreHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await CoreHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
