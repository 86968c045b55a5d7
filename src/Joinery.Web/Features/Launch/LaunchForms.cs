using System.Globalization;
using Joinery.Core.Launch;

namespace Joinery.Web.Features.Launch;

public sealed class ScheduleForm
{
    public string? StartDate { get; set; }
    public string? PilotMonths { get; set; }

    public ScheduleInput ToInput() => new(StartDate, PilotMonths);

    public static ScheduleForm From(LaunchView v) => new()
    {
        StartDate = v.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PilotMonths = v.PilotMonths.ToString(CultureInfo.InvariantCulture),
    };
}

public sealed class ItemForm
{
    public string? Area { get; set; }
    public string? Title { get; set; }
    public string? Owner { get; set; }
    public string? DueOn { get; set; }

    public ChecklistItemInput ToInput() => new(Area, Title, Owner, DueOn, null);
}

public sealed class TrainingForm
{
    public string? Member { get; set; }
    public string? StaffName { get; set; }
    public string? Course { get; set; }
    public string? DueOn { get; set; }

    public TrainingInput ToInput() => new(Member, StaffName, Course, DueOn, null);
}

public sealed class SourceForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Channel { get; set; }
    public string? ToldOn { get; set; }

    public ReferralSourceInput ToInput() => new(Name, Kind, Channel, ToldOn);
}

public sealed class DecisionForm
{
    public string? Decision { get; set; }
    public string? Note { get; set; }
}

/// <summary>One row's update: a checklist item's owner, due and done dates; a course's due and completion dates; when a source was told; a milestone's planned and achieved dates.</summary>
public sealed class RowForm
{
    public string? Owner { get; set; }
    public string? DueOn { get; set; }
    public string? DoneOn { get; set; }
}

public sealed class MilestoneForm
{
    public string? Title { get; set; }
    public string? PlannedOn { get; set; }
    public string? AchievedOn { get; set; }

    public MilestoneInput ToInput() => new(Title, PlannedOn, AchievedOn);
}

public sealed class CelebrationForm
{
    public string? CelebratedOn { get; set; }
    public string? How { get; set; }
    public string? Thanked { get; set; }

    public CelebrationInput ToInput() => new(CelebratedOn, How, Thanked);
}

public static class Dates
{
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
