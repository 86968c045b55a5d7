using Microsoft.Playwright;

namespace Joinery.BrowserTests.Support;

/// <summary>
/// Every way a journey reaches a page (typing an address, following a link, sending a form)
/// goes through here, and each one ends with an axe check of the page it arrived on.
/// </summary>
public static class Navigation
{
    /// <summary>Opens a path; the final page (after redirects) must not be an error unless <paramref name="status"/> says so.</summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string path, int? status = null)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        CheckStatus(response, status);
        await page.ShouldPassAxeAsync();
        return response;
    }

    /// <summary>Clicks a link or a form's button and waits for the page it leads to (after any redirect).</summary>
    public static async Task<IResponse> ClickToAsync(this ILocator target, int? status = null)
    {
        var page = target.Page;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IResponse? last = null;
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                last = response;
            }
        }
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        // Listen before clicking, so a fast answer cannot slip past.
        page.Response += OnResponse;
        page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Clicking {target} did not load a new page within 15 s (still on {page.Url}).");
        }
        finally
        {
            page.Response -= OnResponse;
            page.Load -= OnLoad;
        }
        var response = last ?? throw new InvalidOperationException($"Clicking {target} loaded a page without a response.");
        CheckStatus(response, status);
        await page.ShouldPassAxeAsync();
        return response;
    }

    private static void CheckStatus(IResponse response, int? status)
    {
        if (status is { } expected)
        {
            response.Status.ShouldBe(expected, $"{response.Url} answered {response.Status}");
        }
        else
        {
            response.Status.ShouldBeLessThan(400, $"{response.Url} answered {response.Status}");
        }
    }
}
