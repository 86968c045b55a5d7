using System.ComponentModel.DataAnnotations;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Formalize;

/// <summary>Takes the agreement's document, so its posts may be as large as the file plus the form around it.</summary>
[UploadLimit(AgreementDocument.MaxBytes)]
public sealed class AgreementModel(JoineryDb db, ShowAgreement show, ChangeAgreement change, AddSignatory addSignatory, ChangeSignatory changeSignatory,
    RemoveSignatory removeSignatory, ReviewAgreementElement review, AttachAgreementDocument attach, DownloadAgreementDocument download) : PartnershipPage(db)
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
    [Display(Name = "the date signed")]
    public DateOnly? SignedOn { get; set; }

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
        Input = new AgreementForm
        {
            Title = s.Title,
            Status = s.Status.ToText(),
            EffectiveOn = s.EffectiveOn,
            ExpiresOn = s.ExpiresOn,
            RenewalNoticeOn = Details.RenewalNoticeOn,
            NoticeDays = Details.NoticeDays,
            Notes = Details.Notes,
            Parties = Details.Parties.Select(p => p.OrganizationId).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await change.RunAsync(id, agreementId, new AgreementInput(null, Input.Title, Input.Status, Input.EffectiveOn, Input.ExpiresOn,
            Input.RenewalNoticeOn, Input.NoticeDays, Input.Notes, Input.Parties), cancellationToken);
        return Respond(outcome, _ => "The agreement was saved.");
    }

    public async Task<IActionResult> OnPostSignatoryAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await addSignatory.RunAsync(id, agreementId, new SignatoryInput(Signatory.Name, Signatory.Title, Signatory.Organization, Signatory.SignedOn),
            cancellationToken);
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
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await changeSignatory.RunAsync(id, agreementId, signatoryId, new SignatoryInput(null, null, null, SignedOn), cancellationToken);
        return Respond(outcome, _ => "The signatory was updated.", prefix: "");
    }

    public async Task<IActionResult> OnPostRemoveSignatoryAsync(Guid id, Guid agreementId, Guid signatoryId, CancellationToken cancellationToken) =>
        await LoadAsync(id, agreementId, cancellationToken)
            ? Respond(await removeSignatory.RunAsync(id, agreementId, signatoryId, cancellationToken), _ => "The signatory was removed.")
            : NotFound();

    public async Task<IActionResult> OnPostElementAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, agreementId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await review.RunAsync(id, agreementId, new ElementInput(Element.Code, Element.Done, Element.Note), cancellationToken);
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
        var outcome = await attach.RunAsync(id, agreementId, file!.FileName, content, cancellationToken);
        return Respond(outcome, _ => "The document was attached.", prefix: "");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (await download.RunAsync(id, agreementId, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(Guid id, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "agreements", cancellationToken) || await show.RunAsync(id, agreementId, cancellationToken) is not { } details)
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

        [Display(Name = "the effective date")]
        public DateOnly? EffectiveOn { get; set; }

        [Display(Name = "the expiry date")]
        public DateOnly? ExpiresOn { get; set; }

        [Display(Name = "the renewal notice date")]
        public DateOnly? RenewalNoticeOn { get; set; }

        [Display(Name = "the notice period in days")]
        public int? NoticeDays { get; set; }
        public string? Notes { get; set; }

        [Display(Name = "the parties")]
        public List<Guid> Parties { get; set; } = [];
    }

    public sealed class SignatoryForm
    {
        public string? Name { get; set; }
        public string? Title { get; set; }

        [Display(Name = "the partner the signatory signs for")]
        public Guid? Organization { get; set; }

        [Display(Name = "the date signed")]
        public DateOnly? SignedOn { get; set; }
    }

    public sealed class ElementForm
    {
        public string? Code { get; set; }
        public bool Done { get; set; }
        public string? Note { get; set; }
    }
}
