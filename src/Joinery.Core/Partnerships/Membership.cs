using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;

namespace Joinery.Core.Partnerships;

/// <summary>Stewards manage members and phases; planners draft; clinicians work the registry; viewers read.</summary>
public enum MemberRole { Steward, Planner, Clinician, Viewer }

public enum MemberLevel { Executive, Manager, Frontline }

/// <summary>A person's place in a partnership: role, level and whether they champion it.</summary>
public sealed class Membership : IAudited, IPartnershipOwned
{
    public const int ChampionForMax = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid UserId { get; init; }
    public User? User { get; init; }
    public required MemberRole Role { get; set; }
    public required MemberLevel Level { get; set; }
    public bool IsChampion { get; set; }

    /// <summary>What the champion champions; empty when not a champion.</summary>
    public string ChampionFor { get; set; } = "";

    /// <summary>What the champion is empowered to decide; empty when not a champion.</summary>
    public string ChampionDecides { get; set; } = "";
    public DateTimeOffset JoinedAt { get; init; }
}

/// <summary>A steward's invitation to join a partnership. The link carries a secret; only its hash is kept.</summary>
public sealed class Invitation : IAudited, IPartnershipOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required string Email { get; init; }
    public required Guid OrganizationId { get; init; }
    public required MemberRole Role { get; init; }
    public required MemberLevel Level { get; init; }
    public required string TokenHash { get; init; }
    public required Guid InvitedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}

/// <summary>A move between phases. When the gate was not met, the steward's reason is kept and shown.</summary>
public sealed class PhaseChange : IAudited, IPartnershipOwned
{
    public const int ReasonMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Phase From { get; init; }
    public required Phase To { get; init; }
    public required Guid ChangedByUserId { get; init; }
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>The gate criteria that were not met, as codes; empty when the gate was met.</summary>
    public string UnmetCriteria { get; init; } = "";
    public string OverrideReason { get; init; } = "";
    public bool IsOverride => UnmetCriteria.Length > 0;
}
