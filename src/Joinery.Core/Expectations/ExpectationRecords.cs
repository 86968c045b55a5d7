using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Measures;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Expectations;

/// <summary>How two partners' expectations relate once both lists are shown side by side.</summary>
public enum ExpectationRelation { Same, Related, Conflicting }

/// <summary>What a pilot review found for one agreed expectation.</summary>
public enum PilotResult { Met, PartlyMet, NotMet, Changed }

/// <summary>One result a partner organization expects from the partnership, written without seeing the other partners' lists.</summary>
public sealed class ExpectationItem : IAudited, IPartnershipOwned
{
    public const int TextMax = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Text { get; set; }
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A partner organization's list is submitted; once every partner's is, all lists are shown.</summary>
public sealed class ExpectationSubmission : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid SubmittedByUserId { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>Two items of different partners that say the same, are related, or conflict.</summary>
public sealed class ExpectationPair : IAudited, IPartnershipOwned
{
    public const int NoteMax = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid FirstItemId { get; init; }
    public required Guid SecondItemId { get; init; }
    public required ExpectationRelation Relation { get; init; }
    public string Note { get; init; } = "";
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An expectation both partners agreed, with the member who owns it, the measure that shows it and when to look again.</summary>
public sealed class AgreedExpectation : IAudited, IPartnershipOwned
{
    public const int StatementMax = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Statement { get; set; }
    public required Guid OwnerUserId { get; set; }
    public Guid? MeasureId { get; set; }
    public DateOnly? ReevaluateOn { get; set; }
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An item an agreed expectation was drawn from.</summary>
public sealed class AgreedSource : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid AgreedExpectationId { get; init; }
    public required Guid ItemId { get; init; }
}

/// <summary>The pilot period and the review held at its end, in which each agreed expectation is re-evaluated.</summary>
public sealed class PilotReview : IAudited, IPartnershipOwned
{
    public const int SummaryMax = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public DateOnly PilotFrom { get; set; }
    public DateOnly PilotTo { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string Summary { get; set; } = "";
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One agreed expectation re-evaluated in a pilot review, with what the partners will do in response.</summary>
public sealed class PilotEvaluation : IAudited, IPartnershipOwned
{
    public const int ResponseMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid ReviewId { get; init; }
    public required Guid AgreedExpectationId { get; init; }
    public PilotResult Result { get; set; }
    public string Response { get; set; } = "";
    public required Guid RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class ExpectationsConfiguration :
    IEntityTypeConfiguration<ExpectationItem>, IEntityTypeConfiguration<ExpectationSubmission>, IEntityTypeConfiguration<ExpectationPair>,
    IEntityTypeConfiguration<AgreedExpectation>, IEntityTypeConfiguration<AgreedSource>, IEntityTypeConfiguration<PilotReview>,
    IEntityTypeConfiguration<PilotEvaluation>
{
    public void Configure(EntityTypeBuilder<ExpectationItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(ExpectationItem.TextMax);
        builder.HasIndex(i => new { i.PartnershipId, i.OrganizationId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExpectationSubmission> builder)
    {
        builder.HasIndex(s => new { s.PartnershipId, s.OrganizationId }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExpectationPair> builder)
    {
        builder.Property(p => p.Note).HasMaxLength(ExpectationPair.NoteMax);
        builder.HasIndex(p => new { p.FirstItemId, p.SecondItemId }).IsUnique();
        builder.HasIndex(p => p.SecondItemId);
        builder.HasIndex(p => p.PartnershipId);
        builder.HasOne<ExpectationItem>().WithMany().HasForeignKey(p => p.FirstItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExpectationItem>().WithMany().HasForeignKey(p => p.SecondItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AgreedExpectation> builder)
    {
        builder.Property(a => a.Statement).HasMaxLength(AgreedExpectation.StatementMax);
        builder.HasIndex(a => a.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<AgreedSource> builder)
    {
        builder.HasIndex(l => new { l.AgreedExpectationId, l.ItemId }).IsUnique();
        builder.HasIndex(l => l.ItemId);
        builder.HasIndex(l => l.PartnershipId);
        builder.HasOne<AgreedExpectation>().WithMany().HasForeignKey(l => l.AgreedExpectationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExpectationItem>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PilotReview> builder)
    {
        builder.Property(r => r.Summary).HasMaxLength(PilotReview.SummaryMax);
        builder.HasIndex(r => r.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PilotEvaluation> builder)
    {
        builder.Property(e => e.Response).HasMaxLength(PilotEvaluation.ResponseMax);
        builder.HasIndex(e => new { e.ReviewId, e.AgreedExpectationId }).IsUnique();
        builder.HasIndex(e => e.AgreedExpectationId);
        builder.HasIndex(e => e.PartnershipId);
        builder.HasOne<PilotReview>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgreedExpectation>().WithMany().HasForeignKey(e => e.AgreedExpectationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
