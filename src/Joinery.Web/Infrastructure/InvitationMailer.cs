using System.Net.Mail;

namespace Joinery.Web.Infrastructure;

/// <summary>Mails an invitation link when SMTP is configured (Smtp:Host); otherwise the steward copies the link.</summary>
public sealed class InvitationMailer(IConfiguration configuration, ILogger<InvitationMailer> logger)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration["Smtp:Host"]);

    public async Task<bool> SendAsync(string to, string partnershipName, string link, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return false;
        }
        try
        {
            using var client = new SmtpClient(configuration["Smtp:Host"], configuration.GetValue("Smtp:Port", 25));
            using var message = new MailMessage(configuration["Smtp:From"] ?? "joinery@localhost", to)
            {
                Subject = $"You are invited to {partnershipName} on Joinery",
                Body = $"You have been invited to join {partnershipName} on Joinery.\n\nOpen this link within seven days to accept:\n{link}\n",
            };
            await client.SendMailAsync(message, cancellationToken);
            return true;
        }
        catch (SmtpException e)
        {
            // The steward still has the link to copy; log the failure without the address.
            logger.LogWarning(e, "Invitation mail could not be sent");
            return false;
        }
    }
}
