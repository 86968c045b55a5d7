using Joinery.Core.Audit;

namespace Joinery.Core.Accounts;

/// <summary>Settings for the whole site, changed by site administrators. There is one row.</summary>
public sealed class SiteSettings : IAudited
{
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-000000000001");

    public Guid Id { get; init; } = SingletonId;
    public bool RequireMfa { get; set; }
}
