using Microsoft.Extensions.Logging;

namespace Joinery.Core.Data;

/// <summary>What the data layer logs: schema versions, journal modes and retries, never a row's content.</summary>
internal static partial class DataLog
{
    [LoggerMessage(1001, LogLevel.Information, "Applied schema migration {Version}")]
    public static partial void MigrationApplied(ILogger logger, string version);

    [LoggerMessage(1002, LogLevel.Warning, "The SQLite database stays in {JournalMode} journal mode; write-ahead logging could not be turned on")]
    public static partial void JournalModeKept(ILogger logger, string? journalMode);

    [LoggerMessage(1003, LogLevel.Warning, "The database was busy during {What} attempt {Attempt} of {Attempts}; trying again in {Pause} ms")]
    public static partial void DatabaseBusy(ILogger logger, string what, int attempt, int attempts, double pause);
}
