using System.ComponentModel.DataAnnotations;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Joinery.Core.Notifications;

/// <summary>
/// Section <c>Smtp</c>: where mail goes. Mail is optional: with no <c>Host</c> nothing is sent (the
/// inbox still shows everything, and a steward copies an invitation link instead), so a fresh clone
/// starts without a mail server.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [RegularExpression(@"^[A-Za-z0-9.\-:\[\]]*$", ErrorMessage = "Smtp:Host must be a host name or an IP address (or empty, to send no mail).")]
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be a whole number from 1 to 65535.")]
    public int Port { get; set; } = 25;

    [Required(ErrorMessage = "Smtp:From must be an e-mail address such as joinery@example.org.")]
    [EmailAddress(ErrorMessage = "Smtp:From must be an e-mail address such as joinery@example.org.")]
    public string From { get; set; } = "joinery@localhost";

    /// <summary>None (plain SMTP, as on a local relay), StartTls (upgrade before sending) or Tls (TLS from the start, port 465).</summary>
    [RegularExpression("^(?i:none|starttls|tls)$", ErrorMessage = "Smtp:Tls must be None, StartTls or Tls.")]
    public string Tls { get; set; } = "None";

    /// <summary>The account to sign in to the relay with; none when empty.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    internal SecureSocketOptions Security => Tls.ToUpperInvariant() switch
    {
        "STARTTLS" => SecureSocketOptions.StartTls,
        "TLS" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}

/// <summary>Sends mail through the configured relay with MailKit. Nothing in a log line names the recipient.</summary>
public sealed class Mailer(IOptions<SmtpOptions> options, ILogger<Mailer> logger)
{
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>A message from Joinery's address to one person.</summary>
    public MimeMessage Compose(string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>Sends the messages over one connection; false when mail is not configured or the relay refused.</summary>
    public async Task<bool> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured || messages.Count == 0)
        {
            return false;
        }
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }
            foreach (var message in messages)
            {
                await client.SendAsync(message, cancellationToken);
            }
            await client.DisconnectAsync(quit: true, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                      or IOException or System.Net.Sockets.SocketException)
        {
            // The exception is not logged: its message can carry a recipient's address.
            MailLog.NotSent(logger, messages.Count, e.GetType().Name);
            return false;
        }
    }

    public Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken) => SendAsync([message], cancellationToken);
}

/// <summary>What mail logs: how many messages and the kind of failure; never an address or a subject.</summary>
internal static partial class MailLog
{
    [LoggerMessage(3001, LogLevel.Warning, "{Count} e-mail message(s) could not be sent: {Failure}")]
    public static partial void NotSent(ILogger logger, int count, string failure);
}
