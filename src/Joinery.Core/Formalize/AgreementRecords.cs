using System.Security.Cryptography;
using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Formalize;

/// <summary>What an agreement says about itself; the use cases validate it, the entity refuses terms that contradict themselves.</summary>
public sealed record AgreementTerms(string Title, AgreementStatus Status, DateOnly? EffectiveOn = null, DateOnly? ExpiresOn = null,
    DateOnly? RenewalNoticeOn = null, int? NoticeDays = null, string Notes = "");

/// <summary>An agreement between the partners (MOU, BAA, QSOA, ...), tracked from draft to in force.</summary>
public sealed class Agreement : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int NotesMax = 4000;
    public const int NoticeDaysMax = 730;

    /// <summary>Days before expiry to start renewal talks when an agreement gives neither a date nor a period.</summary>
    public const int DefaultNoticeDays = 90;

    private Agreement()
    {
    }

    public Guid Id { get; private init; } = Guid.NewGuid();
    public Guid PartnershipId { get; private init; }
    public AgreementType Type { get; private init; }
    public string Title { get; private set; } = "";
    public AgreementStatus Status { get; private set; }
    public DateOnly? EffectiveOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>The day to start renewal talks; when empty, <see cref="NoticeDays"/> before expiry.</summary>
    public DateOnly? RenewalNoticeOn { get; private set; }
    public int? NoticeDays { get; private set; }
    public string Notes { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Agreement Record(Guid partnershipId, AgreementType type, AgreementTerms terms, DateTimeOffset now)
    {
        var agreement = new Agreement { PartnershipId = partnershipId, Type = type, Title = terms.Title, CreatedAt = now };
        agreement.Change(terms, now);
        return agreement;
    }

    /// <summary>Changes title, status, dates and notes; the type stays. Terms that contradict themselves are refused.</summary>
    public void Change(AgreementTerms terms, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(terms.Title))
        {
            throw new ArgumentException("An agreement needs a title.", nameof(terms));
        }
        if (terms.EffectiveOn is { } effective && terms.ExpiresOn < effective)
        {
            throw new ArgumentException("An agreement cannot expire before it takes effect.", nameof(terms));
        }
        if (terms.RenewalNoticeOn > terms.ExpiresOn)
        {
            throw new ArgumentException("Renewal notice cannot come after expiry.", nameof(terms));
        }
        if (terms.NoticeDays is < 0 or > NoticeDaysMax)
        {
            throw new ArgumentOutOfRangeException(nameof(terms), "The notice period is 0 to 730 days.");
        }
        Title = terms.Title;
        Status = terms.Status;
        EffectiveOn = terms.EffectiveOn;
        ExpiresOn = terms.ExpiresOn;
        RenewalNoticeOn = terms.RenewalNoticeOn;
        NoticeDays = terms.NoticeDays;
        Notes = terms.Notes;
        UpdatedAt = now;
    }

    /// <summary>The day renewal talks start: the date given, else the notice period (or 90 days) before expiry.</summary>
    public DateOnly? NoticeOn() => RenewalNoticeOn ?? ExpiresOn?.AddDays(-(NoticeDays ?? DefaultNoticeDays));

    /// <summary>Signed or in force, and not past its expiry date.</summary>
    public static bool IsInForce(AgreementStatus status, DateOnly? expiresOn, DateOnly today) =>
        status is AgreementStatus.Signed or AgreementStatus.InForce && (expiresOn is null || expiresOn >= today);
}

/// <summary>A partner that is a party to an agreement.</summary>
public sealed class AgreementParty : IAudited, IPartnershipOwned
{
    private AgreementParty()
    {
    }

    public Guid Id { get; private init; } = Guid.NewGuid();
    public Guid PartnershipId { get; private init; }
    public Guid AgreementId { get; private init; }
    public Guid OrganizationId { get; private init; }

    public static AgreementParty Of(Agreement agreement, Guid organizationId) =>
        new() { PartnershipId = agreement.PartnershipId, AgreementId = agreement.Id, OrganizationId = organizationId };
}

/// <summary>A person who signs (or is to sign) an agreement for a partner.</summary>
public sealed class AgreementSignatory : IAudited, IPartnershipOwned
{
    public const int NameMax = 200;

    private AgreementSignatory()
    {
    }

    public Guid Id { get; private init; } = Guid.NewGuid();
    public Guid PartnershipId { get; private init; }
    public Guid AgreementId { get; private init; }
    public string Name { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid OrganizationId { get; private set; }
    public DateOnly? SignedOn { get; private set; }

    public static AgreementSignatory Add(Agreement agreement, string name, string title, Guid organizationId, DateOnly? signedOn)
    {
        var signatory = new AgreementSignatory { PartnershipId = agreement.PartnershipId, AgreementId = agreement.Id };
        signatory.Change(name, title, organizationId, signedOn);
        return signatory;
    }

    public void Change(string name, string title, Guid organizationId, DateOnly? signedOn)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A signatory needs a name.", nameof(name));
        }
        Name = name;
        Title = title;
        OrganizationId = organizationId;
        SignedOn = signedOn;
    }
}

