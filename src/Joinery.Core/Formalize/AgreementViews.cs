namespace Joinery.Core.Formalize;

/// <summary>
/// An agreement as a member records or changes it (the API body and the page form). The type is set
/// once; <see cref="Parties"/> null keeps the parties (every partner for a new agreement).
/// </summary>
public sealed record AgreementInput(string? Type, string? Title, string? Status, DateOnly? EffectiveOn = null, DateOnly? ExpiresOn = null,
    DateOnly? RenewalNoticeOn = null, int? NoticeDays = null, string? Notes = null, IReadOnlyList<Guid>? Parties = null);

/// <summary>A signatory; when changing one, an empty name or a missing title or partner keeps what was recorded.</summary>
public sealed record SignatoryInput(string? Name, string? Title, Guid? Organization, DateOnly? SignedOn);

/// <summary>A required element reviewed: ticked (the default) or not, with a note.</summary>
public sealed record ElementInput(string? Code, bool Done = true, string? Note = null);

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
