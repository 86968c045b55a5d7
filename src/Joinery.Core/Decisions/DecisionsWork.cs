using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Decisions;

public sealed record DecisionInput(string? Title, string? Problem, string? Options, string? Negotiability, string? Citation, string? Compromise, string? Status, string? MeetingId = null);

public sealed record ContributionInput(string? Organization, string? Kind, string? Description, string? Value, string? Fte, string? PeriodStart, string? PeriodEnd);

public sealed record PositionView(Guid OrganizationId, string OrganizationName, string? Position, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record SignOffView(Guid OrganizationId, string OrganizationName, string? SignedBy, DateTimeOffset? SignedAt);

public sealed record DecisionSummary(Guid Id, string Title, DecisionStatus Status, Negotiability Negotiability, int Version, int SignedBy, int Partners, DateTimeOffset UpdatedAt, Guid? MeetingId);

public sealed record DecisionDetails(Guid Id, string Title, string Problem, string Options, Negotiability Negotiability, string Citation, string Compromise,
    DecisionStatus Status, Guid? MeetingId, int Version, DateTimeOffset UpdatedAt, IReadOnlyList<PositionView> Positions, IReadOnlyList<SignOffView> SignOffs,
    int VoidedSignOffs, bool CanEdit, bool CanSignOff);

public sealed record ContributionView(Guid Id, Guid OrganizationId, string OrganizationName, ContributionKind Kind, string Description, decimal Value, decimal? Fte,
    DateOnly? PeriodStart, DateOnly? PeriodEnd, string RecordedBy);

public sealed record PartnerStake(Guid OrganizationId, string OrganizationName, decimal Value, decimal Fte, int Items, double Share);

public sealed record ContributionsView(IReadOnlyList<ContributionView> Items, IReadOnlyList<PartnerStake> Totals, bool CanRecord);

/// <summary>
/// Step 4, shared solutions: a decision log where each partner states its position, the matter is
/// marked negotiable or fixed (with the rule or contract that fixes it), and an executive of each
/// partner signs the compromise off; plus the ledger of what each partner contributes.
/// </summary>
public sealed class DecisionsWork(JoineryDb db)
{
    public async Task<List<DecisionSummary>?> ListAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var partners = await db.PartnerOrganizations.CountAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var signOffs = await db.Set<DecisionSignOff>().AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.VoidedAt == null)
            .Select(s => new { s.DecisionId, s.OrganizationId, s.Version }).ToListAsync(cancellationToken);
        return decisions.OrderBy(d => d.Status is DecisionStatus.Agreed or DecisionStatus.Rejected).ThenByDescending(d => d.UpdatedAt)
            .Select(d => new DecisionSummary(d.Id, d.Title, d.Status, d.Negotiability, d.Version,
                signOffs.Where(s => s.DecisionId == d.Id && s.Version == d.Version).Select(s => s.OrganizationId).Distinct().Count(), partners, d.UpdatedAt, d.MeetingId))
            .ToList();
    }

    public async Task<DecisionDetails?> GetAsync(Guid partnershipId, Guid decisionId, CancellationToken cancellationToken = default)
    {
        var decision = await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId && d.PartnershipId == partnershipId, cancellationToken);
        if (decision is null)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var positions = await (from p in db.Set<DecisionPosition>().AsNoTracking()
                               join u in db.Users on p.UpdatedByUserId equals u.Id
                               where p.DecisionId == decisionId && p.PartnershipId == partnershipId
                               select new { p.OrganizationId, p.Position, u.DisplayName, p.UpdatedAt }).ToListAsync(cancellationToken);
        var signOffs = await (from s in db.Set<DecisionSignOff>().AsNoTracking()
                              join u in db.Users on s.UserId equals u.Id
                              where s.DecisionId == decisionId && s.PartnershipId == partnershipId
                              select new { s.OrganizationId, s.Version, s.VoidedAt, u.DisplayName, s.SignedAt }).ToListAsync(cancellationToken);
        var current = signOffs.Where(s => s.VoidedAt == null && s.Version == decision.Version).ToList();
        var voided = signOffs.Count(s => s.Version == decision.Version - 1 && s.VoidedAt != null);
        var myOrg = db.Tenancy.OrganizationId;
        return new DecisionDetails(decision.Id, decision.Title, decision.Problem, decision.Options, decision.Negotiability, decision.Citation, decision.Compromise,
            decision.Status, decision.MeetingId, decision.Version, decision.UpdatedAt,
            partners.Select(p =>
            {
                var position = positions.FirstOrDefault(x => x.OrganizationId == p.OrganizationId);
                return new PositionView(p.OrganizationId, p.Name, position?.Position, position?.DisplayName, position?.UpdatedAt);
            }).ToList(),
            partners.Select(p =>
            {
                var signed = current.Where(x => x.OrganizationId == p.OrganizationId).MinBy(x => x.SignedAt);
                return new SignOffView(p.OrganizationId, p.Name, signed?.DisplayName, signed?.SignedAt);
            }).ToList(),
            current.Count == 0 ? voided : 0,
            me is not null && me.Role != MemberRole.Viewer,
            me?.Level == MemberLevel.Executive && decision.Status is DecisionStatus.Proposed or DecisionStatus.Open
                && myOrg is { } org && partners.Any(p => p.OrganizationId == org) && current.All(s => s.OrganizationId != org));
    }

    public async Task<Outcome<Guid>> CreateAsync(Guid partnershipId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read decisions; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var f = Validate(check, input);
        var meetingId = await MeetingAsync(check, partnershipId, input.MeetingId, cancellationToken);
        if (f.Status == DecisionStatus.Agreed)
        {
            check.Add("status", "A decision is agreed when an executive of each partner signs it off.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var decision = new Decision
        {
            PartnershipId = partnershipId,
            Title = f.Title,
            Problem = f.Problem,
            Options = f.Options,
            Negotiability = f.Negotiability,
            Citation = f.Citation,
            Compromise = f.Compromise,
            Status = f.Status,
            MeetingId = meetingId,
            CreatedAt = db.Now,
            UpdatedAt = db.Now,
        };
        db.Set<Decision>().Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(decision.Id);
    }

    /// <summary>Saves changes. Changing the substance of an agreed or signed decision reopens it: sign-offs are voided and it needs signing again.</summary>
    public async Task<Outcome<int>> UpdateAsync(Guid partnershipId, Guid decisionId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read decisions; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<int>();
        }
        var decision = await db.Set<Decision>().FirstOrDefaultAsync(d => d.Id == decisionId && d.PartnershipId == partnershipId, cancellationToken);
        if (decision is null)
        {
            return Outcome<int>.NotFound("No such decision.");
        }
        var check = new Validation();
        var f = Validate(check, input);
        var meetingId = await MeetingAsync(check, partnershipId, input.MeetingId, cancellationToken);
        if (f.Status == DecisionStatus.Agreed && decision.Status != DecisionStatus.Agreed)
        {
            check.Add("status", "A decision is agreed when an executive of each partner signs it off.");
        }
        if (!check.IsValid)
        {
            return Outcome<int>.Invalid(check.Errors);
        }
        var substance = decision.Title != f.Title || decision.Problem != f.Problem || decision.Options != f.Options || decision.Negotiability != f.Negotiability
            || decision.Citation != f.Citation || decision.Compromise != f.Compromise;
        var voided = 0;
        if (substance)
        {
            foreach (var signOff in await db.Set<DecisionSignOff>().Where(s => s.DecisionId == decisionId && s.VoidedAt == null).ToListAsync(cancellationToken))
            {
                signOff.VoidedAt = db.Now;
                voided++;
            }
            if (voided > 0 || decision.Status == DecisionStatus.Agreed)
            {
                decision.Version++;
                f = f with { Status = DecisionStatus.Proposed };
            }
        }
        decision.Title = f.Title;
        decision.Problem = f.Problem;
        decision.Options = f.Options;
        decision.Negotiability = f.Negotiability;
        decision.Citation = f.Citation;
        decision.Compromise = f.Compromise;
        decision.Status = f.Status;
        decision.MeetingId = meetingId;
        decision.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Ok(voided);
    }

    public async Task<Outcome<Guid>> SetPositionAsync(Guid partnershipId, Guid decisionId, string? position, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read decisions; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!await db.Set<Decision>().AnyAsync(d => d.Id == decisionId && d.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such decision.");
        }
        var check = new Validation();
        var text = check.Prose("position", "your organization's position", position, Decision.TextMax, required: true);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var organizationId = db.Tenancy.OrganizationId!.Value;
        var entity = await db.Set<DecisionPosition>().FirstOrDefaultAsync(p => p.DecisionId == decisionId && p.OrganizationId == organizationId, cancellationToken);
        if (entity is null)
        {
            entity = new DecisionPosition { PartnershipId = partnershipId, DecisionId = decisionId, OrganizationId = organizationId, Position = text, UpdatedByUserId = db.Tenancy.UserId!.Value };
            db.Set<DecisionPosition>().Add(entity);
        }
        entity.Position = text;
        entity.UpdatedByUserId = db.Tenancy.UserId!.Value;
        entity.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(entity.Id);
    }

    /// <summary>An executive signs off the current version for their organization; when every partner has, the decision is agreed.</summary>
    public async Task<Outcome<bool>> SignOffAsync(Guid partnershipId, Guid decisionId, CancellationToken cancellationToken = default)
    {
        if (await db.RefuseUnseenAsync(partnershipId, cancellationToken) is { } unseen)
        {
            return unseen.As<bool>();
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me?.Level != MemberLevel.Executive || db.Tenancy.OrganizationId is not { } organizationId)
        {
            return Outcome<bool>.Forbidden("An executive of each partner signs decisions off.");
        }
        var decision = await db.Set<Decision>().FirstOrDefaultAsync(d => d.Id == decisionId && d.PartnershipId == partnershipId, cancellationToken);
        if (decision is null)
        {
            return Outcome<bool>.NotFound("No such decision.");
        }
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        if (!partners.Contains(organizationId))
        {
            return Outcome<bool>.Forbidden("Your organization is not a partner in this partnership.");
        }
        if (decision.Status is DecisionStatus.Agreed or DecisionStatus.Rejected)
        {
            return Outcome<bool>.Conflict("status", $"The decision is {decision.Status.ToText()}; change it to reopen it first.");
        }
        if (decision.Compromise.Length == 0)
        {
            return Outcome<bool>.Invalid("compromise", "Record the compromise reached before signing it off.");
        }
        var signed = await db.Set<DecisionSignOff>().Where(s => s.DecisionId == decisionId && s.VoidedAt == null && s.Version == decision.Version)
            .Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        if (signed.Contains(organizationId))
        {
            return Outcome<bool>.Conflict("signOff", "Your organization has already signed this version off.");
        }
        db.Set<DecisionSignOff>().Add(new DecisionSignOff
        {
            PartnershipId = partnershipId,
            DecisionId = decisionId,
            OrganizationId = organizationId,
            UserId = me.UserId,
            Version = decision.Version,
            SignedAt = db.Now,
        });
        var agreed = partners.All(p => p == organizationId || signed.Contains(p));
        decision.Status = agreed ? DecisionStatus.Agreed : DecisionStatus.Proposed;
        decision.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(agreed);
    }

    public async Task<ContributionsView?> ContributionsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var items = await (from c in db.Set<Contribution>().AsNoTracking()
                           join o in db.Organizations on c.OrganizationId equals o.Id
                           join u in db.Users on c.RecordedByUserId equals u.Id
                           where c.PartnershipId == partnershipId
                           select new ContributionView(c.Id, c.OrganizationId, o.Name, c.Kind, c.Description, c.Value, c.Fte, c.PeriodStart, c.PeriodEnd, u.DisplayName))
            .ToListAsync(cancellationToken);
        var total = items.Sum(i => i.Value);
        var totals = partners.Select(p =>
        {
            var own = items.Where(i => i.OrganizationId == p.OrganizationId).ToList();
            var value = own.Sum(i => i.Value);
            return new PartnerStake(p.OrganizationId, p.Name, value, own.Sum(i => i.Fte ?? 0), own.Count, total == 0 ? 0 : (double)(value / total));
        }).ToList();
        return new ContributionsView(items.OrderBy(i => i.OrganizationName, StringComparer.Ordinal).ThenBy(i => i.Kind).ToList(), totals,
            me is not null && me.Role != MemberRole.Viewer);
    }

    public async Task<Outcome<Guid>> AddContributionAsync(Guid partnershipId, ContributionInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, "Viewers read decisions; members record them.", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        Guid organizationId = default;
        if (!Guid.TryParse(input.Organization, out organizationId) || !partners.Contains(organizationId))
        {
            check.Add("organization", "Choose the partner that contributes.");
        }
        var kind = check.Choice<ContributionKind>("kind", "what kind of contribution", input.Kind);
        var description = check.Text("description", "a description", input.Description, Contribution.DescriptionMax);
        var value = check.Number("value", "the value in dollars", input.Value, 0, 100_000_000m) ?? 0;
        var fte = check.Number("fte", "the full-time equivalents", input.Fte, 0, 1000m, required: false);
        var start = check.Date("periodStart", "the start of the period", input.PeriodStart, required: false);
        var end = check.Date("periodEnd", "the end of the period", input.PeriodEnd, required: false);
        if (start is { } s && end is { } e && e < s)
        {
            check.Add("periodEnd", "The period must end on or after its start.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var contribution = new Contribution
        {
            PartnershipId = partnershipId,
            OrganizationId = organizationId,
            Kind = kind!.Value,
            Description = description,
            Value = value,
            Fte = fte,
            PeriodStart = start,
            PeriodEnd = end,
            RecordedByUserId = db.Tenancy.UserId!.Value,
            RecordedAt = db.Now,
        };
        db.Set<Contribution>().Add(contribution);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(contribution.Id);
    }

    private sealed record Fields(string Title, string Problem, string Options, Negotiability Negotiability, string Citation, string Compromise, DecisionStatus Status);

    private static Fields Validate(Validation check, DecisionInput input)
    {
        var title = check.Text("title", "a title", input.Title, Decision.TitleMax);
        var problem = check.Prose("problem", "the problem", input.Problem, Decision.TextMax, required: true);
        var options = check.Prose("options", "the options considered", input.Options, Decision.TextMax);
        var negotiability = check.Choice<Negotiability>("negotiability", "whether the matter is negotiable", input.Negotiability) ?? Negotiability.Negotiable;
        var citation = check.Text("citation", "the citation", input.Citation, Decision.CitationMax, required: false);
        if (negotiability != Negotiability.Negotiable && citation.Length == 0)
        {
            check.Add("citation", "Cite the regulation or contract clause that fixes this matter.");
        }
        var compromise = check.Prose("compromise", "the compromise", input.Compromise, Decision.TextMax);
        var status = DecisionStatus.Open;
        if (!string.IsNullOrWhiteSpace(input.Status))
        {
            status = check.Choice<DecisionStatus>("status", "a status", input.Status) ?? DecisionStatus.Open;
        }
        return new Fields(title, problem, options, negotiability, citation, compromise, status);
    }

    private async Task<Guid?> MeetingAsync(Validation check, Guid partnershipId, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Guid.TryParse(text, out var id) && await db.Set<Meetings.Meeting>().AnyAsync(m => m.Id == id && m.PartnershipId == partnershipId, cancellationToken))
        {
            return id;
        }
        check.Add("meetingId", "There is no such meeting in this partnership.");
        return null;
    }
}
