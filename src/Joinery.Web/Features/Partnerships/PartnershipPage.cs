using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Partnerships;

/// <summary>
/// A page inside a partnership's workspace. Loading goes through the tenancy filter, so a person
/// who is not a member gets null here and the page answers 404.
/// </summary>
public abstract class PartnershipPage(JoineryDb db) : PageModel
{
    public PartnershipView Partnership { get; private set; } = null!;

    protected JoineryDb Db => db;

    /// <summary>
    /// What a form post answers: on success a status message and post/redirect/get (to this page
    /// unless <paramref name="next"/> says where); 403 or 404 when refused; otherwise the page
    /// again with each message next to its field.
    /// </summary>
    protected IActionResult Respond<T>(Outcome<T> outcome, Func<T, string> done, string prefix = "Input", Func<T, IActionResult>? next = null)
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                TempData["Status"] = done(outcome.Value!);
                return next?.Invoke(outcome.Value!) ?? RedirectToPage();
            case OutcomeStatus.Forbidden:
                return Forbid();
            case OutcomeStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, prefix);
                return Page();
        }
    }

    /// <summary>An uploaded text file (CSV imports), or null with the reason added to the "file" field.</summary>
    protected async Task<string?> ReadUploadAsync(IFormFile? file, int maxBytes, CancellationToken cancellationToken)
    {
        if (await ReadUploadBytesAsync(file, maxBytes, "Choose a CSV file to import.", cancellationToken) is not { } bytes)
        {
            return null;
        }
        // A reader, not GetString: spreadsheet exports start with a byte-order mark it drops.
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>An uploaded file's bytes, or null with a message on the "file" field when it is missing, empty or too large.</summary>
    protected async Task<byte[]?> ReadUploadBytesAsync(IFormFile? file, long maxBytes, string choose, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", choose);
            return null;
        }
        if (file.Length > maxBytes)
        {
            ModelState.AddModelError("file", $"The file is larger than {(maxBytes >= 1024 * 1024 ? $"{maxBytes / (1024 * 1024)} MB" : $"{maxBytes / 1024} KB")}.");
            return null;
        }
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    /// <summary>What an import answers: row-numbered problems all belong to the file field; otherwise as <see cref="Respond{T}"/>.</summary>
    protected IActionResult RespondToImport<T>(Outcome<T> outcome, Func<T, string> done)
    {
        if (outcome.Status != OutcomeStatus.Invalid)
        {
            return Respond(outcome, done);
        }
        foreach (var message in outcome.Errors.Values.SelectMany(m => m))
        {
            ModelState.AddModelError("file", message);
        }
        return Page();
    }

    protected async Task<bool> LoadPartnershipAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        var partnership = await db.GetPartnershipAsync(id, cancellationToken);
        if (partnership is null)
        {
            return false;
        }
        Partnership = partnership;
        ViewData["Partnership"] = partnership;
        ViewData["Section"] = section;
        return true;
    }
}
