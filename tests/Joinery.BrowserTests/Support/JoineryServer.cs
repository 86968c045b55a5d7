using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Joinery.Core;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.BrowserTests.Support;

/// <summary>
/// The real app, started as its own process (<c>dotnet Joinery.Web.dll</c>) on a free loopback port
/// with a fresh SQLite database in a temporary folder. Data can be arranged through the core
/// operations before the app starts, the way the CLI would. The app and the arranging both live
/// on <see cref="Today"/> (through <c>Clock:Today</c>), so journeys and screenshots are the same on
/// any real date. Disposing stops the process and deletes the folder.
/// </summary>
public sealed class JoineryServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The app's day: JOINERY_TEST_TODAY (yyyy-MM-dd) or Monday 2026-03-16, as in the integration tests.</summary>
    public static string TodaySetting { get; } =
        Environment.GetEnvironmentVariable("JOINERY_TEST_TODAY") is { Length: > 0 } day ? day : "2026-03-16";

    private static readonly DateTimeOffset Start = Clock.Parse(TodaySetting);

    public static DateOnly Today { get; } = DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>A day relative to <see cref="Today"/>, as a date field takes it.</summary>
    public static string Day(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day relative to <see cref="Today"/>, as a page shows it: "Apr 5, 2026".</summary>
    public static string ShownDay(int daysFromToday) => ShownDates.Of(Today.AddDays(daysFromToday));

    /// <summary>A month relative to <see cref="Today"/>'s, as a month field takes it.</summary>
    public static string Month(int monthsFromThis) => Today.AddMonths(monthsFromThis).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The same month as pages show it: "Nov 2026".</summary>
    public static string ShownMonth(int monthsFromThis) => ShownDates.Month(Today.AddMonths(monthsFromThis));

    private readonly long _launched = TimeProvider.System.GetTimestamp();

    /// <summary>
    /// The app's time, near enough for an authenticator code: its clock started at <see cref="Today"/>
    /// when it read its configuration, a moment after this process launched it.
    /// </summary>
    public DateTimeOffset Now => Start + TimeProvider.System.GetElapsedTime(_launched);

    private readonly Process _process;
    private readonly StringBuilder _log;
    private readonly string _folder;

    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private JoineryServer(Process process, StringBuilder log, string folder, Uri baseUrl, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        _log = log;
        _folder = folder;
        BaseUrl = baseUrl;
        _connectionString = connectionString;
        _settings = settings;
    }

    public Uri BaseUrl { get; }

    /// <summary>What the app has written to stdout and stderr so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static async Task<JoineryServer> StartAsync(Func<Arrange, Task>? arrange = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("joinery-browser-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "joinery.db")}";
        settings ??= new Dictionary<string, string>();
        try
        {
            if (arrange is not null)
            {
                await CoreAsync(connectionString, settings, async services =>
                {
                    await services.GetRequiredService<Migrator>().MigrateAsync();
                    await arrange(new Arrange(services));
                });
            }
            return await LaunchWithRetriesAsync(folder, connectionString, settings);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>
    /// The demo, seeded once per test run into a database of its own: seeding goes through every
    /// feature's use cases and takes seconds, and every journey on the demo starts from the same data.
    /// </summary>
    private static readonly Lazy<Task<(SqliteConnection Source, DemoResult Result)>> Demo = new(async () =>
    {
        var folder = Directory.CreateTempSubdirectory("joinery-demo-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "demo.db")}";
        DemoResult result = null!;
        await CoreAsync(connectionString, new Dictionary<string, string>(), async services =>
        {
            await services.GetRequiredService<Migrator>().MigrateAsync();
            result = await services.GetRequiredService<SeedDemo>().RunAsync();
        });
        // One connection to the seeded demo for the whole run, so copies never race to open it.
        var source = new SqliteConnection(connectionString);
        await source.OpenAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            source.Dispose();
            TryDelete(folder);
        };
        return (source, result);
    });

    /// <summary>Journeys run in parallel; the demo's one connection copies for one of them at a time.</summary>
    private static readonly SemaphoreSlim Copying = new(1, 1);

    /// <summary>Copies the demo, seeded once, over the database at <paramref name="connectionString"/> (SQLite's online backup).</summary>
    internal static async Task<DemoResult> CopyDemoAsync(string connectionString)
    {
        var (source, result) = await Demo.Value;
        await using var destination = new SqliteConnection(connectionString);
        await destination.OpenAsync();
        await Copying.WaitAsync();
        try
        {
            source.BackupDatabase(destination);
        }
        finally
        {
            Copying.Release();
        }
        return result;
    }

    /// <summary>Runs core operations on the app's database while it runs, as the CLI (or cron) beside it would.</summary>
    public Task BesideAsync(Func<IServiceProvider, Task> work) =>
        CoreAsync(_connectionString, new Dictionary<string, string>(_settings) { ["Site:PublicUrl"] = BaseUrl.ToString() }, work);

    /// <summary>A port found free can be taken by someone else before the app binds it; then another is tried.</summary>
    private static async Task<JoineryServer> LaunchWithRetriesAsync(string folder, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LaunchAsync(folder, connectionString, settings);
            }
            catch (AppStoppedException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task CoreAsync(string connectionString, IReadOnlyDictionary<string, string> settings, Func<IServiceProvider, Task> work)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Joinery"] = connectionString,
                [Clock.TodayKey] = TodaySetting,
            })
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJoineryCore(configuration);
        await using (var provider = services.BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
        {
            var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
            tenancy.Door = Door.Cli;
            tenancy.ActAcrossPartnerships();
            await work(scope.ServiceProvider);
        }
        // Release the file so that only the app holds it from now on.
        SqliteConnection.ClearAllPools();
    }

    private static async Task<JoineryServer> LaunchAsync(string folder, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Joinery.Web.dll");
        if (!File.Exists(app))
        {
            throw new InvalidOperationException($"{app} is missing: build tests/Joinery.BrowserTests first.");
        }
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // The content root is the web project, so the app serves its own wwwroot.
            WorkingDirectory = RepositoryPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            app,
            "--urls", baseUrl.ToString().TrimEnd('/'),
            "--contentRoot", RepositoryPaths.WebProject,
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:Joinery={connectionString}",
            $"--{Clock.TodayKey}={TodaySetting}",
            $"--Site:PublicUrl={baseUrl}",
            "--RateLimits:SignInPerMinute=1000",
            "--RateLimits:SignInPerAddressPerMinute=10000",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new JoineryServer(process, log, folder, baseUrl, connectionString, settings);
        try
        {
            await server.WaitUntilHealthyAsync();
            return server;
        }
        catch
        {
            // The folder stays: the next attempt starts on the same arranged database.
            await server.StopAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new AppStoppedException($"The app stopped with exit code {_process.ExitCode} before it was healthy:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer its first request (a cold start on a busy machine): ask again until the deadline.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"GET /health did not answer 200 within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TryDelete(_folder);
    }

    private async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not going: nothing more a test can do about it.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>The app process ended before it answered /health.</summary>
public sealed class AppStoppedException(string message) : Exception(message);
