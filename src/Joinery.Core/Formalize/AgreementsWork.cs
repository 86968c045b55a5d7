using System.Globalization;
using System.Security.Cryptography;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Joinery.Core.Formalize;

public sealed record AgreementInput(string? Type, string? Title, string? Status, string? EffectiveOn = null, string? ExpiresOn = null,
    string? RenewalNoticeOn = null, string? NoticeDays = null, string? Notes = null, IReadOnlyList<string>? Parties = null);

public sealed record SignatoryInput(string? Name, string? Title, string? Organization, string? SignedOn);

public sealed record ElementInput(string? Code, bool Done, string? Note);

/// <summary>An agreement the partnership needs, why, and whether one is signed or in force.</summary>
public sealed record RequiredAgreement(AgreementType Type, string Reason, IReadOnlyList<string> Services, Guid? AgreementId, AgreementStatus? Status, bool InForce)
{
    public bool Missing => AgreementId is null;
}

public sealed record AgreementSummary(Guid Id, AgreementType Type, string Title, AgreementStatus Status, DateOnly? EffectiveOn, DateOnly? ExpiresOn, DateOnly? NoticeOn,
    IReadOnlyList<string> Parties, bool HasDocument, int ChecklistDone, int ChecklistTotal, bool InForce);

public sealed record AgreementsRegister(IReadOnlyList<RequiredAgreement> Required, IReadOnlyList<AgreementSummary> Agreements, bool CanEdit);

public sealed record SignatoryView(Guid Id, string Name, string Title, Guid OrganizationId, string OrganizationName, DateOnly? SignedOn);

public sealed record ChecklistItemView(string Code, string Text, bool Done, string Note, string? ReviewedBy, DateTimeOffset? ReviewedAt);

