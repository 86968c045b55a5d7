using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Formalize;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Close;

/// <summary>
/// A service's transition plan. <see cref="ContinuedBy"/> is a partner's organization id; leave it
/// empty and name <see cref="ContinuingProvider"/> when another provider takes the people on.
/// </summary>
public sealed record TransitionInput(string? ContinuedBy, string? ContinuingProvider, string? HowTold, string? RecordsKeptBy, string? Records,
    string? PeopleServed = null, string? Owner = null, string? DueOn = null,
    string? CareHandedOverOn = null, string? PeopleToldOn = null, string? RecordsSettledOn = null);

public sealed record ArchiveInput(bool Confirm);

public enum TransitionProgress { NotPlanned, Planned, Complete }

/// <summary>
/// One service of the catalog and how it ends; the plan fields are empty while <see cref="Progress"/>
/// is NotPlanned. A plan saved before the latest decision to close (the partners closed, carried on,
/// and are closing again) is <see cref="FromEarlierClose"/>: shown, but not complete until saved again.
/// </summary>
public sealed record TransitionView(Guid ServiceId, string Service, string DeliveredBy, bool InvolvesPart2, TransitionProgress Progress,
    Guid? ContinuingOrganizationId, string ContinuedBy, string ContinuingProvider, string HowTold,
    Guid? RecordsKeptById, string RecordsKeptBy, string Records, int? PeopleServed, Guid? OwnerUserId, string? Owner, DateOnly? DueOn,
    DateOnly? CareHandedOverOn, DateOnly? PeopleToldOn, DateOnly? RecordsSettledOn, bool Overdue, bool FromEarlierClose = false);

/// <summary>An agreement as the close sees it: ended once terminated or expired.</summary>
public sealed record WindDownView(Guid AgreementId, AgreementType Type, string Title, AgreementStatus Status)
{
    public bool Ended => Status is AgreementStatus.Terminated or AgreementStatus.Expired;
}

/// <summary>
/// The close: why and since when the partners are ending the partnership, each service's transition,
/// the agreements to wind down, the criteria for archiving, and, once archived, when and by whom.
/// </summary>
public sealed record CloseView(bool Closing, DateTimeOffset? ClosingSince, string Reason, Phase? ClosedFrom,
    IReadOnlyList<TransitionView> Transitions, IReadOnlyList<WindDownView> Agreements, IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<PartnerName> Partners, DateTimeOffset? ArchivedAt, string? ArchivedBy, bool CanWrite, bool CanArchive)
{
    public bool Archived => ArchivedAt is not null;

    /// <summary>Everything the archive needs is done (whether the current person may archive is <see cref="CanArchive"/>).</summary>
    public bool ReadyToArchive => Closing && !Archived && Criteria.All(c => c.Status == CriterionStatus.Met);
}

/// <summary>
/// Close (product.md phase 7): when the partners decide to end the partnership, a transition plan
/// per service (who continues care, how the people served are told, who keeps which records) is
/// carried out and each step dated; the agreements are wound down; then a steward archives the
/// partnership. Archived, it stays readable and auditable but nothing in it can change
/// (<see cref="PartnershipArchivedException"/>); nothing is deleted.
/// </summary>
public sealed class CloseWork(JoineryDb db, ServicesWork catalog, AgreementList register)
{
    private const string ViewerMessage = "Viewers read the transition plans; members keep them.";

