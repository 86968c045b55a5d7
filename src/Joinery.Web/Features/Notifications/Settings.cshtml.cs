using Joinery.Core.Notifications;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Notifications;

/// <summary>A person chooses what Joinery e-mails them and how often.</summary>
public sealed class SettingsModel(ShowNotificationSettings show, ChangeNotificationSettings change) : PageModel
{
    public NotificationChoices Choices { get; private set; } = null!;

    [BindProperty]
    public ChoicesForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = (await show.RunAsync(cancellationToken))!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await change.RunAsync(new NotificationChoicesInput(Input.Immediate, Input.Digest, Input.Emailed), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Status"] = "Your e-mail choices are saved.";
                return RedirectToPage();
            }
            ModelState.AddOutcome(outcome);
        }
        Choices = (await show.RunAsync(cancellationToken))!;
        return Page();
    }

    public sealed class ChoicesForm
    {
        public bool Immediate { get; set; }
        public string? Digest { get; set; }
        public List<string> Emailed { get; set; } = [];
    }
}
