using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Health;

public enum Severity { Info, Warning, Critical }

/// <summary>
/// A partnership's own thresholds for the warning signs (frameworks.md §10.2). They are product
/// heuristics, not findings from the literature, so each partnership can tune them; a partnership
/// without a row uses <see cref="Defaults"/>.
/// </summary>
public sealed class HealthSettings : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }

    /// <summary>S1: share of members who should have read the published mission, and within how many days.</summary>
    public int MissionAcknowledgedPercent { get; set; } = 60;
    public int MissionAcknowledgeDays { get; set; } = 60;

    /// <summary>S3: a term disputed longer than this is friction.</summary>
    public int DisputedTermDays { get; set; } = 30;

    /// <summary>S4: a gap longer than the cadence times this (in percent) means the cadence is slipping.</summary>
    public int CadenceSlackPercent { get; set; } = 150;

    /// <summary>S4: a partner present at fewer than this share of the last meetings.</summary>
    public int AttendancePercent { get; set; } = 50;
    public int RecentMeetings { get; set; } = 3;

    /// <summary>S4/S5: a decision waiting for sign-off longer than this.</summary>
    public int SignOffDays { get; set; } = 30;

    /// <summary>S8: cross-partner face-to-face contact below executive level within this many days.</summary>
    public int FaceToFaceDays { get; set; } = 60;

    /// <summary>S9: negative feedback unanswered longer than this; no negative feedback at all for this long.</summary>
    public int NegativeUnansweredDays { get; set; } = 30;
    public int SilenceDays { get; set; } = 90;

    /// <summary>S10: reporting periods missed in a row.</summary>
    public int MissedPeriods { get; set; } = 2;

    /// <summary>A pulse item scoring below this mean (times ten: 30 = 3.0) is low.</summary>
    public int LowPulseScoreTenths { get; set; } = 30;

    /// <summary>Launch: training, referral sources and baselines still open this many days before the start date.</summary>
    public int LaunchWarningDays { get; set; } = 30;

    public DateTimeOffset UpdatedAt { get; set; }

    public static HealthSettings Defaults(Guid partnershipId) => new() { PartnershipId = partnershipId };
}

internal sealed class HealthConfiguration : IEntityTypeConfiguration<HealthSettings>
{
    public void Configure(EntityTypeBuilder<HealthSettings> builder)
    {
        builder.HasIndex(s => s.PartnershipId).IsUnique();
        builder.Property(s => s.LaunchWarningDays).HasDefaultValue(30);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
