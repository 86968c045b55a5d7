using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Joinery.BrowserTests.Support;

/// <summary>axe-core on the page in front of the test: serious and critical findings fail it.</summary>
public static partial class Accessibility
{
    private static readonly string[] Failing = ["serious", "critical"];
    private static readonly ConditionalWeakTable<IBrowserContext, object> ScriptingOff = [];
    private static readonly ConcurrentDictionary<string, bool> Passed = new(StringComparer.Ordinal);

    /// <summary>Remembers a context opened with scripting off: axe itself needs script to run.</summary>
    public static void MarkScriptingOff(IBrowserContext context) => ScriptingOff.AddOrUpdate(context, new object());

    public static async Task ShouldPassAxeAsync(this IPage page)
    {
        // The same markup at the same width gives the same findings; the sign-in page, for one,
        // comes up in nearly every journey, so each distinct page is checked once per run.
        var key = await MarkupKeyAsync(page);
        if (Passed.ContainsKey(key))
        {
            return;
        }
        var violations = ScriptingOff.TryGetValue(page.Context, out _)
            ? await CheckCopyAsync(page)
            : await CheckAsync(page);
        if (violations.Count == 0)
        {
            Passed.TryAdd(key, true);
            return;
        }
        var report = new StringBuilder($"axe found {violations.Count} serious or critical problem(s) on {page.Url}:\n");
        foreach (var violation in violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}: {node.Html}");
            }
        }
        Assert.Fail(report.ToString());
    }

    private static async Task<List<AxeResultItem>> CheckAsync(IPage page)
    {
        // Legacy mode runs axe once in the page. The default mode also opens a blank page to merge
        // per-frame results, which doubles the cost of every check; these pages have no frames.
#pragma warning disable CS0618
        var result = await page.RunAxeLegacy();
#pragma warning restore CS0618
        return [.. result.Violations.Where(v => Failing.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// With scripting off axe cannot run in the page, so the same markup is shown at the same
    /// address in a scratch context with scripting on (stylesheets still come from the app) and
    /// checked there.
    /// </summary>
    private static async Task<List<AxeResultItem>> CheckCopyAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var browser = page.Context.Browser ?? throw new InvalidOperationException("The page has no browser.");
        var size = page.ViewportSize;
        await using var scratch = await browser.NewContextAsync(new()
        {
            ViewportSize = size is null ? null : new() { Width = size.Width, Height = size.Height },
        });
        var copy = await scratch.NewPageAsync();
        var url = page.Url;
        await copy.RouteAsync(url, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await copy.GotoAsync(url);
        return await CheckAsync(copy);
    }

    /// <summary>
    /// The page's markup without what differs between otherwise identical pages: antiforgery
    /// tokens, and ids (numbered by first appearance, so repeated ids still look repeated).
    /// </summary>
    private static async Task<string> MarkupKeyAsync(IPage page)
    {
        var html = AntiforgeryToken().Replace(await page.ContentAsync(), "");
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        html = Guid().Replace(html, m => $"id{(ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = ids.Count)}");
        var width = page.ViewportSize?.Width ?? 0;
        return $"{width}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)))}";
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""[^""]*""")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();
}
