using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Joinery.Core.Data;

/// <summary>
/// A counter per partnership that goes up whenever this process saves a change to that
/// partnership's rows (JoineryDb bumps it after every successful save). Views that are costly to
/// compute, like the health signals, are cached under the current version, so a change shows at
/// once. Writes by another process (the CLI) are not seen here: such caches also expire by time.
/// </summary>
public static class PartnershipVersions
{
    /// <summary>How long a shared view is reused when nothing in the partnership changed in this process.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(2);

    private static readonly ConcurrentDictionary<Guid, long> Versions = new();

    public static long Of(Guid partnershipId) => Versions.GetValueOrDefault(partnershipId);

    public static void Changed(Guid partnershipId) => Versions.AddOrUpdate(partnershipId, 1, (_, v) => v + 1);

    /// <summary>
    /// A view every member of the partnership sees alike (decision 0005), computed once per
    /// version of the partnership and day. <paramref name="what"/> names the view and its
    /// parameters. The cache skips the tenant filter, so the caller must have checked that the
    /// partnership (and any record in <paramref name="what"/>) is visible to the current person.
    /// The value is shared between requests and must not be changed; null (not found) is not kept.
    /// </summary>
    public static async Task<T> SharedViewAsync<T>(this JoineryDb db, Guid partnershipId, object what, Func<Task<T>> compute)
        where T : class?
    {
        var key = (what, partnershipId, Of(partnershipId), DateOnly.FromDateTime(db.Now.UtcDateTime));
        if (db.Cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }
        var computed = await compute();
        if (computed is not null)
        {
            db.Cache.Set(key, computed, CacheFor);
        }
        return computed;
    }
}
