using Joinery.Core.Audit;

namespace Joinery.Core.Organizations;

public enum OrganizationKind { BehavioralHealth, PrimaryCare, Other }

/// <summary>A partner organization: a community behavioral health center, a health center, or another.</summary>
public sealed class Organization : IAudited
{
    public const int NameMax = 200;
    public const int StatementMax = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public required OrganizationKind Kind { get; set; }
    public string Mission { get; set; } = "";
    public string Vision { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
