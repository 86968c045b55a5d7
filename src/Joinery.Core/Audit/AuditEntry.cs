using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Joinery.Core.Common;

namespace Joinery.Core.Audit;

/// <summary>An entity whose creation, change and deletion the data context records in the audit trail.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>
/// An audited entity whose creator may choose to stay unknown (anonymous feedback). When
/// <see cref="IsAnonymous"/> is true, its creation is not audited: an entry without a person would
/// still give away the writer by its time and its place in the chain, right after their sign-in
/// (decision 0004). Later changes by others are audited as usual.
/// </summary>
public interface IAnonymousCreation : IAudited
{
    bool IsAnonymous { get; }
}

/// <summary>
/// One append-only line of the audit trail. Entries form a hash chain: each carries the hash of
/// the one before, so altering or removing any row breaks every later link. Details hold ids and
/// field names only, never names, dates of birth, scores or free text about a person.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMax = 100;
    public const int DetailMax = 1000;

    /// <summary>Position in the chain: 1, 2, 3… without gaps.</summary>
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? PartnershipId { get; init; }
    public required string Action { get; init; }
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public Door Door { get; init; }
    public string Detail { get; init; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Id.ToString(CultureInfo.InvariantCulture),
            At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            UserId?.ToString() ?? "",
            OrganizationId?.ToString() ?? "",
            PartnershipId?.ToString() ?? "",
            Action, EntityType, EntityId, Door.ToText(), Detail, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The end of the chain: last id and hash. Updating it first serialises writers on both databases.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public long LastId { get; set; }
    public string LastHash { get; set; } = "";
}
