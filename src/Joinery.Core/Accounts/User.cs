using Joinery.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace Joinery.Core.Accounts;

/// <summary>A person who signs in. Every person belongs to exactly one organization.</summary>
public sealed class User : IdentityUser<Guid>, IAudited
{
    public const int NameMax = 200;
    public const int JobTitleMax = 100;

    public User() => Id = Guid.NewGuid();

    public required string DisplayName { get; set; }

    /// <summary>What the person does ("care manager", "medical assistant"), shown beside their name; may be empty.</summary>
    public string JobTitle { get; set; } = "";

    public required Guid OrganizationId { get; set; }
    public bool IsSiteAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a site administrator deactivated the account: no sign-in, no token, no session.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>Ends every session and makes every token useless until the account is reactivated.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        DeactivatedAt ??= now;
        EndSessions();
    }

    public void Reactivate() => DeactivatedAt = null;

    /// <summary>A new security stamp: every sign-in cookie issued before it stops working on its next request.</summary>
    public void EndSessions() => SecurityStamp = Guid.NewGuid().ToString("N");
}