/// <summary>A required element of an agreement (see <see cref="AgreementChecklists"/>) ticked by a reviewer.</summary>
public sealed class AgreementElementCheck : IAudited, IPartnershipOwned
{
    public const int CodeMax = 40;
    public const int NoteMax = 1000;

    private AgreementElementCheck()
    {
    }

    public Guid Id { get; private init; } = Guid.NewGuid();
    public Guid PartnershipId { get; private init; }
    public Guid AgreementId { get; private init; }
    public string Code { get; private init; } = "";
    public bool Done { get; private set; }
    public string Note { get; private set; } = "";
    public Guid ReviewedByUserId { get; private set; }
    public DateTimeOffset ReviewedAt { get; private set; }

    /// <summary>The first review of an element; only elements of the agreement's own checklist can be reviewed.</summary>
    public static AgreementElementCheck Review(Agreement agreement, string code, bool done, string note, Guid reviewerId, DateTimeOffset now)
    {
        if (AgreementChecklists.For(agreement.Type).All(e => e.Code != code))
        {
            throw new ArgumentException($"\"{code}\" is not an element of the {agreement.Type.Label()} checklist.", nameof(code));
        }
        var check = new AgreementElementCheck { PartnershipId = agreement.PartnershipId, AgreementId = agreement.Id, Code = code };
        check.Review(done, note, reviewerId, now);
        return check;
    }

    /// <summary>Ticks or unticks the element; the reviewer and the moment are always the latest.</summary>
    public void Review(bool done, string note, Guid reviewerId, DateTimeOffset now)
    {
        Done = done;
        Note = note;
        ReviewedByUserId = reviewerId;
        ReviewedAt = now;
    }
}

/// <summary>The attached document of an agreement, kept in the database; a new upload replaces it.</summary>
public sealed class AgreementDocument : IAudited, IPartnershipOwned
{
    public const int FileNameMax = 120;
    public const int MaxBytes = 10 * 1024 * 1024;

    private AgreementDocument()
    {
    }

    public Guid Id { get; private init; } = Guid.NewGuid();
    public Guid PartnershipId { get; private init; }
    public Guid AgreementId { get; private init; }
    public string FileName { get; private init; } = "";
    public string ContentType { get; private init; } = "";
    public long Size { get; private init; }
    public string Sha256 { get; private init; } = "";
    public byte[] Content { get; private init; } = [];
    public Guid UploadedByUserId { get; private init; }
    public DateTimeOffset UploadedAt { get; private init; }

    /// <summary>A document whose size and SHA-256 come from its content; an empty or oversized file is refused.</summary>
    public static AgreementDocument Attach(Agreement agreement, string fileName, string contentType, byte[] content, Guid uploaderId, DateTimeOffset now)
    {
        if (content.Length is 0 or > MaxBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(content), "A document is 1 byte to 10 MB.");
        }
        return new AgreementDocument
        {
            PartnershipId = agreement.PartnershipId,
            AgreementId = agreement.Id,
            FileName = fileName,
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedByUserId = uploaderId,
            UploadedAt = now,
        };
    }
}

public static class AgreementTypeText
{
    /// <summary>How people name the type ("MOU", "QSOA (Part 2 terms)").</summary>
    public static string Label(this AgreementType type) => type switch
    {
        AgreementType.Mou => "MOU",
        AgreementType.Baa => "BAA",
        AgreementType.Qsoa => "QSOA (Part 2 terms)",
        AgreementType.Dsa => "Data-sharing agreement",
        _ => type.Words(),
    };
}

internal sealed class AgreementConfiguration :
    IEntityTypeConfiguration<Agreement>, IEntityTypeConfiguration<AgreementParty>, IEntityTypeConfiguration<AgreementSignatory>,
    IEntityTypeConfiguration<AgreementElementCheck>, IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Agreement.TitleMax);
        builder.Property(a => a.Notes).HasMaxLength(Agreement.NotesMax);
        builder.HasIndex(a => a.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.HasIndex(p => new { p.AgreementId, p.OrganizationId }).IsUnique();
        builder.HasIndex(p => p.PartnershipId);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AgreementSignatory> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(AgreementSignatory.NameMax);
        builder.Property(s => s.Title).HasMaxLength(AgreementSignatory.NameMax);
        builder.HasIndex(s => s.AgreementId);
        builder.HasIndex(s => s.PartnershipId);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AgreementElementCheck> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(AgreementElementCheck.CodeMax);
        builder.Property(c => c.Note).HasMaxLength(AgreementElementCheck.NoteMax);
        builder.HasIndex(c => new { c.AgreementId, c.Code }).IsUnique();
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AgreementDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(AgreementDocument.FileNameMax);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.AgreementId).IsUnique();
        builder.HasIndex(d => d.PartnershipId);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