    public async Task<CloseView?> GetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken)
            || await db.SharedViewAsync(partnershipId, nameof(CloseView), () => LoadAsync(partnershipId, cancellationToken)) is not { } shared)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var open = shared.Closing && !shared.Archived;
        var canWrite = open && (db.Tenancy.Unrestricted || (me is not null && me.Role != MemberRole.Viewer));
        var canSteward = open && (db.Tenancy.Unrestricted || me?.Role == MemberRole.Steward);
        return shared with { CanWrite = canWrite, CanArchive = canSteward };
    }

    private async Task<CloseView?> LoadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var closing = partnership.Phase == Phase.Close;
        var change = closing
            ? await db.PhaseChanges.AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.To == Phase.Close)
                .OrderByDescending(c => c.ChangedAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var partnerNames = partners.ToDictionary(p => p.OrganizationId, p => p.Name);
        var names = await db.Memberships.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);
        var services = await catalog.ServicesAsync(partnershipId, cancellationToken);
        var plans = await db.Set<ServiceTransition>().AsNoTracking().Where(t => t.PartnershipId == partnershipId)
            .ToDictionaryAsync(t => t.ServiceId, cancellationToken);
        string Partner(Guid id) => partnerNames.GetValueOrDefault(id) ?? "A former partner";

        bool Earlier(ServiceTransition t) => change is not null && t.UpdatedAt < change.ChangedAt;
        var transitions = services.Select(s => plans.TryGetValue(s.Id, out var t)
            ? new TransitionView(s.Id, s.Name, s.DeliveredBy, s.InvolvesPart2, t.Complete && !Earlier(t) ? TransitionProgress.Complete : TransitionProgress.Planned,
                t.ContinuingOrganizationId, t.ContinuingOrganizationId is { } c ? Partner(c) : t.ContinuingProvider, t.ContinuingProvider, t.HowTold,
                t.RecordsKeptByOrganizationId, Partner(t.RecordsKeptByOrganizationId), t.Records, t.PeopleServed,
                t.OwnerUserId, t.OwnerUserId is { } o ? names.GetValueOrDefault(o, "A former member") : null, t.DueOn,
                t.CareHandedOverOn, t.PeopleToldOn, t.RecordsSettledOn, !t.Complete && t.DueOn < today, Earlier(t))
            : new TransitionView(s.Id, s.Name, s.DeliveredBy, s.InvolvesPart2, TransitionProgress.NotPlanned,
                null, "", "", "", null, "", "", null, null, null, null, null, null, null, false)).ToList();
        var agreements = (await register.ReadAsync(partnershipId, cancellationToken))
            .Select(a => new WindDownView(a.Id, a.Type, a.Title, a.Status)).ToList();
        string? archivedBy = partnership.ArchivedByUserId is { } by
            ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "A former member"
            : null;
        return new CloseView(closing, change?.ChangedAt, change?.OverrideReason ?? "", change?.From, transitions, agreements,
            Criteria(transitions, agreements), partners, partnership.ArchivedAt, archivedBy, CanWrite: false, CanArchive: false);
    }

    /// <summary>The Close gate: what must be true before the partnership is archived.</summary>
    public static IReadOnlyList<Criterion> Criteria(IReadOnlyList<TransitionView> transitions, IReadOnlyList<WindDownView> agreements)
    {
        const string PlanCode = "transitions-complete", PlanText = "Every service's transition carried out: care continued, people told, records settled";
        const string AgreementsCode = "agreements-ended", AgreementsText = "Every agreement terminated or expired";
        Criterion plans;
        if (transitions.Count == 0)
        {
            plans = new(PlanCode, PlanText, CriterionStatus.Met, "No services are in the catalog, so nobody's care depends on a transition.");
        }
        else if (transitions.All(t => t.Progress == TransitionProgress.NotPlanned))
        {
            plans = new(PlanCode, PlanText, CriterionStatus.NotStarted, $"No transition plan yet for any of the {Counting.Of(transitions.Count, "service")}.");
        }
        else
        {
            var unplanned = transitions.Where(t => t.Progress == TransitionProgress.NotPlanned).Select(t => t.Service).ToList();
            var open = transitions.Where(t => t.Progress == TransitionProgress.Planned).Select(t => t.Service).ToList();
            var missing = new List<string>();
            if (unplanned.Count > 0) { missing.Add($"no plan yet for {string.Join(", ", unplanned)}"); }
            if (open.Count > 0) { missing.Add($"not carried out yet for {string.Join(", ", open)}"); }
            plans = missing.Count == 0
                ? new(PlanCode, PlanText, CriterionStatus.Met, $"All {Counting.Of(transitions.Count, "service transition")} complete.")
                : new(PlanCode, PlanText, CriterionStatus.NotMet, char.ToUpperInvariant(missing[0][0]) + string.Join("; ", missing)[1..] + ".");
        }
        var running = agreements.Where(a => !a.Ended).ToList();
        var ended = running.Count == 0
            ? new Criterion(AgreementsCode, AgreementsText, CriterionStatus.Met,
                agreements.Count == 0 ? "No agreements are in the register." : $"All {Counting.Of(agreements.Count, "agreement")} ended.")
            : new Criterion(AgreementsCode, AgreementsText, CriterionStatus.NotMet,
                $"Still running: {string.Join(", ", running.Select(a => $"{a.Title} ({a.Status.LowerWords()})"))}.");
        return [plans, ended];
    }

    /// <summary>The Close gate for the roadmap.</summary>
    public async Task<IReadOnlyList<Criterion>> GateAsync(Guid partnershipId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(partnershipId, cancellationToken))?.Criteria ?? [];

    /// <summary>Records or changes the transition plan of a service, and the dates its three parts were done.</summary>
    public async Task<Outcome<Guid>> SaveTransitionAsync(Guid partnershipId, Guid serviceId, TransitionInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var service = await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.PartnershipId == partnershipId, cancellationToken);
        if (service is null)
        {
            return Outcome<Guid>.NotFound("No such service.");
        }
        if (await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.Phase).FirstAsync(cancellationToken) != Phase.Close)
        {
            return Outcome<Guid>.Conflict("", "Transition plans are kept once the partners have decided to end the partnership: a steward moves it to Close first.");
        }
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var check = new Validation();
        var continuedBy = string.IsNullOrWhiteSpace(input.ContinuedBy)
            ? null
            : ServicesWork.Partner(check, partners, "continuedBy", "Choose the partner that continues care among the partners.", input.ContinuedBy);
        var provider = check.Text("continuingProvider", "the provider that continues care", input.ContinuingProvider, ServiceTransition.ProviderMax, required: false);
        if (continuedBy is null && provider.Length == 0 && !check.Errors.ContainsKey("continuedBy"))
        {
            check.Add("continuedBy", "Say who continues the care: one of the partners, or name another provider.");
        }
        if (continuedBy is not null && provider.Length > 0)
        {
            check.Add("continuingProvider", "Choose a partner or name another provider, not both.");
        }
        var howTold = check.Prose("howTold", "how the people served are told", input.HowTold, ServiceTransition.TextMax, required: true);
        var keptBy = ServicesWork.Partner(check, partners, "recordsKeptBy", "Choose the partner that keeps the records.", input.RecordsKeptBy);
        var records = check.Prose("records", "which records are kept, and for how long", input.Records, ServiceTransition.TextMax, required: true);
        var people = string.IsNullOrWhiteSpace(input.PeopleServed)
            ? null
            : (int?)check.Number("peopleServed", "the number of people served", input.PeopleServed, 0, ServiceTransition.MaxPeople, decimals: 0);
        var owner = string.IsNullOrWhiteSpace(input.Owner) ? null : await db.MemberIdAsync(partnershipId, input.Owner, cancellationToken);
        if (!string.IsNullOrWhiteSpace(input.Owner) && owner is null)
        {
            check.Add("owner", "Choose a member of this partnership.");
        }
        var due = check.Date("dueOn", "the date it should be done by", input.DueOn, required: false);
        var handedOver = check.DoneDate("careHandedOverOn", "the date care was handed over", input.CareHandedOverOn, db.Now);
        var told = check.DoneDate("peopleToldOn", "the date the people served were told", input.PeopleToldOn, db.Now);
        var settled = check.DoneDate("recordsSettledOn", "the date the records were settled", input.RecordsSettledOn, db.Now);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var transition = await db.Set<ServiceTransition>().FirstOrDefaultAsync(t => t.ServiceId == serviceId && t.PartnershipId == partnershipId, cancellationToken);
        if (transition is null)
        {
            transition = new ServiceTransition
            {
                PartnershipId = partnershipId,
                ServiceId = serviceId,
                HowTold = howTold,
                RecordsKeptByOrganizationId = keptBy!.Value,
                Records = records,
                CreatedAt = db.Now,
            };
            db.Set<ServiceTransition>().Add(transition);
        }
        transition.ContinuingOrganizationId = continuedBy;
        transition.ContinuingProvider = provider;
        transition.HowTold = howTold;
        transition.RecordsKeptByOrganizationId = keptBy!.Value;
        transition.Records = records;
        transition.PeopleServed = (int?)people;
        transition.OwnerUserId = owner;
        transition.DueOn = due;
        transition.CareHandedOverOn = handedOver;
        transition.PeopleToldOn = told;
        transition.RecordsSettledOn = settled;
        transition.UpdatedAt = db.Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(transition).State == EntityState.Added)
        {
            // Two first saves of the same plan at once: the unique service index keeps one.
            return Outcome<Guid>.Conflict("", "Someone saved a plan for this service at the same moment. Reload the page and check it.");
        }
        return Outcome<Guid>.Ok(transition.Id);
    }

    /// <summary>
    /// A steward archives the partnership once it is in Close and every criterion is met. Open
    /// invitations are withdrawn with it. From then on the partnership is read-only.
    /// </summary>
    public async Task<Outcome<Guid>> ArchiveAsync(Guid partnershipId, ArchiveInput input, CancellationToken cancellationToken = default)
    {
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null)
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        if (partnership.ArchivedAt is not null)
        {
            return Outcome<Guid>.Conflict("", PartnershipArchivedException.Text);
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden("Only the partnership's stewards archive it.");
        }
        if (partnership.Phase != Phase.Close)
        {
            return Outcome<Guid>.Conflict("", "Only a partnership in the Close phase can be archived: a steward moves it to Close first, and records why.");
        }
        var unmet = (await GateAsync(partnershipId, cancellationToken)).Where(c => c.Status != CriterionStatus.Met).ToList();
        if (unmet.Count > 0)
        {
            return Outcome<Guid>.Invalid("", "The partnership cannot be archived yet. " + string.Join(" ", unmet.Select(c => $"{c.Text}: {c.Evidence}")));
        }
        if (!input.Confirm)
        {
            return Outcome<Guid>.Invalid("confirm", "Confirm that the partnership becomes read-only for good.");
        }
        var now = db.Now;
        partnership.ArchivedAt = now;
        partnership.ArchivedByUserId = db.Tenancy.UserId;
        foreach (var invitation in await db.Invitations
                     .Where(i => i.PartnershipId == partnershipId && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            invitation.RevokedAt = now;
        }
        db.Audit("partnership.archived", nameof(Partnership), partnershipId.ToString(), partnershipId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(partnershipId);
    }
}
