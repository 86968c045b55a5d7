using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Health;

public enum Severity { Info, Warning, Critical }

/// <summary>
/// One of a partnership's own thresholds for the warning signs (frameworks.md §10.2), stored only
/// once a steward sets it; the feature that owns the threshold gives its default. They are product
/// heuristics, not findings from the literature, so each partnership can tune them.
/// </summary>
public sealed class HealthThreshold : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Name { get; init; }
    public int Value { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static HealthThreshold Set(Guid partnershipId, string name, int value, DateTimeOffset now)
    {
        var threshold = new HealthThreshold { PartnershipId = partnershipId, Name = name };
        threshold.Change(value, now);
        return threshold;
    }

    public void Change(int value, DateTimeOffset now)
    {
        Value = value;
        UpdatedAt = now;
    }
}

internal sealed class HealthConfiguration : IEntityTypeConfiguration<HealthThreshold>
{
    public void Configure(EntityTypeBuilder<HealthThreshold> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(60);
        builder.HasIndex(t => new { t.PartnershipId, t.Name }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
