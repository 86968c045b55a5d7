using Joinery.Core.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Notifications;

/// <summary>
/// The unsubscribe link of an e-mail. Opening it asks first (mail scanners open links); the mail
/// program's one-click unsubscribe (RFC 8058) posts straight to it, without a form token: the link's
/// key is the proof, and it can only stop e-mail.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Unsubscribe unsubscribe) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public Unsubscribed? Preview { get; private set; }

    public Unsubscribed? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Preview = await unsubscribe.PreviewAsync(Key, Kind, cancellationToken);
        return Preview is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await unsubscribe.RunAsync(Key, Kind, cancellationToken);
        Done = outcome.Value;
        return outcome.Succeeded ? Page() : NotFoundPage();
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
