using Joinery.Cli;
using Joinery.Core.Data;
using Joinery.Tests.Data;
using Joinery.Tests.Support;

namespace Joinery.Tests.Cli;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts success and returns the id that a create command prints alone on stdout.</summary>
    public Guid ShouldPrintAnId()
    {
        ShouldSucceed();
        OutLines.Count.ShouldBe(1, Out);
        Guid.TryParse(OutLines[0], out var id).ShouldBeTrue(Out);
        return id;
    }

    public CliResult ShouldSucceed()
    {
        ExitCode.ShouldBe(0, $"stderr: {Error}");
        Error.ShouldBeEmpty();
        return this;
    }

    /// <summary>Asserts the failure contract: a non-zero exit, nothing on stdout, one line on stderr that starts with "error:".</summary>
    public string ShouldFailWithOneLine()
    {
        ExitCode.ShouldNotBe(0, $"stdout: {Out}");
        Out.ShouldBeEmpty();
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, Error);
        lines[0].ShouldStartWith("error: ");
        return lines[0];
    }
}

/// <summary>The joinery command run in-process against a fresh database, with the CoreHost beside it to look at what was stored.</summary>
public sealed class CliSession : IAsyncDisposable
{
    private CliSession(CoreHost host) => Host = host;

    public CoreHost Host { get; }

    /// <summary>A short suffix, unique within this session's database, for one test's names and emails.</summary>
    public string Unique() => Host.Unique();

    /// <summary>A session over a fresh database, left empty for the CLI to migrate unless <paramref name="migrate"/>.</summary>
    public static async Task<CliSession> StartAsync(DatabaseProvider? provider = null, bool migrate = false) =>
        new(await CoreHost.StartAsync(provider, migrate));

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs <c>demo seed</c> and gives the demo partnership's id (from its JSON output).</summary>
    public async Task<Guid> SeedDemoAsync()
    {
        var result = (await RunAsync("demo", "seed", "--json")).ShouldSucceed();
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("partnershipId").GetGuid();
    }

    public async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        // The CLI builds its own services, so it learns the test day as any deployment would: Clock:Today.
        var settings = new Dictionary<string, string?>(Host.Database.Settings) { [Core.Common.Clock.TodayKey] = TestClock.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        var exit = await JoineryCli.RunAsync(args, stdout, stderr, input, settings);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public async Task<Guid> OrganizationAsync(string name, string kind = "other") =>
        (await RunAsync("org", "create", "--name", name, "--kind", kind)).ShouldPrintAnId();

    public async Task<Guid> UserAsync(string email, string name, string organization) =>
        (await RunWithInputAsync(CoreArrange.Password + "\n", "user", "create", "--email", email, "--name", name, "--org", organization, "--password-stdin"))
            .ShouldPrintAnId();

    public async Task<Guid> PartnershipAsync(string name, params string[] organizations) =>
        (await RunAsync(["partnership", "create", "--name", name, .. organizations.SelectMany(o => new[] { "--org", o })])).ShouldPrintAnId();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// One CLI session (and database) for a class whose cases change nothing, or whose cases each write
/// only records of their own (named with <see cref="CliSession.Unique"/>) and assert only on those.
/// </summary>
public sealed class SharedCliSession : IAsyncLifetime
{
    public CliSession Cli { get; private set; } = null!;

    public async Task InitializeAsync() => Cli = await CliSession.StartAsync();

    public async Task DisposeAsync() => await Cli.DisposeAsync();
}

/// <summary>
/// One database the demo is seeded into, shared by the classes that read what the demo shows
/// (each still runs <c>demo seed</c>: the first seeds, the others prove a second run changes nothing).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoDatabase : ICollectionFixture<SharedCliSession>
{
    public const string Name = "demo database";
}
