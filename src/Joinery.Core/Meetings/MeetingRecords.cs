using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Meetings;

public enum Cadence { Weekly, EveryTwoWeeks, Monthly }

public enum MeetingFormat { FaceToFace, Virtual, Hybrid }

public enum ActionStatus { Open, InProgress, Done, Dropped }

/// <summary>A regular joint meeting with a cadence; its meetings are planned from it and it downloads as iCalendar.</summary>
public sealed class MeetingSeries : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Title { get; set; }
    public required Cadence Cadence { get; set; }
    public required DateOnly FirstDate { get; set; }
    public required TimeOnly StartTime { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public MeetingFormat Format { get; set; } = MeetingFormat.FaceToFace;
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One meeting: when, how, who came, the agenda, minutes, what went well and what disappointed.</summary>
public sealed class Meeting : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int TextMax = 20_000;
    public const int NoteMax = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public Guid? SeriesId { get; init; }
    public required string Title { get; set; }
    public required DateOnly Date { get; set; }
    public required MeetingFormat Format { get; set; }
    public string Agenda { get; set; } = "";
    public string Minutes { get; set; } = "";
    public string Successes { get; set; } = "";
    public string Disappointments { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public List<MeetingAttendance> Attendance { get; init; } = [];
}

/// <summary>A member who attended, so attendance by organization and level is known.</summary>
public sealed class MeetingAttendance : IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid MeetingId { get; init; }
    public required Guid UserId { get; init; }
}

/// <summary>Something someone will do, by when.</summary>
public sealed class ActionItem : IAudited, IPartnershipOwned
{
    public const int TitleMax = 300;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public Guid? MeetingId { get; init; }
    public required string Title { get; set; }
    public required Guid OwnerUserId { get; set; }
    public required DateOnly DueDate { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Open;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class MeetingsConfiguration :
    IEntityTypeConfiguration<MeetingSeries>, IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<MeetingAttendance>, IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(MeetingSeries.TitleMax);
        builder.HasIndex(s => s.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMax);
        builder.Property(m => m.Agenda).HasMaxLength(Meeting.TextMax);
        builder.Property(m => m.Minutes).HasMaxLength(Meeting.TextMax);
        builder.Property(m => m.Successes).HasMaxLength(Meeting.NoteMax);
        builder.Property(m => m.Disappointments).HasMaxLength(Meeting.NoteMax);
        builder.HasIndex(m => new { m.PartnershipId, m.Date });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MeetingSeries>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.HasIndex(a => new { a.MeetingId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.PartnershipId);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(ActionItem.TitleMax);
        builder.HasIndex(a => new { a.PartnershipId, a.DueDate });
        builder.HasIndex(a => a.OwnerUserId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
