using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Expectations;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Launch;

public sealed record ScheduleInput(string? StartDate, string? PilotMonths);

public sealed record ChecklistItemInput(string? Area, string? Title, string? Owner, string? DueOn, string? DoneOn);

/// <summary>A course for a member (<see cref="Member"/>, a user id) or a named staff member who does not use Joinery (<see cref="StaffName"/>).</summary>
public sealed record TrainingInput(string? Member, string? StaffName, string? Course, string? DueOn, string? CompletedOn);

public sealed record ReferralSourceInput(string? Name, string? Kind, string? Channel, string? ToldOn);

public sealed record GoInput(string? Decision, string? Note);

/// <summary>A standard checklist item offered in the starter set.</summary>
public sealed record StandardItem(string Code, ChecklistArea Area, string Title);

public sealed record ChecklistItemView(Guid Id, string Code, ChecklistArea Area, string Title, Guid? OwnerUserId, string? Owner, DateOnly? DueOn, DateOnly? DoneOn, bool Overdue);

public sealed record TrainingView(Guid Id, Guid? MemberUserId, string Person, string Course, DateOnly? DueOn, DateOnly? CompletedOn, bool Overdue);

public sealed record ReferralSourceView(Guid Id, string Name, SourceKind Kind, ReferralChannel Channel, DateOnly? ToldOn);

/// <summary>A partner's latest go or no-go; <see cref="BeforeChange"/> when the checklist changed after it was given.</summary>
public sealed record GoView(Guid OrganizationId, string Organization, bool? Go, string Note, string? DecidedBy, DateTimeOffset? DecidedAt, bool BeforeChange);

public enum LaunchDecision { Pending, Go, NoGo }

/// <summary>The pilot period: from the start date for the set number of months; the review is due the day after it ends.</summary>
public sealed record PilotView(DateOnly From, DateOnly To, int Month, int Months, DateOnly ReviewDue, bool Started, bool Ended, Guid? ReviewId, bool ReviewComplete);

/// <summary>The launch state (Prepare and Pilot): a read model a report can use as it is.</summary>
public sealed record LaunchView(DateOnly? StartDate, int PilotMonths, PilotView? Pilot,
    IReadOnlyList<ChecklistItemView> Checklist, IReadOnlyList<TrainingView> Training, IReadOnlyList<ReferralSourceView> ReferralSources,
    bool BaselineCollected, IReadOnlyList<string> MeasuresWithoutBaseline, int Measures,
    IReadOnlyList<GoView> Decisions, LaunchDecision Decision, DateTimeOffset? ChecklistChangedAt,
    bool CanWrite, bool CanDecide)
{
    public bool ChecklistDone => Checklist.Count > 0 && Checklist.All(i => i.DoneOn is not null);
    public bool TrainingComplete => Training.Count > 0 && Training.All(t => t.CompletedOn is not null);
    public bool SourcesTold => ReferralSources.Count > 0 && ReferralSources.All(s => s.ToldOn is not null);

    /// <summary>The Prepare gate's "readiness checklist complete": every item done, training complete, every referral source told.</summary>
    public bool ReadyToLaunch => ChecklistDone && TrainingComplete && SourcesTold;
}

/// <summary>
/// Prepare and Pilot: the start date and pilot length, the readiness checklist (standard items by
/// area, plus the members' own), the training roster, the referral sources to tell, the baseline
/// derived from step 8, and the go / no-go of an executive of each partner. A go counts for the
/// checklist as it was: when the checklist changes afterwards, the go is shown as given before the
/// change and has to be confirmed again.
/// </summary>
public sealed class LaunchWork(JoineryDb db, ShowExpectations expectations)
{
    private const string ViewerMessage = "Viewers read the launch plan; members keep it.";

