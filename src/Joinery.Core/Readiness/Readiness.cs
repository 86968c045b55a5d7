using Joinery.Core.Audit;
using Joinery.Core.Common;

namespace Joinery.Core.Readiness;

/// <summary>One run of the readiness check. Partnerships re-run it over time; earlier rounds stay as history.</summary>
public sealed class ReadinessRound : IAudited, IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required int Number { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public required Guid OpenedByUserId { get; init; }
    public List<ReadinessResponse> Responses { get; init; } = [];
}

/// <summary>One leader's answers in a round, for their organization.</summary>
public sealed class ReadinessResponse : IAudited, IPartnershipOwned
{
    public const int CommentMax = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid RoundId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid UserId { get; init; }
    public DateTimeOffset SubmittedAt { get; set; }
    public List<ReadinessAnswer> Answers { get; init; } = [];
    public List<ReadinessComment> Comments { get; init; } = [];
}

/// <summary>An answer on the 1–5 agreement scale; no score means "don't know".</summary>
public sealed class ReadinessAnswer : IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid ResponseId { get; init; }
    public required string ItemCode { get; init; }
    public int? Score { get; init; }
}

/// <summary>A free-text comment on one section (factor) of the check.</summary>
public sealed class ReadinessComment : IPartnershipOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid PartnershipId { get; init; }
    public required Guid ResponseId { get; init; }
    public required string FactorCode { get; init; }
    public required string Text { get; init; }
}
