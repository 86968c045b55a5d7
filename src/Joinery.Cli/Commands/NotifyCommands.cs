using System.CommandLine;
using Joinery.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Cli.Commands;

internal static class NotifyCommands
{
    public static Command Create(CliContext cli)
    {
        var send = new Command("send", "E-mail each person what waits for them now: urgent items not yet e-mailed, and digests that are due.");
        send.SetAction(async (_, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var run = await scope.ServiceProvider.GetRequiredService<SendNotifications>().RunAsync(ct);
            if (!run.MailConfigured)
            {
                return await cli.FailAsync("No mail server is configured: set Smtp:Host (and Smtp:Port, Smtp:From).");
            }
            await cli.Out.WriteLineAsync($"Looked at {run.People} people: {run.Immediate} urgent and {run.Digests} digest e-mails sent.");
            return 0;
        });
        return new Command("notify", "E-mail notifications.") { send };
    }
}
