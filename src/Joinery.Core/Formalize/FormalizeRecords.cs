using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Formalize;

/// <summary>Where a service sits in the health center's HRSA scope (Form 5A): column I direct, II contract, III referral.</summary>
public enum HrsaScope { Direct, Contract, Referral }

public enum Payer { Medicare, Medicaid, Commercial, SlidingFee, Grant }

/// <summary>The function one partner performs with health information on the other's behalf, which makes it a business associate.</summary>
public enum AssociateFunction { None, Billing, CareManagement, RegistryHosting, EhrHosting, QualityReporting, Other }

public enum CostCategory { Staff, Space, Equipment, It, Training, Other }

public enum CostPeriod { OneOff, Monthly, Yearly }

public enum AgreementType { Mou, Baa, Qsoa, Dsa, ServicesContract, ReferralArrangement, Lease, Other }

#pragma warning disable CA1720 // "signed" is the agreement's status in the API contract, not a type name.
public enum AgreementStatus { Draft, InReview, Signed, InForce, Expiring, Expired, Terminated }
#pragma warning restore CA1720

/// <summary>A service in the partnership's catalog: who delivers it, who bills it, and what that means legally.</summary>
public sealed class Service : IAudited, IPartnershipOwned
{
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;
    public const int SiteMax = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public required Guid DeliveredByOrganizationId { get; set; }
    public required Guid BilledByOrganizationId { get; set; }
    public string Site { get; set; } = "";

    /// <summary>Payers in kebab-case, comma-separated ("medicare,sliding-fee").</summary>
    public string Payers { get; set; } = "";
    public HrsaScope Scope { get; set; }

    /// <summary>The service creates or uses substance use disorder records covered by 42 CFR Part 2.</summary>
    public bool InvolvesPart2 { get; set; }
    public AssociateFunction AssociateFunction { get; set; }

    /// <summary>The partner that handles health information on the other's behalf (the business associate), when there is one.</summary>
    public Guid? AssociateOrganizationId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A cost of the partnership and the partner that pays it.</summary>
public sealed class CostItem : IAudited, IPartnershipOwned
{
    public const int DescriptionMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required CostCategory Category { get; init; }
    public required string Description { get; init; }
    public required Guid OrganizationId { get; init; }
    public decimal Amount { get; init; }
    public CostPeriod Period { get; init; }

    /// <summary>First day of the first and last month, when given.</summary>
    public DateOnly? FromMonth { get; init; }
    public DateOnly? ToMonth { get; init; }
    public required Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>An agreement between the partners (MOU, BAA, QSOA, ...), tracked from draft to in force.</summary>
public sealed class Agreement : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int NotesMax = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required AgreementType Type { get; init; }
    public required string Title { get; set; }
    public AgreementStatus Status { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The day to start renewal talks; when empty, <see cref="NoticeDays"/> before expiry.</summary>
    public DateOnly? RenewalNoticeOn { get; set; }
    public int? NoticeDays { get; set; }
    public string Notes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A partner that is a party to an agreement.</summary>
public sealed class AgreementParty : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid AgreementId { get; init; }
    public required Guid OrganizationId { get; init; }
}

/// <summary>A person who signs (or is to sign) an agreement for a partner.</summary>
public sealed class AgreementSignatory : IAudited, IPartnershipOwned
{
    public const int NameMax = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid AgreementId { get; init; }
    public required string Name { get; set; }
    public string Title { get; set; } = "";
    public required Guid OrganizationId { get; set; }
    public DateOnly? SignedOn { get; set; }
}

/// <summary>A required element of an agreement (see <see cref="AgreementChecklists"/>) ticked by a reviewer.</summary>
public sealed class AgreementElementCheck : IAudited, IPartnershipOwned
{
    public const int CodeMax = 40;
    public const int NoteMax = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid AgreementId { get; init; }
    public required string Code { get; init; }
    public bool Done { get; set; }
    public string Note { get; set; } = "";
    public required Guid ReviewedByUserId { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}

/// <summary>The attached document of an agreement, kept in the database; a new upload replaces it.</summary>
public sealed class AgreementDocument : IAudited, IPartnershipOwned
{
    public const int FileNameMax = 120;
    public const int MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid AgreementId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
    public required Guid UploadedByUserId { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

internal sealed class FormalizeConfiguration :
    IEntityTypeConfiguration<Service>, IEntityTypeConfiguration<CostItem>, IEntityTypeConfiguration<Agreement>, IEntityTypeConfiguration<AgreementParty>,
    IEntityTypeConfiguration<AgreementSignatory>, IEntityTypeConfiguration<AgreementElementCheck>, IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Service.NameMax);
        builder.Property(s => s.Description).HasMaxLength(Service.DescriptionMax);
        builder.Property(s => s.Site).HasMaxLength(Service.SiteMax);
        builder.Property(s => s.Payers).HasMaxLength(200);
        builder.HasIndex(s => s.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.DeliveredByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.BilledByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.AssociateOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CostItem> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(CostItem.DescriptionMax);
        builder.Property(c => c.Amount).HasPrecision(14, 2);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

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
