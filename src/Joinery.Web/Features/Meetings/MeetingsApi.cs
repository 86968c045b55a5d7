using System.Text;
using Joinery.Core.Meetings;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Meetings;

public sealed record SeriesDto(string? Title, string? Cadence, string? FirstDate, string? StartTime, int? DurationMinutes, string? Format);

public sealed record MeetingDto(string? Title, string? Date, string? Format, Guid? SeriesId, string? Agenda, string? Minutes,
    string? Successes, string? Disappointments, IReadOnlyList<Guid>? Attendees);

public sealed record ActionDto(string? Title, Guid? Owner, string? DueDate, Guid? MeetingId);

public sealed record ActionStatusDto(string? Status);

internal static class MeetingsApi
{
    public static void MapMeetingsApi(this RouteGroupBuilder api)
    {
        var meetingsGroup = api.MapGroup("/partnerships/{id:guid}/meetings").WithTags("Meetings");
        meetingsGroup.MapGet("/", GetAsync).WithName("ListMeetings").WithSummary("Meeting series (with upcoming dates) and meetings with attendance by organization and level.");
        meetingsGroup.MapPost("/", CreateAsync).WithName("CreateMeeting").WithSummary("Records a meeting.");
        meetingsGroup.MapGet("/{meetingId:guid}", GetMeetingAsync).WithName("GetMeeting").WithSummary("A meeting: attendance, agenda, minutes (Markdown and safe HTML), action items.");
        meetingsGroup.MapPut("/{meetingId:guid}", UpdateAsync).WithName("UpdateMeeting").WithSummary("Updates a meeting, including who attended.");
        meetingsGroup.MapPost("/series", CreateSeriesAsync).WithName("CreateMeetingSeries").WithSummary("Sets up a regular meeting (weekly, every-two-weeks, monthly).");
        meetingsGroup.MapGet("/series/{seriesId:guid}.ics", CalendarAsync).WithName("MeetingSeriesCalendar").WithSummary("The series as iCalendar.");

        var actions = api.MapGroup("/partnerships/{id:guid}/actions").WithTags("Meetings");
        actions.MapGet("/", ListActionsAsync).WithName("ListActionItems").WithSummary("Action items; ?mine=true and ?overdue=true filter.");
        actions.MapPost("/", AddActionAsync).WithName("CreateActionItem").WithSummary("Adds an action item with an owner and due date.");
        actions.MapPost("/{actionId:guid}/status", SetStatusAsync).WithName("SetActionItemStatus").WithSummary("open, in-progress, done or dropped.");
    }

    private static async Task<Results<Ok<MeetingsView>, ProblemHttpResult>> GetAsync(Guid id, MeetingsWork meetings, CancellationToken cancellationToken) =>
        await meetings.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> GetMeetingAsync(Guid id, Guid meetingId, MeetingsWork meetings, CancellationToken cancellationToken) =>
        await meetings.GetMeetingAsync(id, meetingId, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static MeetingInput Input(MeetingDto? body) => new(body?.Title, body?.Date, body?.Format, body?.SeriesId?.ToString(), body?.Agenda,
        body?.Minutes, body?.Successes, body?.Disappointments, body?.Attendees?.Select(a => a.ToString()).ToList());

    private static async Task<IResult> CreateAsync(Guid id, MeetingDto? body, MeetingsWork meetings, CancellationToken cancellationToken)
    {
        var outcome = await meetings.CreateMeetingAsync(id, Input(body), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/meetings/{outcome.Value}", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> UpdateAsync(Guid id, Guid meetingId, MeetingDto? body, MeetingsWork meetings, CancellationToken cancellationToken)
    {
        var outcome = await meetings.UpdateMeetingAsync(id, meetingId, Input(body), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> CreateSeriesAsync(Guid id, SeriesDto? body, MeetingsWork meetings, CancellationToken cancellationToken)
    {
        var outcome = await meetings.CreateSeriesAsync(id, new SeriesInput(body?.Title, body?.Cadence, body?.FirstDate, body?.StartTime,
            body?.DurationMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture), body?.Format), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/meetings/series/{outcome.Value}.ics", new { id = outcome.Value })
            : Problems.From(outcome);
    }

    private static async Task<IResult> CalendarAsync(Guid id, Guid seriesId, MeetingsWork meetings, Joinery.Core.Data.JoineryDb db, CancellationToken cancellationToken) =>
        await meetings.GetSeriesAsync(id, seriesId, cancellationToken) is { } s
            ? TypedResults.File(Encoding.UTF8.GetBytes(Calendar.Write(s.Series, s.PartnershipName, db.Now)), "text/calendar", "meetings.ics")
            : Problems.NotFound();

    private static async Task<Results<Ok<List<ActionView>>, ProblemHttpResult>> ListActionsAsync(Guid id, bool? mine, bool? overdue, MeetingsWork meetings, CancellationToken cancellationToken) =>
        await meetings.ListActionsAsync(id, mine ?? false, overdue ?? false, cancellationToken) is { } list ? TypedResults.Ok(list) : Problems.NotFound();

    private static async Task<IResult> AddActionAsync(Guid id, ActionDto? body, MeetingsWork meetings, CancellationToken cancellationToken)
    {
        var outcome = await meetings.AddActionAsync(id, new ActionInput(body?.Title, body?.Owner?.ToString(), body?.DueDate, body?.MeetingId?.ToString()), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/actions", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> SetStatusAsync(Guid id, Guid actionId, ActionStatusDto? body, MeetingsWork meetings, CancellationToken cancellationToken)
    {
        var outcome = await meetings.SetActionStatusAsync(id, actionId, body?.Status, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { status = outcome.Value }) : Problems.From(outcome);
    }
}
