using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Joinery.Core.Common;
using Microsoft.Extensions.Options;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// Section <c>Smtp</c>: where mail goes. Mail is optional: with no <c>Host</c> nothing is sent and
/// the steward copies an invitation link instead, so a fresh clone starts without a mail server.
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

    /// <summary>None (plain SMTP, as on a local relay) or StartTls (upgrade the connection before sending).</summary>
    [RegularExpression("^(?i:none|starttls)$", ErrorMessage = "Smtp:Tls must be None or StartTls.")]
    public string Tls { get; set; } = "None";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public bool StartTls => Tls.Equals("StartTls", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Mails an invitation link when SMTP is configured (<see cref="SmtpOptions"/>); otherwise the steward copies the link.</summary>
public sealed class InvitationMailer(IOptions<SmtpOptions> options, ILogger<InvitationMailer> logger)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<bool> SendAsync(string to, string partnershipName, string link, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return false;
        }
        try
        {
            using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.StartTls };
            using var message = new MailMessage(smtp.From, to)
            {
                Subject = $"You are invited to {partnershipName} on Joinery",
                Body = $"You have been invited to join {partnershipName} on Joinery.\n\nOpen this link within seven days to accept:\n{link}\n",
            };
            await client.SendMailAsync(message, cancellationToken);
            return true;
        }
        catch (SmtpException e)
        {
            // The steward still has the link to copy. The exception is not logged: its message can
            // carry the recipient's address (SmtpFailedRecipientException).
            MailLog.InvitationNotSent(logger, to, e.StatusCode);
            return false;
        }
    }
}

/// <summary>What mail logs: the SMTP status; the recipient is personal data and is erased.</summary>
internal static partial class MailLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Invitation mail to {Recipient} could not be sent: SMTP status {Status}")]
    public static partial void InvitationNotSent(ILogger logger, [Personal] string recipient, SmtpStatusCode status);
}
