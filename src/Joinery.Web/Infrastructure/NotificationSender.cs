using Joinery.Core.Common;
using Joinery.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// Looks for what to e-mail every <see cref="NotificationOptions.IntervalMinutes"/> minutes while the
/// web app runs (never when that is 0, or when no SMTP relay is configured).
/// </summary>
internal sealed partial class NotificationSender(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, IOptions<SmtpOptions> smtp,
    TimeProvider time, ILogger<NotificationSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalMinutes == 0 || !smtp.Value.IsConfigured)
        {
            return;
        }
        var interval = TimeSpan.FromMinutes(options.Value.IntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
                tenancy.ActAcrossPartnerships();
                tenancy.Door = Door.Cli;
                var run = await scope.ServiceProvider.GetRequiredService<SendNotifications>().RunAsync(stoppingToken);
                Sent(logger, run.Immediate, run.Digests, run.People);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The next look tries again; the exception's type only, as its message may carry data.
                Failed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(3101, LogLevel.Information, "Notifications: {Immediate} urgent and {Digests} digest e-mails for {People} people")]
    private static partial void Sent(ILogger logger, int immediate, int digests, int people);

    [LoggerMessage(3102, LogLevel.Warning, "Notifications could not be sent this time: {Failure}")]
    private static partial void Failed(ILogger logger, string failure);
}