public sealed record DocumentInfo(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record AgreementDetails(AgreementSummary Summary, int? NoticeDays, DateOnly? RenewalNoticeOn, string Notes, IReadOnlyList<PartnerName> Parties,
    IReadOnlyList<PartnerName> Partners, IReadOnlyList<SignatoryView> Signatories, IReadOnlyList<ChecklistItemView> Checklist, DocumentInfo? Document, bool CanEdit);

public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Formalize: the register of agreements (MOU, BAA, QSOA, DSA, ...) with parties, signatories, dates,
/// required-element checklists and an attached document; which agreements the partnership needs follows
/// from its services. Everything here is a draft for legal review, not legal advice.
/// </summary>
public sealed class AgreementsWork(JoineryDb db, ServicesWork services, IOptions<UploadOptions> uploads)
{
    private const string ViewerMessage = "Viewers read the agreements; members record them.";

    /// <summary>Days before expiry to start renewal talks when an agreement gives neither a date nor a period.</summary>
    public const int DefaultNoticeDays = 90;

    public static DateOnly? NoticeOn(Agreement a) =>
        a.RenewalNoticeOn ?? a.ExpiresOn?.AddDays(-(a.NoticeDays ?? DefaultNoticeDays));

    /// <summary>Signed or in force, and not past its expiry date.</summary>
    public static bool IsInForce(AgreementStatus status, DateOnly? expiresOn, DateOnly today) =>
        status is AgreementStatus.Signed or AgreementStatus.InForce && (expiresOn is null || expiresOn >= today);

    private DateOnly Today => DateOnly.FromDateTime(db.Now.UtcDateTime);

    public async Task<AgreementsRegister?> RegisterAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var agreements = await AgreementsAsync(partnershipId, cancellationToken);
        var catalog = await services.ServicesAsync(partnershipId, cancellationToken);
        return new AgreementsRegister(Required(catalog, agreements), agreements, me is not null && me.Role != MemberRole.Viewer);
    }

    /// <summary>The read model of every agreement, newest type order (for the register, the gate, health signals and the MOU builder); the caller checks visibility.</summary>
    public async Task<List<AgreementSummary>> AgreementsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var agreements = await db.Set<Agreement>().AsNoTracking().Where(a => a.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var parties = await (from p in db.Set<AgreementParty>().AsNoTracking()
                             join o in db.Organizations on p.OrganizationId equals o.Id
                             where p.PartnershipId == partnershipId
                             select new { p.AgreementId, o.Name }).ToListAsync(cancellationToken);
        var documents = await db.Set<AgreementDocument>().AsNoTracking().Where(d => d.PartnershipId == partnershipId).Select(d => d.AgreementId).ToListAsync(cancellationToken);
        var checks = await db.Set<AgreementElementCheck>().AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.Done)
            .Select(c => new { c.AgreementId, c.Code }).ToListAsync(cancellationToken);
        var today = Today;
        return agreements.OrderBy(a => a.Type).ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase).Select(a =>
        {
            var list = AgreementChecklists.For(a.Type);
            return new AgreementSummary(a.Id, a.Type, a.Title, a.Status, a.EffectiveOn, a.ExpiresOn, NoticeOn(a),
                parties.Where(p => p.AgreementId == a.Id).Select(p => p.Name).Order(StringComparer.Ordinal).ToList(), documents.Contains(a.Id),
                checks.Count(c => c.AgreementId == a.Id && list.Any(e => e.Code == c.Code)), list.Count, IsInForce(a.Status, a.ExpiresOn, today));
        }).ToList();
    }

    /// <summary>Every partnership needs an MOU; Part 2 services need Part 2 terms (a QSOA); a business-associate function needs a BAA.</summary>
    public static List<RequiredAgreement> Required(IReadOnlyList<ServiceView> services, IReadOnlyList<AgreementSummary> agreements)
    {
        RequiredAgreement Need(AgreementType type, string reason, IReadOnlyList<string> names)
        {
            var candidates = agreements.Where(a => a.Type == type && a.Status is not AgreementStatus.Terminated).ToList();
            var best = candidates.FirstOrDefault(a => a.InForce) ?? candidates.FirstOrDefault();
            return new RequiredAgreement(type, reason, names, best?.Id, best?.Status, best?.InForce == true);
        }
        var required = new List<RequiredAgreement>
        {
            Need(AgreementType.Mou, "Every partnership needs a memorandum of understanding that sets out who does what.", []),
        };
        var part2 = services.Where(s => s.InvolvesPart2).Select(s => s.Name).ToList();
        if (part2.Count > 0)
        {
            required.Add(Need(AgreementType.Qsoa,
                $"Substance use disorder records covered by 42 CFR Part 2 are involved in: {string.Join(", ", part2)}. Part 2 terms (a QSOA) are needed.", part2));
        }
        var associate = services.Where(s => s.IsAssociateFunction).ToList();
        if (associate.Count > 0)
        {
            required.Add(Need(AgreementType.Baa,
                "One partner handles health information on the other's behalf in: "
                + string.Join(", ", associate.Select(s => $"{s.Name} ({s.AssociateOrganization}, {s.AssociateFunction.Words().ToLowerInvariant()})"))
                + ". A business associate agreement is needed.", associate.Select(s => s.Name).ToList()));
        }
        return required;
    }

    public static string Names(IEnumerable<RequiredAgreement> required) => string.Join(", ", required.Select(r => Label(r.Type)));

    public static string Label(AgreementType type) => type switch
    {
        AgreementType.Mou => "MOU",
        AgreementType.Baa => "BAA",
        AgreementType.Qsoa => "QSOA (Part 2 terms)",
        AgreementType.Dsa => "Data-sharing agreement",
        _ => type.Words(),
    };

    public async Task<AgreementDetails?> GetAsync(Guid partnershipId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId && a.PartnershipId == partnershipId, cancellationToken);
        if (agreement is null)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var summary = (await AgreementsAsync(partnershipId, cancellationToken)).Single(a => a.Id == agreementId);
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var partyIds = await db.Set<AgreementParty>().AsNoTracking().Where(p => p.AgreementId == agreementId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        var signatories = await (from s in db.Set<AgreementSignatory>().AsNoTracking()
                                 join o in db.Organizations on s.OrganizationId equals o.Id
                                 where s.AgreementId == agreementId && s.PartnershipId == partnershipId
                                 select new SignatoryView(s.Id, s.Name, s.Title, s.OrganizationId, o.Name, s.SignedOn)).ToListAsync(cancellationToken);
        var checks = await (from c in db.Set<AgreementElementCheck>().AsNoTracking()
                            join u in db.Users on c.ReviewedByUserId equals u.Id
                            where c.AgreementId == agreementId && c.PartnershipId == partnershipId
                            select new { c.Code, c.Done, c.Note, u.DisplayName, c.ReviewedAt }).ToListAsync(cancellationToken);
        var document = await (from d in db.Set<AgreementDocument>().AsNoTracking()
                              join u in db.Users on d.UploadedByUserId equals u.Id
                              where d.AgreementId == agreementId && d.PartnershipId == partnershipId
                              select new DocumentInfo(d.Id, d.FileName, d.ContentType, d.Size, d.Sha256, u.DisplayName, d.UploadedAt)).FirstOrDefaultAsync(cancellationToken);
        var checklist = AgreementChecklists.For(agreement.Type).Select(e =>
        {
            var c = checks.FirstOrDefault(x => x.Code == e.Code);
            return new ChecklistItemView(e.Code, e.Text, c?.Done == true, c?.Note ?? "", c?.DisplayName, c?.ReviewedAt);
        }).ToList();
        return new AgreementDetails(summary, agreement.NoticeDays, agreement.RenewalNoticeOn, agreement.Notes, partners.Where(p => partyIds.Contains(p.OrganizationId)).ToList(),
            partners, signatories.OrderBy(s => s.OrganizationName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList(), checklist, document,
            me is not null && me.Role != MemberRole.Viewer);
    }

    public async Task<Outcome<Guid>> CreateAsync(Guid partnershipId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var type = check.Choice<AgreementType>("type", "the type of agreement", input.Type);
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var f = Validate(check, input, partners);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var agreement = new Agreement { PartnershipId = partnershipId, Type = type!.Value, Title = f.Title, CreatedAt = db.Now };
        Apply(agreement, f);
        db.Set<Agreement>().Add(agreement);
        foreach (var party in f.Parties ?? partners.Select(p => p.OrganizationId).ToList())
        {
            db.Set<AgreementParty>().Add(new AgreementParty { PartnershipId = partnershipId, AgreementId = agreement.Id, OrganizationId = party });
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreement.Id);
    }

    /// <summary>Changes the title, status, dates, notes and (when given) the parties; the type stays.</summary>
    public async Task<Outcome<Guid>> UpdateAsync(Guid partnershipId, Guid agreementId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await FindForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        var check = new Validation();
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var f = Validate(check, input, partners);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        Apply(agreement, f);
        if (f.Parties is { } wanted)
        {
            var current = await db.Set<AgreementParty>().Where(p => p.AgreementId == agreementId).ToListAsync(cancellationToken);
            db.Set<AgreementParty>().RemoveRange(current.Where(p => !wanted.Contains(p.OrganizationId)));
            foreach (var id in wanted.Where(w => current.All(c => c.OrganizationId != w)))
            {
                db.Set<AgreementParty>().Add(new AgreementParty { PartnershipId = partnershipId, AgreementId = agreementId, OrganizationId = id });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreementId);
    }

    public Task<Outcome<Guid>> AddSignatoryAsync(Guid partnershipId, Guid agreementId, SignatoryInput input, CancellationToken cancellationToken = default) =>
        SaveSignatoryAsync(partnershipId, agreementId, null, input, cancellationToken);

    /// <summary>
    /// Adds a signatory (<paramref name="signatoryId"/> null) or changes one: most often the date
    /// signed, once it is. A change keeps the name, title and partner that are not given again.
    /// </summary>
    public async Task<Outcome<Guid>> SaveSignatoryAsync(Guid partnershipId, Guid agreementId, Guid? signatoryId, SignatoryInput input,
        CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await FindForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        AgreementSignatory? signatory = null;
        if (signatoryId is { } id && (signatory = await db.Set<AgreementSignatory>()
                .FirstOrDefaultAsync(s => s.Id == id && s.AgreementId == agreementId && s.PartnershipId == partnershipId, cancellationToken)) is null)
        {
            return Outcome<Guid>.NotFound("No such signatory.");
        }
        var check = new Validation();
        var name = signatory is not null && string.IsNullOrWhiteSpace(input.Name)
            ? signatory.Name
            : check.Text("name", "the signatory's name", input.Name, AgreementSignatory.NameMax);
        var title = signatory is not null && input.Title is null
            ? signatory.Title
            : check.Text("title", "the signatory's title", input.Title, AgreementSignatory.NameMax, required: false);
        var organizationId = signatory?.OrganizationId ?? Guid.Empty;
        if (signatory is null || !string.IsNullOrWhiteSpace(input.Organization))
        {
            var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
            organizationId = ServicesWork.Partner(check, partners, "organization", "Choose the partner the signatory signs for.", input.Organization) ?? Guid.Empty;
        }
        var signedOn = check.DoneDate("signedOn", "the date signed", input.SignedOn, db.Now);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (signatory is null)
        {
            signatory = new AgreementSignatory { PartnershipId = partnershipId, AgreementId = agreementId, Name = name, OrganizationId = organizationId };
            db.Set<AgreementSignatory>().Add(signatory);
        }
        signatory.Name = name;
        signatory.Title = title;
        signatory.OrganizationId = organizationId;
        signatory.SignedOn = signedOn;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(signatory.Id);
    }

    /// <summary>Removes a signatory recorded by mistake.</summary>
    public async Task<Outcome<Guid>> RemoveSignatoryAsync(Guid partnershipId, Guid agreementId, Guid signatoryId, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await FindForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        var signatory = await db.Set<AgreementSignatory>()
            .FirstOrDefaultAsync(s => s.Id == signatoryId && s.AgreementId == agreementId && s.PartnershipId == partnershipId, cancellationToken);
        if (signatory is null)
        {
            return Outcome<Guid>.NotFound("No such signatory.");
        }
        db.Remove(signatory);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(signatoryId);
    }

    /// <summary>Ticks (or unticks) a required element with a note; the current member is recorded as the reviewer.</summary>
    public async Task<Outcome<Guid>> CheckElementAsync(Guid partnershipId, Guid agreementId, ElementInput input, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await FindForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        var check = new Validation();
        var code = (input.Code ?? "").Trim();
        if (AgreementChecklists.For(agreement.Type).All(e => e.Code != code))
        {
            check.Add("code", $"Choose an element of the {Label(agreement.Type)} checklist.");
        }
        var note = check.Prose("note", "the note", input.Note, AgreementElementCheck.NoteMax);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var entity = await db.Set<AgreementElementCheck>().FirstOrDefaultAsync(c => c.AgreementId == agreementId && c.Code == code, cancellationToken);
        if (entity is null)
        {
            entity = new AgreementElementCheck { PartnershipId = partnershipId, AgreementId = agreementId, Code = code, ReviewedByUserId = db.Tenancy.UserId!.Value };
            db.Set<AgreementElementCheck>().Add(entity);
        }
        entity.Done = input.Done;
        entity.Note = note;
        entity.ReviewedByUserId = db.Tenancy.UserId!.Value;
        entity.ReviewedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(entity.Id);
    }

    /// <summary>Attaches a PDF or Word document (decided from its content), replacing the previous one.</summary>
    public async Task<Outcome<Guid>> UploadAsync(Guid partnershipId, Guid agreementId, string? fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var (agreement, refusal) = await FindForWriteAsync(partnershipId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }
        if (content.Length == 0)
        {
            return Outcome<Guid>.Invalid("file", "Choose a PDF or Word (.docx) file to attach.");
        }
        if (content.Length > Math.Min(AgreementDocument.MaxBytes, uploads.Value.MaxDocumentBytes))
        {
            return Outcome<Guid>.Invalid("file", $"The file is larger than {uploads.Value.MaxDocumentMegabytes} MB.");
        }
        var inspected = DocumentSniffer.Inspect(content);
        if (inspected.Value is not { } contentType)
        {
            return inspected.As<Guid>();
        }
        var previous = await db.Set<AgreementDocument>().Where(d => d.AgreementId == agreementId).ToListAsync(cancellationToken);
        db.Set<AgreementDocument>().RemoveRange(previous);
        if (previous.Count > 0)
        {
            // The unique index on the agreement needs the old row gone before the new one goes in.
            await db.SaveChangesAsync(cancellationToken);
        }
        var document = new AgreementDocument
        {
            PartnershipId = partnershipId,
            AgreementId = agreementId,
            FileName = DocumentSniffer.SafeName(fileName, contentType),
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedByUserId = db.Tenancy.UserId!.Value,
            UploadedAt = db.Now,
        };
        db.Set<AgreementDocument>().Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(document.Id);
    }

    /// <summary>The attached document, or null; each download is audited (without the file name).</summary>
    public async Task<DocumentFile?> DownloadAsync(Guid partnershipId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var document = await db.Set<AgreementDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.AgreementId == agreementId && d.PartnershipId == partnershipId, cancellationToken);
        if (document is null)
        {
            return null;
        }
        db.Audit("agreement-document.downloaded", "agreement-document", document.Id.ToString(), partnershipId,
            document.Size.ToString(CultureInfo.InvariantCulture) + " bytes");
        await db.SaveChangesAsync(cancellationToken);
        return new DocumentFile(document.FileName, document.ContentType, document.Content);
    }

    private async Task<(Agreement? Agreement, Outcome<Guid>? Refusal)> FindForWriteAsync(Guid partnershipId, Guid agreementId, CancellationToken cancellationToken)
    {
        if (await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        var agreement = await db.Set<Agreement>().FirstOrDefaultAsync(a => a.Id == agreementId && a.PartnershipId == partnershipId, cancellationToken);
        return agreement is null ? (null, Outcome<Guid>.NotFound("No such agreement.")) : (agreement, null);
    }

    private sealed record Fields(string Title, AgreementStatus Status, DateOnly? EffectiveOn, DateOnly? ExpiresOn, DateOnly? RenewalNoticeOn, int? NoticeDays,
        string Notes, List<Guid>? Parties);

    private void Apply(Agreement agreement, Fields f)
    {
        agreement.Title = f.Title;
        agreement.Status = f.Status;
        agreement.EffectiveOn = f.EffectiveOn;
        agreement.ExpiresOn = f.ExpiresOn;
        agreement.RenewalNoticeOn = f.RenewalNoticeOn;
        agreement.NoticeDays = f.NoticeDays;
        agreement.Notes = f.Notes;
        agreement.UpdatedAt = db.Now;
    }

    private static Fields Validate(Validation check, AgreementInput input, List<PartnerName> partners)
    {
        var title = check.Text("title", "a title", input.Title, Agreement.TitleMax);
        var status = AgreementStatus.Draft;
        if (!string.IsNullOrWhiteSpace(input.Status))
        {
            status = check.Choice<AgreementStatus>("status", "a status", input.Status) ?? AgreementStatus.Draft;
        }
        var effective = check.Date("effectiveOn", "the effective date", input.EffectiveOn, required: false);
        var expires = check.Date("expiresOn", "the expiry date", input.ExpiresOn, required: false);
        var notice = check.Date("renewalNoticeOn", "the renewal notice date", input.RenewalNoticeOn, required: false);
        var days = check.Number("noticeDays", "the notice period in days", input.NoticeDays, 0, 730, required: false, decimals: 0);
        if (effective is { } e && expires is { } x && x < e)
        {
            check.Add("expiresOn", "The expiry date must be on or after the effective date.");
        }
        if (notice is { } n && expires is { } x2 && n > x2)
        {
            check.Add("renewalNoticeOn", "The renewal notice date must be on or before the expiry date.");
        }
        var notes = check.Prose("notes", "the notes", input.Notes, Agreement.NotesMax);
        List<Guid>? parties = null;
        if (input.Parties is { } given)
        {
            parties = [];
            foreach (var text in given.Where(g => !string.IsNullOrWhiteSpace(g)))
            {
                if (Guid.TryParse(text, out var id) && partners.Any(p => p.OrganizationId == id))
                {
                    parties.Add(id);
                }
                else
                {
                    check.Add("parties", "Choose the parties from the partners of this partnership.");
                    break;
                }
            }
            parties = parties.Distinct().ToList();
            if (parties.Count == 0 && check.IsValid)
            {
                check.Add("parties", "Choose at least one partner as a party.");
            }
        }
        return new Fields(title, status, effective, expires, notice, days is { } d ? (int)d : null, notes, parties);
    }
}
