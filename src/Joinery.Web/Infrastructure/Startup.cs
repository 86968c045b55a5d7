using Joinery.Core.Data;

namespace Joinery.Web.Infrastructure;

internal static class Startup
{
    /// <summary>Brings the schema up to date and says where the data lives.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        StartupLog.DataReady(app.Logger, options.Describe(), applied.Count);
    }

    /// <summary>200 when the database answers, 503 when it does not.</summary>
    public static async Task<IResult> HealthAsync(JoineryDb db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? TypedResults.Text("healthy")
                : TypedResults.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return TypedResults.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

internal static class ApiAccess
{
    public const string Policy = "api";
}

/// <summary>What start-up logs: where the data lives (never a password) and how many migrations ran.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(2001, LogLevel.Information, "Joinery data: {Database}; migrations applied now: {Count}")]
    public static partial void DataReady(ILogger logger, string database, int count);
}
