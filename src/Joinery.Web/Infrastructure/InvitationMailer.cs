using Joinery.Core.Notifications;

namespace Joinery.Web.Infrastructure;

/// <summary>Mails an invitation link when SMTP is configured (<see cref="SmtpOptions"/>); otherwise the steward copies the link.</summary>
public sealed class InvitationMailer(Mailer mailer)
{
    public bool IsConfigured => mailer.IsConfigured;

    public Task<bool> SendAsync(string to, string partnershipName, string link, CancellationToken cancellationToken) =>
        mailer.SendAsync(mailer.Compose(to, $"You are invited to {partnershipName} on Joinery",
            $"You have been invited to join {partnershipName} on Joinery.\n\nOpen this link within seven days to accept:\n{link}\n"), cancellationToken);
}
