using Joinery.Core.Audit;

namespace Joinery.Core.Partnerships;

/// <summary>The lifecycle of a partnership (product.md). Close happens only if it comes to that.</summary>
public enum Phase { Explore, Plan, Formalize, Prepare, Pilot, Operate, Close }

/// <summary>A partnership of two or more organizations. Its own id is the tenant key of everything it holds.</summary>
public sealed class Partnership : IAudited
{
    public const int NameMax = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public Phase Phase { get; set; } = Phase.Explore;
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set once, when the partners have closed the partnership: from then on it is read-only (nothing is deleted, the audit trail goes on).</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
    public Guid? ArchivedByUserId { get; set; }

    public List<PartnerOrganization> Partners { get; init; } = [];
    public List<Membership> Members { get; init; } = [];
}

/// <summary>An organization taking part in a partnership.</summary>
public sealed class PartnerOrganization : IAudited, Common.IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid OrganizationId { get; init; }
    public Organizations.Organization? Organization { get; init; }
}

/// <summary>
/// A write reached an archived partnership. Pages hide their forms and operations refuse first, so
/// this is the last line: the data context throws it for any door (page, API, CLI) that gets this far.
/// </summary>
public sealed class PartnershipArchivedException() : InvalidOperationException(Text)
{
    public const string Text = "This partnership is archived: its records can be read, printed and audited, but not changed.";
}
