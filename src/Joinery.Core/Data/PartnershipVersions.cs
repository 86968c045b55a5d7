using System.Collections.Concurrent;

namespace Joinery.Core.Data;

/// <summary>
/// A counter per partnership that goes up whenever this process saves a change to that
/// partnership's rows (JoineryDb bumps it after every successful save). Views that are costly to
/// compute, like the health signals, are cached under the current version, so a change shows at
/// once. Writes by another process (the CLI) are not seen here: such caches also expire by time.
/// </summary>
public static class PartnershipVersions
{
    private static readonly ConcurrentDictionary<Guid, long> Versions = new();

    public static long Of(Guid partnershipId) => Versions.GetValueOrDefault(partnershipId);

    public static void Changed(Guid partnershipId) => Versions.AddOrUpdate(partnershipId, 1, (_, v) => v + 1);
}