    public static readonly IReadOnlyList<StandardItem> StandardItems =
    [
        new("equipment", ChecklistArea.EquipmentAndSupplies, "Equipment and supplies in place (screening forms, phone, computer)"),
        new("space", ChecklistArea.Space, "A room for the behavioral health clinician near the exam rooms"),
        new("record-access", ChecklistArea.ItAndRecordAccess, "Access to the record and scheduling for the behavioral health staff"),
        new("workflow-screening", ChecklistArea.Workflows, "Screening workflow agreed"),
        new("workflow-referral", ChecklistArea.Workflows, "Referral workflow agreed"),
        new("workflow-warm-handoff", ChecklistArea.Workflows, "Warm handoff workflow agreed"),
        new("workflow-crisis", ChecklistArea.Workflows, "Crisis workflow agreed"),
        new("staff-training", ChecklistArea.StaffTraining, "Staff trained in the new workflows (see the training roster)"),
        new("announcement", ChecklistArea.Announcement, "Internal and external referral sources told (see the referral sources)"),
    ];

    public const int MaxPilotMonths = 36;
    public const int MaxRows = 200;

    public async Task<LaunchView?> GetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken)
            || await db.SharedViewAsync(partnershipId, nameof(LaunchView), () => LoadAsync(partnershipId, cancellationToken)) is not { } shared)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var canWrite = db.Tenancy.Unrestricted || (me is not null && me.Role != MemberRole.Viewer);
        return shared with { CanWrite = canWrite, CanDecide = canWrite && me?.Level == MemberLevel.Executive };
    }

    internal async Task<LaunchView?> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var plan = await db.Set<LaunchPlan>().AsNoTracking().FirstOrDefaultAsync(l => l.PartnershipId == partnershipId, cancellationToken);
        var names = await db.Memberships.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);
        var checklist = (await db.Set<ChecklistItem>().AsNoTracking().Where(i => i.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(i => i.Area).ThenBy(i => i.CreatedAt)
            .Select(i => new ChecklistItemView(i.Id, i.Code, i.Area, i.Title, i.OwnerUserId, i.OwnerUserId is { } o ? names.GetValueOrDefault(o) : null,
                i.DueOn, i.DoneOn, i.DoneOn is null && i.DueOn < today)).ToList();
        var training = (await db.Set<TrainingRecord>().AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(t => t.CreatedAt)
            .Select(t => new TrainingView(t.Id, t.MemberUserId, t.MemberUserId is { } u ? names.GetValueOrDefault(u, "A former member") : t.StaffName,
                t.Course, t.DueOn, t.CompletedOn, t.CompletedOn is null && t.DueOn < today)).ToList();
        var sources = (await db.Set<ReferralSource>().AsNoTracking().Where(s => s.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new ReferralSourceView(s.Id, s.Name, s.Kind, s.Channel, s.ToldOn)).ToList();
        var measures = await db.Set<Measure>().AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new { m.Name, m.BaselineValue }).ToListAsync(cancellationToken);
        var withoutBaseline = measures.Where(m => m.BaselineValue is null).Select(m => m.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();

        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var decisions = (await db.Set<GoDecision>().AsNoTracking().Where(d => d.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .GroupBy(d => d.OrganizationId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.DecidedAt)!);
        var changedAt = plan?.ChecklistChangedAt;
        var goViews = partners.Select(p => decisions.TryGetValue(p.OrganizationId, out var d)
            ? new GoView(p.OrganizationId, p.Name, d.Go, d.Note, names.GetValueOrDefault(d.UserId, "A former member"), d.DecidedAt, changedAt > d.DecidedAt)
            : new GoView(p.OrganizationId, p.Name, null, "", null, null, false)).ToList();
        var decision = goViews.Any(g => g.Go == false) ? LaunchDecision.NoGo
            : goViews.Count > 0 && goViews.All(g => g.Go == true && !g.BeforeChange) ? LaunchDecision.Go
            : LaunchDecision.Pending;

        var months = plan?.PilotMonths ?? LaunchPlan.DefaultPilotMonths;
        PilotView? pilot = null;
        if (plan?.StartDate is { } start)
        {
            var end = start.AddMonths(months).AddDays(-1);
            var elapsed = (today.Year - start.Year) * 12 + today.Month - start.Month - (today.Day < start.Day ? 1 : 0);
            var review = await expectations.RunAsync(partnershipId, cancellationToken);
            var reviews = review?.PilotReviews ?? [];
            var latest = reviews.Where(r => r.To >= start).OrderByDescending(r => r.To).FirstOrDefault() ?? reviews.OrderByDescending(r => r.To).FirstOrDefault();
            pilot = new PilotView(start, end, Math.Clamp(elapsed + 1, 1, months), months, end.AddDays(1), today >= start, today > end,
                latest?.Id, reviews.Any(r => r.Complete));
        }
        return new LaunchView(plan?.StartDate, months, pilot, checklist, training, sources, measures.Count > 0 && withoutBaseline.Count == 0, withoutBaseline,
            measures.Count, goViews, decision, changedAt, CanWrite: false, CanDecide: false);
    }

    internal static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public async Task<Outcome<Guid>> ScheduleAsync(Guid partnershipId, ScheduleInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var start = check.Date("startDate", "the start date", input.StartDate, required: false);
        var months = string.IsNullOrWhiteSpace(input.PilotMonths)
            ? LaunchPlan.DefaultPilotMonths
            : (int?)check.Number("pilotMonths", "the pilot's length in months", input.PilotMonths, 1, MaxPilotMonths, decimals: 0);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var plan = await PlanAsync(partnershipId, cancellationToken);
        plan.StartDate = start;
        plan.PilotMonths = months!.Value;
        plan.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(plan.Id);
    }

    /// <summary>Adds the standard items the checklist does not have yet; answers how many were added.</summary>
    public async Task<Outcome<int>> AddStarterSetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<int>();
        }
        var have = await db.Set<ChecklistItem>().Where(i => i.PartnershipId == partnershipId && i.Code != "").Select(i => i.Code).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var standard in StandardItems.Where(s => !have.Contains(s.Code)))
        {
            db.Set<ChecklistItem>().Add(new ChecklistItem
            {
                PartnershipId = partnershipId,
                Code = standard.Code,
                Area = standard.Area,
                Title = standard.Title,
                CreatedAt = db.Now.AddTicks(added),
                UpdatedAt = db.Now,
            });
            added++;
        }
        if (added > 0)
        {
            (await PlanAsync(partnershipId, cancellationToken)).ChecklistChangedAt = db.Now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome<int>.Ok(added);
    }

    /// <summary>Adds an item (<paramref name="itemId"/> null) or changes one: its owner, due date and done date.</summary>
    public async Task<Outcome<Guid>> SaveItemAsync(Guid partnershipId, Guid? itemId, ChecklistItemInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        ChecklistItem? item = null;
        if (itemId is { } id && (item = await db.Set<ChecklistItem>().FirstOrDefaultAsync(i => i.Id == id && i.PartnershipId == partnershipId, cancellationToken)) is null)
        {
            return Outcome<Guid>.NotFound("No such checklist item.");
        }
        var check = new Validation();
        // A standard item keeps its title and area unless new ones are given.
        var title = item is not null && string.IsNullOrWhiteSpace(input.Title) ? item.Title : check.Text("title", "what needs to be ready", input.Title, ChecklistItem.TitleMax);
        var area = item is not null && string.IsNullOrWhiteSpace(input.Area) ? item.Area : check.Choice<ChecklistArea>("area", "the area", input.Area) ?? default;
        var owner = await OwnerAsync(check, "owner", partnershipId, input.Owner, cancellationToken);
        var due = check.Date("dueOn", "the due date", input.DueOn, required: false);
        var done = check.DoneDate("doneOn", "the date it was done", input.DoneOn, db.Now);
        if (item is null && await db.Set<ChecklistItem>().CountAsync(i => i.PartnershipId == partnershipId, cancellationToken) >= MaxRows)
        {
            check.Add("title", $"A checklist holds at most {MaxRows} items.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (item is null)
        {
            item = new ChecklistItem { PartnershipId = partnershipId, Title = title, CreatedAt = db.Now };
            db.Set<ChecklistItem>().Add(item);
        }
        item.Title = title;
        item.Area = area;
        item.OwnerUserId = owner;
        item.DueOn = due;
        item.DoneOn = done;
        item.UpdatedAt = db.Now;
        await ChangedAsync(partnershipId, cancellationToken);
        return Outcome<Guid>.Ok(item.Id);
    }

    public async Task<Outcome<Guid>> SaveTrainingAsync(Guid partnershipId, Guid? trainingId, TrainingInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        TrainingRecord? record = null;
        if (trainingId is { } id && (record = await db.Set<TrainingRecord>().FirstOrDefaultAsync(t => t.Id == id && t.PartnershipId == partnershipId, cancellationToken)) is null)
        {
            return Outcome<Guid>.NotFound("No such training record.");
        }
        var check = new Validation();
        var keepPerson = record is not null && string.IsNullOrWhiteSpace(input.Member) && string.IsNullOrWhiteSpace(input.StaffName);
        var member = keepPerson ? record!.MemberUserId : await OwnerAsync(check, "member", partnershipId, input.Member, cancellationToken);
        var staff = keepPerson ? record!.StaffName : check.Text("staffName", "the staff member's name", input.StaffName, TrainingRecord.NameMax, required: false);
        if (!keepPerson && string.IsNullOrWhiteSpace(input.Member) && staff.Length == 0)
        {
            check.Add("member", "Choose a member, or name a staff member who does not use Joinery.");
        }
        if (!string.IsNullOrWhiteSpace(input.Member) && staff.Length > 0)
        {
            check.Add("staffName", "Choose a member or name a staff member, not both.");
        }
        var course = record is not null && string.IsNullOrWhiteSpace(input.Course) ? record.Course : check.Text("course", "the course", input.Course, TrainingRecord.NameMax);
        var due = check.Date("dueOn", "the due date", input.DueOn, required: false);
        var completed = check.DoneDate("completedOn", "the completion date", input.CompletedOn, db.Now);
        if (record is null && await db.Set<TrainingRecord>().CountAsync(t => t.PartnershipId == partnershipId, cancellationToken) >= MaxRows)
        {
            check.Add("course", $"The roster holds at most {MaxRows} courses.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (record is null)
        {
            record = new TrainingRecord { PartnershipId = partnershipId, Course = course, CreatedAt = db.Now };
            db.Set<TrainingRecord>().Add(record);
        }
        record.MemberUserId = member;
        record.StaffName = member is null ? staff : "";
        record.Course = course;
        record.DueOn = due;
        record.CompletedOn = completed;
        record.UpdatedAt = db.Now;
        await ChangedAsync(partnershipId, cancellationToken);
        return Outcome<Guid>.Ok(record.Id);
    }

    public async Task<Outcome<Guid>> SaveSourceAsync(Guid partnershipId, Guid? sourceId, ReferralSourceInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        ReferralSource? source = null;
        if (sourceId is { } id && (source = await db.Set<ReferralSource>().FirstOrDefaultAsync(s => s.Id == id && s.PartnershipId == partnershipId, cancellationToken)) is null)
        {
            return Outcome<Guid>.NotFound("No such referral source.");
        }
        var check = new Validation();
        var name = source is not null && string.IsNullOrWhiteSpace(input.Name) ? source.Name : check.Text("name", "the referral source's name", input.Name, ReferralSource.NameMax);
        var kind = source is not null && string.IsNullOrWhiteSpace(input.Kind) ? source.Kind : check.Choice<SourceKind>("kind", "internal or external", input.Kind) ?? default;
        var channel = source is not null && string.IsNullOrWhiteSpace(input.Channel) ? source.Channel
            : check.Choice<ReferralChannel>("channel", "how they are told", input.Channel) ?? default;
        var told = check.DoneDate("toldOn", "the date they were told", input.ToldOn, db.Now);
        if (source is null && await db.Set<ReferralSource>().CountAsync(s => s.PartnershipId == partnershipId, cancellationToken) >= MaxRows)
        {
            check.Add("name", $"The list holds at most {MaxRows} referral sources.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (source is null)
        {
            source = new ReferralSource { PartnershipId = partnershipId, Name = name, CreatedAt = db.Now };
            db.Set<ReferralSource>().Add(source);
        }
        source.Name = name;
        source.Kind = kind;
        source.Channel = channel;
        source.ToldOn = told;
        source.UpdatedAt = db.Now;
        await ChangedAsync(partnershipId, cancellationToken);
        return Outcome<Guid>.Ok(source.Id);
    }

    /// <summary>An executive of a partner records go or no-go for their organization, with a note (required for a no-go).</summary>
    public async Task<Outcome<bool>> DecideAsync(Guid partnershipId, GoInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<bool>();
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me?.Level != MemberLevel.Executive || db.Tenancy.OrganizationId is not { } organizationId)
        {
            return Outcome<bool>.Forbidden("An executive of each partner decides go or no-go.");
        }
        if (!await db.PartnerOrganizations.AnyAsync(p => p.PartnershipId == partnershipId && p.OrganizationId == organizationId, cancellationToken))
        {
            return Outcome<bool>.Forbidden("Your organization is not a partner in this partnership.");
        }
        var check = new Validation();
        var go = (input.Decision ?? "").Trim().ToLowerInvariant() switch
        {
            "go" => true,
            "no-go" or "nogo" => (bool?)false,
            _ => null,
        };
        if (go is null)
        {
            check.Add("decision", "Choose go or no-go.");
        }
        var note = check.Prose("note", "the note", input.Note, GoDecision.NoteMax, required: go == false);
        if (!check.IsValid)
        {
            return Outcome<bool>.Invalid(check.Errors);
        }
        db.Set<GoDecision>().Add(new GoDecision { PartnershipId = partnershipId, OrganizationId = organizationId, UserId = me.UserId, Go = go!.Value, Note = note, DecidedAt = db.Now });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(go.Value);
    }

    public Task<Outcome<Guid>> RemoveItemAsync(Guid partnershipId, Guid itemId, CancellationToken cancellationToken = default) =>
        RemoveAsync<ChecklistItem>(partnershipId, itemId, "No such checklist item.", cancellationToken);

    public Task<Outcome<Guid>> RemoveTrainingAsync(Guid partnershipId, Guid trainingId, CancellationToken cancellationToken = default) =>
        RemoveAsync<TrainingRecord>(partnershipId, trainingId, "No such training record.", cancellationToken);

    public Task<Outcome<Guid>> RemoveSourceAsync(Guid partnershipId, Guid sourceId, CancellationToken cancellationToken = default) =>
        RemoveAsync<ReferralSource>(partnershipId, sourceId, "No such referral source.", cancellationToken);

    /// <summary>Removes a checklist item, course or referral source; a removal changes the checklist like any other change.</summary>
    private async Task<Outcome<Guid>> RemoveAsync<T>(Guid partnershipId, Guid id, string missing, CancellationToken cancellationToken)
        where T : class, IPartnershipOwned
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var record = await db.Set<T>().FirstOrDefaultAsync(r => EF.Property<Guid>(r, "Id") == id && r.PartnershipId == partnershipId, cancellationToken);
        if (record is null)
        {
            return Outcome<Guid>.NotFound(missing);
        }
        db.Set<T>().Remove(record);
        await ChangedAsync(partnershipId, cancellationToken);
        return Outcome<Guid>.Ok(id);
    }

    private async Task<Guid?> OwnerAsync(Validation check, string field, Guid partnershipId, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var id = await db.MemberIdAsync(partnershipId, text, cancellationToken);
        if (id is null)
        {
            check.Add(field, "Choose a member of this partnership.");
        }
        return id;
    }

    private async Task<LaunchPlan> PlanAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var plan = await db.Set<LaunchPlan>().FirstOrDefaultAsync(l => l.PartnershipId == partnershipId, cancellationToken);
        if (plan is null)
        {
            plan = new LaunchPlan { PartnershipId = partnershipId, UpdatedAt = db.Now };
            db.Set<LaunchPlan>().Add(plan);
        }
        return plan;
    }

    private async Task ChangedAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        (await PlanAsync(partnershipId, cancellationToken)).ChecklistChangedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
