using Joinery.Tests.Support;

namespace Joinery.Tests.Search;

/// <summary>The search reads the other features' records; its API answers 200 only to a query, so the walks send one.</summary>
public sealed class SearchWalk : IWalkContribution
{
    public string ApiQuery(string template) =>
        template.TrimEnd('/').EndsWith("/search", StringComparison.Ordinal) ? "q=huddle" : "";
}
