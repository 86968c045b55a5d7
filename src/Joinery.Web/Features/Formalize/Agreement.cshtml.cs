using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Formalize;

/// <summary>Takes the agreement's document, so its posts may be as large as the file plus the form around it.</summary>
[UploadLimit(AgreementDocument.MaxBytes)]
public sealed class AgreementModel(JoineryDb db, AgreementsWork work) : PartnershipPage(db)
{
    public AgreementDetails Details { get; private set; } = null!;

    [BindProperty]
    public AgreementForm Input { get; set; } = new();

    [BindProperty]
    public SignatoryForm Signatory { get; set; } = new();

    [BindProperty]
    public ElementForm Element { get; set; } = new();

    /// <summary>The date signed in a signatory's row.</summary>
    [BindProperty]
    public string? SignedOn { get; set; }

    /// <summary>The signatory whose row failed to save: its date field carries the id the error summary links to.</summary>
    public Guid? FailedSignatory { get; private set; }

    public string SignedOnId(Guid signatoryId) => signatoryId == FailedSignatory ? "SignedOn" : $"SignedOn_{signatoryId:N}";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        var s = Details.Summary;
        var c = CultureInfo.InvariantCulture;
        Input = new AgreementForm
        {
            Title = s.Title,
            Status = s.Status.ToText(),
            EffectiveOn = s.EffectiveOn?.ToString("yyyy-MM-dd", c),
            ExpiresOn = s.ExpiresOn?.ToString("yyyy-MM-dd", c),
            RenewalNoticeOn = Details.RenewalNoticeOn?.ToString("yyyy-MM-dd", c),
            NoticeDays = Details.NoticeDays?.ToString(c),
            Notes = Details.Notes,
            Parties = Details.Parties.Select(p => p.OrganizationId.ToString()).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await work.UpdateAsync(id, agreementId, new AgreementInput(null, Input.Title, Input.Status, Input.EffectiveOn, Input.ExpiresOn,
            Input.RenewalNoticeOn, Input.NoticeDays, Input.Notes, Input.Parties), cancellationToken);
        return Respond(outcome, _ => "The agreement was saved.");
    }

    public async Task<IActionResult> OnPostSignatoryAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await work.AddSignatoryAsync(id, agreementId, new SignatoryInput(Signatory.Name, Signatory.Title, Signatory.Organization, Signatory.SignedOn), cancellationToken);
        return Respond(outcome, _ => "The signatory was added.", prefix: "Signatory");
    }

    /// <summary>Records the date a signatory signed.</summary>
    public async Task<IActionResult> OnPostUpdateSignatoryAsync(Guid id, Guid agreementId, Guid signatoryId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        FailedSignatory = signatoryId;
        var outcome = await work.SaveSignatoryAsync(id, agreementId, signatoryId, new SignatoryInput(null, null, null, SignedOn), cancellationToken);
        return Respond(outcome, _ => "The signatory was updated.", prefix: "");
    }

    public async Task<IActionResult> OnPostRemoveSignatoryAsync(Guid id, Guid agreementId, Guid signatoryId, CancellationToken cancellationToken) =>
        await LoadAsync(id, agreementId, cancellationToken)
            ? Respond(await work.RemoveSignatoryAsync(id, agreementId, signatoryId, cancellationToken), _ => "The signatory was removed.")
            : NotFound();

    public async Task<IActionResult> OnPostElementAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await work.CheckElementAsync(id, agreementId, new ElementInput(Element.Code, Element.Done, Element.Note), cancellationToken);
        return Respond(outcome, _ => "The checklist was updated.", prefix: "Element");
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, Guid agreementId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        if (await ReadUploadBytesAsync(file, AgreementDocument.MaxBytes, "Choose a PDF or Word (.docx) file to attach.", cancellationToken) is not { } content)
        {
            return Page();
        }
        var outcome = await work.UploadAsync(id, agreementId, file!.FileName, content, cancellationToken);
        return Respond(outcome, _ => "The document was attached.", prefix: "");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (await work.DownloadAsync(id, agreementId, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "agreements", cancellationToken) || await work.GetAsync(id, agreementId, cancellationToken) is not { } details)
        {
            return false;
        }
        Details = details;
        return true;
    }

    public sealed class AgreementForm
    {
        public string? Title { get; set; }
        public string? Status { get; set; }
        public string? EffectiveOn { get; set; }
        public string? ExpiresOn { get; set; }
        public string? RenewalNoticeOn { get; set; }
        public string? NoticeDays { get; set; }
        public string? Notes { get; set; }
        public List<string> Parties { get; set; } = [];
    }

    public sealed class SignatoryForm
    {
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Organization { get; set; }
        public string? SignedOn { get; set; }
    }

    public sealed class ElementForm
    {
        public string? Code { get; set; }
        public bool Done { get; set; }
        public string? Note { get; set; }
    }
}
