using Joinery.Core.Common;
using Joinery.Core.Launch;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Launch;

/// <summary>The start date (yyyy-mm-dd, or null to clear) and the pilot's length in months (default 6).</summary>
public sealed record ScheduleDto(string? StartDate, int? PilotMonths);

/// <summary>A checklist item: area is equipment-and-supplies, space, it-and-record-access, workflows, staff-training or announcement; owner a member's user id.</summary>
public sealed record ChecklistItemDto(string? Area, string? Title, Guid? Owner, string? DueOn, string? DoneOn)
{
    public ChecklistItemInput ToInput() => new(Area, Title, Owner?.ToString(), DueOn, DoneOn);
}

/// <summary>A course for a member (user id) or a named staff member who does not use Joinery.</summary>
public sealed record TrainingDto(Guid? Member, string? StaffName, string? Course, string? DueOn, string? CompletedOn)
{
    public TrainingInput ToInput() => new(Member?.ToString(), StaffName, Course, DueOn, CompletedOn);
}

/// <summary>A referral source: kind internal or external; channel letter, email, meeting, phone, website or other; toldOn empty until told.</summary>
public sealed record ReferralSourceDto(string? Name, string? Kind, string? Channel, string? ToldOn)
{
    public ReferralSourceInput ToInput() => new(Name, Kind, Channel, ToldOn);
}

/// <summary>decision: go or no-go; a note is required for a no-go.</summary>
public sealed record GoDto(string? Decision, string? Note);

public sealed record MilestoneDto(string? Title, string? PlannedOn, string? AchievedOn)
{
    public MilestoneInput ToInput() => new(Title, PlannedOn, AchievedOn);
}

public sealed record CelebrationDto(string? CelebratedOn, string? How, string? Thanked)
{
    public CelebrationInput ToInput() => new(CelebratedOn, How, Thanked);
}

