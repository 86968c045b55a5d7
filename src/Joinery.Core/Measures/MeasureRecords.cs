using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Measures;

/// <summary>Outcome measures show whether people are better off; process measures whether the work happens; balancing measures what might get worse.</summary>
public enum MeasureType { Outcome, Process, Balancing }

/// <summary>A proportion is counted as numerator over denominator and shown as a percentage; a value is one number per period with a unit.</summary>
public enum MeasureKind { Proportion, Value }

public enum BetterDirection { Up, Down }

public enum ReportingFrequency { Monthly, Quarterly }

/// <summary>What the partners decided at the end of an improvement cycle.</summary>
public enum CycleAct { Adopt, Adapt, Abandon }

/// <summary>A measure the partners agreed to track (step 8), with its baseline once they set one.</summary>
public sealed class Measure : IAudited, IPartnershipOwned
{
    public const int NameMax = 200;
    public const int TextMax = 2000;
    public const int ShortMax = 500;
    public const int UnitMax = 40;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Name { get; set; }
    public string WhyItMatters { get; set; } = "";
    public MeasureType Type { get; set; }
    public MeasureKind Kind { get; set; }

    /// <summary>For a value measure, what it is counted in ("days", "visits"); "%" for a proportion.</summary>
    public string Unit { get; set; } = "";
    public string Numerator { get; set; } = "";
    public string Denominator { get; set; } = "";
    public string DataSource { get; set; } = "";
    public Guid? OwnerUserId { get; set; }
    public BetterDirection BetterDirection { get; set; }

    /// <summary>In the measure's unit; a percentage (0–100) for a proportion.</summary>
    public double? Target { get; set; }
    public ReportingFrequency Frequency { get; set; }

    /// <summary>First and last month of the baseline period; its median freezes the chart's centre line.</summary>
    public DateOnly? BaselineFrom { get; set; }
    public DateOnly? BaselineTo { get; set; }
    public double? BaselineValue { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The measure's value for one month (the first day of the month stands for it).</summary>
public sealed class MeasurePoint : IAudited, IPartnershipOwned
{
    public const int NoteMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid MeasureId { get; init; }
    public required DateOnly Period { get; init; }

    /// <summary>The plotted value: the percentage for a proportion.</summary>
    public double Value { get; set; }
    public int? Numerator { get; set; }
    public int? Denominator { get; set; }

    /// <summary>Set by a person who judges the point obviously different (run-chart rule 4).</summary>
    public bool Astronomical { get; set; }
    public string Note { get; set; } = "";
    public required Guid RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A plan-do-study-act cycle testing a change, linked to the measure that shows whether it helped.</summary>
public sealed class ImprovementCycle : IAudited, IPartnershipOwned
{
    public const int TitleMax = 200;
    public const int TextMax = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid MeasureId { get; set; }
    public required string Title { get; set; }
    public string Plan { get; set; } = "";
    public string Prediction { get; set; } = "";
    public string Do { get; set; } = "";
    public string Study { get; set; } = "";
    public CycleAct? Act { get; set; }
    public string NextStep { get; set; } = "";
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public required Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class MeasuresConfiguration :
    IEntityTypeConfiguration<Measure>, IEntityTypeConfiguration<MeasurePoint>, IEntityTypeConfiguration<ImprovementCycle>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Measure.NameMax);
        builder.Property(m => m.WhyItMatters).HasMaxLength(Measure.TextMax);
        builder.Property(m => m.Unit).HasMaxLength(Measure.UnitMax);
        builder.Property(m => m.Numerator).HasMaxLength(Measure.ShortMax);
        builder.Property(m => m.Denominator).HasMaxLength(Measure.ShortMax);
        builder.Property(m => m.DataSource).HasMaxLength(Measure.ShortMax);
        builder.HasIndex(m => m.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<MeasurePoint> builder)
    {
        builder.Property(p => p.Note).HasMaxLength(MeasurePoint.NoteMax);
        builder.HasIndex(p => new { p.MeasureId, p.Period }).IsUnique();
        builder.HasIndex(p => p.PartnershipId);
        builder.HasOne<Measure>().WithMany().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ImprovementCycle> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(ImprovementCycle.TitleMax);
        builder.Property(c => c.Plan).HasMaxLength(ImprovementCycle.TextMax);
        builder.Property(c => c.Prediction).HasMaxLength(ImprovementCycle.TextMax);
        builder.Property(c => c.Do).HasMaxLength(ImprovementCycle.TextMax);
        builder.Property(c => c.Study).HasMaxLength(ImprovementCycle.TextMax);
        builder.Property(c => c.NextStep).HasMaxLength(ImprovementCycle.TextMax);
        builder.HasIndex(c => c.MeasureId);
        builder.HasIndex(c => c.PartnershipId);
        builder.HasOne<Measure>().WithMany().HasForeignKey(c => c.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
