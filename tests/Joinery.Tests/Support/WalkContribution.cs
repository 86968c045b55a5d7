namespace Joinery.Tests.Support;

/// <summary>
/// A feature's part of the workspace walks (<see cref="WorkspaceWalk"/>): its records in the victim
/// partnership, named by the route or handler parameter that takes them, and the form fields its
/// pages post. A feature adds a class in its own test folder; the walks find every one.
/// </summary>
public interface IWalkContribution
{
    /// <summary>Records of the feature in the victim partnership, created as its members would.</summary>
    Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) => Task.FromResult(new Dictionary<string, string>());

    /// <summary>The fields one of the feature's pages posts, valid for the victim's steward; empty for other pages.</summary>
    Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => [];

    /// <summary>The query string one of the feature's API routes needs for a GET to answer 200 ("q=huddle"); empty for other routes.</summary>
    string ApiQuery(string template) => "";

    /// <summary>Brings the feature's records to the state the read-only walks expect (after every feature's records exist).</summary>
    Task SettleForReadingAsync(JoineryApp app, SeededPartnership victim) => Task.CompletedTask;
}

public static class WalkContributions
{
    /// <summary>Every feature's walk contribution in this test assembly, in a fixed order.</summary>
    public static IReadOnlyList<IWalkContribution> All { get; } = typeof(IWalkContribution).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IWalkContribution).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IWalkContribution)Activator.CreateInstance(t)!)
        .ToList();
}
