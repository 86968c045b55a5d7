using Joinery.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace Joinery.Core.Accounts;

/// <summary>A person who signs in. Every person belongs to exactly one organization.</summary>
public sealed class User : IdentityUser<Guid>, IAudited
{
    public const int NameMax = 200;

    public User() => Id = Guid.NewGuid();

    public required string DisplayName { get; set; }
    public required Guid OrganizationId { get; set; }
    public bool IsSiteAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
