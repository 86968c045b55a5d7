using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Health;

/// <summary>A record a signal points at, so people can see why it fired.</summary>
public sealed record Evidence(string Kind, Guid? Id, string Label);

/// <summary>One warning sign: which step it threatens, how serious, what it means in plain words, which records show it, and where to fix it.</summary>
public sealed record HealthSignal(string Code, Severity Severity, int Step, string Message, IReadOnlyList<Evidence> Evidence, string Link);

/// <summary>A threshold a feature's signals use: its name in forms and the API, its label, default and allowed range.</summary>
public sealed record Threshold(string Name, string Label, int Default, int Min, int Max);

/// <summary>A partnership's values of the thresholds: what a steward set, else each threshold's default.</summary>
public sealed class HealthThresholds(IReadOnlyDictionary<string, int> set)
{
    public static readonly HealthThresholds Defaults = new(new Dictionary<string, int>());

    public int this[Threshold threshold] => set.TryGetValue(threshold.Name, out var value) ? value : threshold.Default;
}

/// <summary>
/// A feature's warning signs, computed from its own records with the partnership's thresholds.
/// Registered by the feature (<c>services.AddHealth&lt;T&gt;()</c>); <see cref="PartnershipHealth"/>
/// enumerates what is registered and knows no feature.
/// </summary>
public interface IHealthContribution
{
    /// <summary>The thresholds this feature's signals use; stewards may change them per partnership.</summary>
    IReadOnlyList<Threshold> Thresholds => [];

    Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken);
}

public static class HealthText
{
    /// <summary>"1 day", "12 days".</summary>
    public static string Days(int days) => days.ToString(System.Globalization.CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");
}

public static class HealthRegistration
{
    /// <summary>Adds a feature's warning signs and thresholds; signals and the thresholds' form follow registration order.</summary>
    public static IServiceCollection AddHealth<T>(this IServiceCollection services) where T : class, IHealthContribution =>
        services.AddScoped<IHealthContribution, T>();
}
