using Microsoft.Playwright;

namespace Joinery.BrowserTests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright, for the tests of a class. Playwright's own
/// browser downloads are never used: the machine's chromium must be installed
/// (<c>apt-get install -y chromium</c>), and without it every test fails saying so.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian puts chromium; <c>JOINERY_CHROMIUM</c> may point elsewhere.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    // One browser serves every test class that is running; it closes when the last one is done.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _shared;
    private static int _users;

    private readonly List<IBrowserContext> _contexts = [];
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var chromium = FindChromium();
                _playwright = await Playwright.CreateAsync();
                _shared = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = chromium,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
                });
            }
            _users++;
            _browser = _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh, cookie-less browser context (like a new private window) on the app.</summary>
    public async Task<IPage> OpenPageAsync(JoineryServer server, bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-US",
        });
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        context.SetDefaultTimeout(10_000);
        if (!javaScript)
        {
            Accessibility.MarkScriptingOff(context);
        }
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is null)
        {
            return;
        }
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        await Gate.WaitAsync();
        try
        {
            _browser = null;
            if (--_users == 0)
            {
                await _shared!.CloseAsync();
                _shared = null;
                _playwright?.Dispose();
                _playwright = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("JOINERY_CHROMIUM");
        var candidates = string.IsNullOrWhiteSpace(configured)
            ? [DefaultChromium, .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Where(d => d.Length > 0).Select(d => Path.Combine(d, "chromium"))]
            : new[] { configured };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Chromium was not found (looked for {string.Join(", ", candidates.Take(3))}{(candidates.Length > 3 ? ", ..." : "")}). The browser tests use Debian's chromium, " +
                "not a Playwright download: install it with `apt-get install -y chromium`, or set JOINERY_CHROMIUM to its path.");
    }
}