internal static class LaunchApi
{
    public static void MapLaunchApi(this RouteGroupBuilder api)
    {
        var launch = api.MapGroup("/partnerships/{id:guid}/launch").WithTags("Launch");
        launch.MapGet("/", GetAsync).WithName("GetLaunch")
            .WithSummary("The launch state: start date, pilot (month n of m, review due), checklist, training, referral sources, baseline, go / no-go.");
        launch.MapPut("/schedule", ScheduleAsync).WithName("SetLaunchSchedule").WithSummary("Sets the start date and the pilot's length in months.");
        launch.MapPost("/checklist/starter", StarterAsync).WithName("AddStarterChecklist").WithSummary("Adds the standard checklist items the checklist does not have yet.");
        launch.MapPost("/checklist", (Guid id, ChecklistItemDto? body, LaunchWork work, CancellationToken ct) =>
            CreatedAsync(id, "checklist", work.SaveItemAsync(id, null, (body ?? EmptyItem).ToInput(), ct))).WithName("AddChecklistItem").WithSummary("Adds a checklist item.");
        launch.MapPut("/checklist/{itemId:guid}", (Guid id, Guid itemId, ChecklistItemDto? body, LaunchWork work, CancellationToken ct) =>
            UpdatedAsync(work.SaveItemAsync(id, itemId, (body ?? EmptyItem).ToInput(), ct))).WithName("UpdateChecklistItem")
            .WithSummary("Changes an item's owner, due date and done date (and title or area when given).");
        launch.MapPost("/training", (Guid id, TrainingDto? body, LaunchWork work, CancellationToken ct) =>
            CreatedAsync(id, "training", work.SaveTrainingAsync(id, null, (body ?? EmptyTraining).ToInput(), ct))).WithName("AddTraining").WithSummary("Adds a person's course to the roster.");
        launch.MapPut("/training/{trainingId:guid}", (Guid id, Guid trainingId, TrainingDto? body, LaunchWork work, CancellationToken ct) =>
            UpdatedAsync(work.SaveTrainingAsync(id, trainingId, (body ?? EmptyTraining).ToInput(), ct))).WithName("UpdateTraining")
            .WithSummary("Changes a course's due and completion dates (and person or course when given).");
        launch.MapPost("/referral-sources", (Guid id, ReferralSourceDto? body, LaunchWork work, CancellationToken ct) =>
            CreatedAsync(id, "referral-sources", work.SaveSourceAsync(id, null, (body ?? EmptySource).ToInput(), ct))).WithName("AddReferralSource").WithSummary("Adds a referral source to tell.");
        launch.MapPut("/referral-sources/{sourceId:guid}", (Guid id, Guid sourceId, ReferralSourceDto? body, LaunchWork work, CancellationToken ct) =>
            UpdatedAsync(work.SaveSourceAsync(id, sourceId, (body ?? EmptySource).ToInput(), ct))).WithName("UpdateReferralSource")
            .WithSummary("Records when the source was told (and changes name, kind or channel when given).");
        launch.MapDelete("/checklist/{itemId:guid}", (Guid id, Guid itemId, LaunchWork work, CancellationToken ct) =>
            RemovedAsync(work.RemoveItemAsync(id, itemId, ct))).WithName("RemoveChecklistItem").WithSummary("Removes a checklist item.");
        launch.MapDelete("/training/{trainingId:guid}", (Guid id, Guid trainingId, LaunchWork work, CancellationToken ct) =>
            RemovedAsync(work.RemoveTrainingAsync(id, trainingId, ct))).WithName("RemoveTraining").WithSummary("Removes a course from the roster.");
        launch.MapDelete("/referral-sources/{sourceId:guid}", (Guid id, Guid sourceId, LaunchWork work, CancellationToken ct) =>
            RemovedAsync(work.RemoveSourceAsync(id, sourceId, ct))).WithName("RemoveReferralSource").WithSummary("Removes a referral source.");
        launch.MapPost("/decisions", DecideAsync).WithName("RecordGoDecision").WithSummary("An executive records go or no-go for their organization.");

        var milestones = api.MapGroup("/partnerships/{id:guid}/milestones").WithTags("Milestones");
        milestones.MapGet("/", MilestonesAsync).WithName("ListMilestones").WithSummary("Milestones with planned and achieved dates and their celebrations, and the natural ones not yet proposed.");
        milestones.MapPost("/", (Guid id, MilestoneDto? body, MilestonesWork work, CancellationToken ct) =>
            CreatedAsync(id, "milestones", work.SaveAsync(id, null, (body ?? EmptyMilestone).ToInput(), ct), "milestones")).WithName("AddMilestone").WithSummary("Adds a milestone of the partners' own.");
        milestones.MapPost("/natural", ProposeAsync).WithName("ProposeMilestones").WithSummary("Adds the natural milestones not on the list yet.");
        milestones.MapPut("/{milestoneId:guid}", (Guid id, Guid milestoneId, MilestoneDto? body, MilestonesWork work, CancellationToken ct) =>
            UpdatedAsync(work.SaveAsync(id, milestoneId, (body ?? EmptyMilestone).ToInput(), ct))).WithName("UpdateMilestone")
            .WithSummary("Sets the planned date, marks achieved by hand (a date from the data takes precedence), or renames.");
        milestones.MapDelete("/{milestoneId:guid}", (Guid id, Guid milestoneId, MilestonesWork work, CancellationToken ct) =>
            RemovedAsync(work.RemoveAsync(id, milestoneId, ct))).WithName("RemoveMilestone").WithSummary("Removes a milestone and its celebrations.");
        milestones.MapPost("/{milestoneId:guid}/celebrations", (Guid id, Guid milestoneId, CelebrationDto? body, MilestonesWork work, CancellationToken ct) =>
            CreatedAsync(id, "milestones", work.CelebrateAsync(id, milestoneId, (body ?? new CelebrationDto(null, null, null)).ToInput(), ct), "milestones"))
            .WithName("CelebrateMilestone").WithSummary("Records how a milestone was celebrated and who was thanked.");
        milestones.MapDelete("/{milestoneId:guid}/celebrations/{celebrationId:guid}", (Guid id, Guid milestoneId, Guid celebrationId, MilestonesWork work, CancellationToken ct) =>
            RemovedAsync(work.RemoveCelebrationAsync(id, milestoneId, celebrationId, ct))).WithName("RemoveCelebration").WithSummary("Removes a celebration recorded by mistake.");
    }

    private static async Task<Results<Ok<LaunchView>, ProblemHttpResult>> GetAsync(Guid id, LaunchWork work, CancellationToken cancellationToken) =>
        await work.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<Ok<MilestonesView>, ProblemHttpResult>> MilestonesAsync(Guid id, MilestonesWork work, CancellationToken cancellationToken) =>
        await work.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> ScheduleAsync(Guid id, ScheduleDto? body, LaunchWork work, CancellationToken cancellationToken) =>
        await UpdatedAsync(work.ScheduleAsync(id, new ScheduleInput(body?.StartDate, body?.PilotMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken));

    private static async Task<IResult> StarterAsync(Guid id, LaunchWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.AddStarterSetAsync(id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { added = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> ProposeAsync(Guid id, MilestonesWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.ProposeAsync(id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { added = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> DecideAsync(Guid id, GoDto? body, LaunchWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.DecideAsync(id, new GoInput(body?.Decision, body?.Note), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { go = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> CreatedAsync(Guid id, string what, Task<Outcome<Guid>> operation, string? root = null)
    {
        var outcome = await operation;
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/{root ?? "launch"}", new { id = outcome.Value, what })
            : Problems.From(outcome);
    }

    private static async Task<IResult> UpdatedAsync(Task<Outcome<Guid>> operation)
    {
        var outcome = await operation;
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> RemovedAsync(Task<Outcome<Guid>> operation)
    {
        var outcome = await operation;
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    private static readonly ChecklistItemDto EmptyItem = new(null, null, null, null, null);
    private static readonly TrainingDto EmptyTraining = new(null, null, null, null, null);
    private static readonly ReferralSourceDto EmptySource = new(null, null, null, null);
    private static readonly MilestoneDto EmptyMilestone = new(null, null, null);
}
