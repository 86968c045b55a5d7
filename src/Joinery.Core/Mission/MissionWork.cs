using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Mission;

public sealed record PartnerStatement(Guid OrganizationId, string Name, OrganizationKind Kind, string Mission, string Vision);

public sealed record VersionView(Guid Id, int Number, string Vision, string Mission, string ChangeNote, string Author, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

public sealed record CommentView(Guid Id, int VersionNumber, string Author, string OrganizationName, MemberLevel Level, string Text, DateTimeOffset CreatedAt);

public sealed record EndorsementView(Guid OrganizationId, string OrganizationName, string? EndorsedBy, DateTimeOffset? EndorsedAt);

public sealed record AcknowledgementRate(string OrganizationName, MemberLevel Level, int Acknowledged, int Members);

public sealed record CommunicationView(Guid Id, CommunicationChannel Channel, DateOnly On, string Audience, string Note, string RecordedBy);

public sealed record ChampionView(string OrganizationName, MemberLevel Level, string Name, string ChampionFor, string ChampionDecides);

public sealed record MissionView(
    IReadOnlyList<PartnerStatement> Partners,
    VersionView? Current,
    IReadOnlyList<VersionView> Versions,
    IReadOnlyList<DiffPart> VisionDiff,
    IReadOnlyList<DiffPart> MissionDiff,
    int? DiffFrom,
    IReadOnlyList<EndorsementView> Endorsements,
    int VoidedEndorsements,
    bool Published,
    bool IAcknowledged,
    IReadOnlyList<AcknowledgementRate> Acknowledgements,
    IReadOnlyList<CommunicationView> Communications,
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<ChampionView> Champions,
    IReadOnlyList<string> PartnersWithoutFrontlineChampion,
    bool CanDraft,
    bool CanEndorse,
    bool CanComment);

public sealed record MissionDraft(string? Vision, string? Mission, string? ChangeNote);

public sealed record Communication(string? Channel, string? On, string? Audience, string? Note);

/// <summary>
/// Step 1: the partnership's own vision and mission, drafted together in versions, endorsed by an
/// executive of each partner, then published, acknowledged and communicated. Champions per
/// organization and level sit beside it.
/// </summary>
public sealed class MissionWork(JoineryDb db)
{
    public async Task<MissionView?> GetAsync(Guid partnershipId, int? diffFrom = null, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name)
            .Select(p => new PartnerStatement(p.OrganizationId, p.Organization!.Name, p.Organization.Kind, p.Organization.Mission, p.Organization.Vision))
            .ToListAsync(cancellationToken);
        var names = partners.ToDictionary(p => p.OrganizationId, p => p.Name);
        var users = await db.Memberships.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.OrganizationId, m.Level, m.IsChampion, m.ChampionFor, m.ChampionDecides })
            .ToListAsync(cancellationToken);
        var versions = await (from v in db.Set<MissionVersion>().AsNoTracking()
                              join u in db.Users on v.AuthorUserId equals u.Id
                              where v.PartnershipId == partnershipId
                              select new VersionView(v.Id, v.Number, v.Vision, v.Mission, v.ChangeNote, u.DisplayName, v.CreatedAt, v.PublishedAt))
            .ToListAsync(cancellationToken);
        versions = versions.OrderByDescending(v => v.Number).ToList();
        var current = versions.FirstOrDefault();

        var endorsements = current is null ? [] : await (from e in db.Set<MissionEndorsement>().AsNoTracking()
                                                         join u in db.Users on e.UserId equals u.Id
                                                         where e.VersionId == current.Id && e.VoidedAt == null
                                                         select new { e.OrganizationId, u.DisplayName, e.EndorsedAt }).ToListAsync(cancellationToken);
        var previous = versions.Skip(1).FirstOrDefault();
        var voided = previous is null ? 0 : await db.Set<MissionEndorsement>().CountAsync(e => e.VersionId == previous.Id && e.VoidedAt != null, cancellationToken);

        var from = diffFrom is { } n ? versions.FirstOrDefault(v => v.Number == n) : previous;
        var acknowledged = current is null ? [] : await db.Set<MissionAcknowledgement>().AsNoTracking()
            .Where(a => a.VersionId == current.Id).Select(a => a.UserId).ToListAsync(cancellationToken);
        var rates = users.GroupBy(u => (u.OrganizationId, u.Level))
            .Select(g => new AcknowledgementRate(names.GetValueOrDefault(g.Key.OrganizationId, ""), g.Key.Level, g.Count(u => acknowledged.Contains(u.UserId)), g.Count()))
            .OrderBy(r => r.OrganizationName, StringComparer.Ordinal).ThenBy(r => r.Level).ToList();

        var communications = await (from c in db.Set<MissionCommunication>().AsNoTracking()
                                    join u in db.Users on c.RecordedByUserId equals u.Id
                                    where c.PartnershipId == partnershipId
                                    select new CommunicationView(c.Id, c.Channel, c.On, c.Audience, c.Note, u.DisplayName))
            .ToListAsync(cancellationToken);
        var versionNumbers = versions.ToDictionary(v => v.Id, v => v.Number);
        var comments = await (from c in db.Set<MissionComment>().AsNoTracking()
                              join u in db.Users on c.UserId equals u.Id
                              where c.PartnershipId == partnershipId
                              select new { c.Id, c.VersionId, u.DisplayName, c.OrganizationId, c.Level, c.Text, c.CreatedAt })
            .ToListAsync(cancellationToken);

        var champions = users.Where(u => u.IsChampion)
            .Select(u => new ChampionView(names.GetValueOrDefault(u.OrganizationId, ""), u.Level, u.DisplayName, u.ChampionFor, u.ChampionDecides))
            .OrderBy(c => c.OrganizationName, StringComparer.Ordinal).ThenBy(c => c.Level).ToList();
        var noFrontline = partners.Where(p => !users.Any(u => u.IsChampion && u.Level == MemberLevel.Frontline && u.OrganizationId == p.OrganizationId))
            .Select(p => p.Name).ToList();

        var endorsedOrgs = endorsements.Select(e => e.OrganizationId).ToHashSet();
        return new MissionView(
            partners, current, versions,
            from is not null && current is not null && from.Id != current.Id ? WordDiff.Compare(from.Vision, current.Vision) : [],
            from is not null && current is not null && from.Id != current.Id ? WordDiff.Compare(from.Mission, current.Mission) : [],
            from is not null && current is not null && from.Id != current.Id ? from.Number : null,
            partners.Select(p =>
            {
                var e = endorsements.Where(x => x.OrganizationId == p.OrganizationId).MinBy(x => x.EndorsedAt);
                return new EndorsementView(p.OrganizationId, p.Name, e?.DisplayName, e?.EndorsedAt);
            }).ToList(),
            endorsements.Count == 0 ? voided : 0,
            current?.PublishedAt is not null,
            db.Tenancy.UserId is { } uid && acknowledged.Contains(uid),
            rates,
            communications.OrderByDescending(c => c.On).ToList(),
            comments.OrderByDescending(c => c.CreatedAt)
                .Select(c => new CommentView(c.Id, versionNumbers.GetValueOrDefault(c.VersionId), c.DisplayName, names.GetValueOrDefault(c.OrganizationId, ""), c.Level, c.Text, c.CreatedAt))
                .ToList(),
            champions, noFrontline,
            me?.Role is MemberRole.Steward or MemberRole.Planner,
            current is not null && me?.Level == MemberLevel.Executive && db.Tenancy.OrganizationId is { } org && names.ContainsKey(org)
                && !endorsements.Any(e => e.OrganizationId == org),
            me is not null && current is not null);
    }

    /// <summary>Planners and stewards save a new version. A change after endorsement voids the endorsements.</summary>
    public async Task<Outcome<(int Number, int Voided)>> SaveDraftAsync(Guid partnershipId, MissionDraft input, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<(int, int)>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me?.Role is not (MemberRole.Steward or MemberRole.Planner))
        {
            return Outcome<(int, int)>.Forbidden("Planners and stewards edit the draft; everyone can comment.");
        }
        var check = new Validation();
        var vision = check.Prose("vision", "the vision", input.Vision, MissionVersion.TextMax, required: true);
        var mission = check.Prose("mission", "the mission", input.Mission, MissionVersion.TextMax, required: true);
        var note = check.Text("changeNote", "the note on what changed", input.ChangeNote, MissionVersion.NoteMax, required: false);
        if (!check.IsValid)
        {
            return Outcome<(int, int)>.Invalid(check.Errors);
        }
        var current = await db.Set<MissionVersion>().Where(v => v.PartnershipId == partnershipId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (current is not null && current.Vision == vision && current.Mission == mission)
        {
            return Outcome<(int, int)>.Invalid("mission", "Nothing changed: edit the vision or the mission before saving a new version.");
        }
        var voided = 0;
        if (current is not null)
        {
            foreach (var endorsement in await db.Set<MissionEndorsement>().Where(e => e.VersionId == current.Id && e.VoidedAt == null).ToListAsync(cancellationToken))
            {
                endorsement.VoidedAt = db.Now;
                voided++;
            }
        }
        var version = new MissionVersion
        {
            PartnershipId = partnershipId,
            Number = (current?.Number ?? 0) + 1,
            Vision = vision,
            Mission = mission,
            ChangeNote = note,
            AuthorUserId = me.UserId,
            CreatedAt = db.Now,
        };
        db.Set<MissionVersion>().Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<(int, int)>.Ok((version.Number, voided));
    }

    public async Task<Outcome<Guid>> CommentAsync(Guid partnershipId, string? text, CancellationToken cancellationToken = default)
    {
        var (me, current, refusal) = await MemberAndCurrentAsync(partnershipId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var comment = check.Prose("text", "your comment", text, MissionComment.TextMax, required: true);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var entity = new MissionComment
        {
            PartnershipId = partnershipId,
            VersionId = current!.Id,
            UserId = me!.UserId,
            OrganizationId = db.Tenancy.OrganizationId!.Value,
            Level = me.Level,
            Text = comment,
            CreatedAt = db.Now,
        };
        db.Set<MissionComment>().Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(entity.Id);
    }

    /// <summary>An executive endorses the current version for their organization; once every partner has, it is published.</summary>
    public async Task<Outcome<bool>> EndorseAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var (me, current, refusal) = await MemberAndCurrentAsync(partnershipId, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<bool>();
        }
        if (me!.Level != MemberLevel.Executive)
        {
            return Outcome<bool>.Forbidden("An executive of each partner endorses the mission.");
        }
        var organizationId = db.Tenancy.OrganizationId!.Value;
        var partners = await db.PartnerOrganizations.Where(p => p.PartnershipId == partnershipId).Select(p => p.OrganizationId).ToListAsync(cancellationToken);
        if (!partners.Contains(organizationId))
        {
            return Outcome<bool>.Forbidden("Your organization is not a partner in this partnership.");
        }
        var endorsed = await db.Set<MissionEndorsement>().Where(e => e.VersionId == current!.Id && e.VoidedAt == null)
            .Select(e => new { e.OrganizationId, e.UserId }).ToListAsync(cancellationToken);
        if (endorsed.Any(e => e.OrganizationId == organizationId))
        {
            return Outcome<bool>.Conflict("endorsement", "Your organization has already endorsed this version.");
        }
        db.Set<MissionEndorsement>().Add(new MissionEndorsement
        {
            PartnershipId = partnershipId,
            VersionId = current!.Id,
            OrganizationId = organizationId,
            UserId = me.UserId,
            EndorsedAt = db.Now,
        });
        var published = partners.All(p => p == organizationId || endorsed.Any(e => e.OrganizationId == p));
        if (published)
        {
            var version = await db.Set<MissionVersion>().FirstAsync(v => v.Id == current.Id, cancellationToken);
            version.PublishedAt = db.Now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(published);
    }

    public async Task<Outcome<Guid>> AcknowledgeAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var (me, current, refusal) = await MemberAndCurrentAsync(partnershipId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (current!.PublishedAt is null)
        {
            return Outcome<Guid>.Conflict("acknowledgement", "The mission is not published yet: it needs an endorsement from each partner first.");
        }
        var existing = await db.Set<MissionAcknowledgement>().FirstOrDefaultAsync(a => a.VersionId == current.Id && a.UserId == me!.UserId, cancellationToken);
        if (existing is not null)
        {
            return Outcome<Guid>.Ok(existing.Id);
        }
        var acknowledgement = new MissionAcknowledgement { PartnershipId = partnershipId, VersionId = current.Id, UserId = me!.UserId, AcknowledgedAt = db.Now };
        db.Set<MissionAcknowledgement>().Add(acknowledgement);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(acknowledgement.Id);
    }

    public async Task<Outcome<Guid>> RecordCommunicationAsync(Guid partnershipId, Communication input, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such partnership.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is null || me.Role == MemberRole.Viewer)
        {
            return Outcome<Guid>.Forbidden("Viewers cannot record communications.");
        }
        var check = new Validation();
        var channel = check.Choice<CommunicationChannel>("channel", "where it was communicated", input.Channel);
        var audience = check.Text("audience", "who heard it", input.Audience, MissionCommunication.TextMax);
        var note = check.Text("note", "the note", input.Note, MissionCommunication.TextMax, required: false);
        var on = check.Date("on", "the date", input.On) ?? default;
        if (on > DateOnly.FromDateTime(db.Now.UtcDateTime).AddDays(1))
        {
            check.Add("on", "Record communications that have happened; the date is in the future.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var entity = new MissionCommunication
        {
            PartnershipId = partnershipId,
            Channel = channel!.Value,
            On = on,
            Audience = audience,
            Note = note,
            RecordedByUserId = me.UserId,
            RecordedAt = db.Now,
        };
        db.Set<MissionCommunication>().Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(entity.Id);
    }

    private async Task<(Membership?, MissionVersion?, Outcome<Guid>?)> MemberAndCurrentAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return (null, null, Outcome<Guid>.NotFound("No such partnership."));
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is null || db.Tenancy.OrganizationId is null)
        {
            return (null, null, Outcome<Guid>.Forbidden("Only members take part in the mission."));
        }
        var current = await db.Set<MissionVersion>().AsNoTracking().Where(v => v.PartnershipId == partnershipId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return current is null
            ? (me, null, Outcome<Guid>.Conflict("mission", "There is no draft yet."))
            : (me, current, null);
    }
}
