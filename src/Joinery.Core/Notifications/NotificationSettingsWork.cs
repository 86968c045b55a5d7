using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Notifications;

/// <summary>One kind of item and whether it is e-mailed to the person.</summary>
public sealed record KindChoice(string Code, string Label, bool Urgent, bool Emailed);

public sealed record NotificationChoices(bool MailConfigured, bool Immediate, DigestFrequency Digest, IReadOnlyList<KindChoice> Kinds);

public sealed record NotificationChoicesInput(bool Immediate, string? Digest, IReadOnlyList<string>? Emailed);

/// <summary>The signed-in person's e-mail choices (the defaults until they change them).</summary>
public sealed class ShowNotificationSettings(JoineryDb db, WaitingForYou inbox, Mailer mailer)
{
    public async Task<NotificationChoices?> RunAsync(CancellationToken cancellationToken = default)
    {
        if (db.Tenancy.UserId is not { } me)
        {
            return null;
        }
        var settings = await db.Set<NotificationSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me, cancellationToken)
            ?? NotificationSettings.Defaults(me, db.Now);
        return new NotificationChoices(mailer.IsConfigured, settings.Immediate, settings.Digest,
            inbox.Kinds.Select(k => new KindChoice(k.Code, k.Label, k.Urgent, !settings.IsMuted(k.Code))).ToList());
    }
}

/// <summary>The signed-in person chooses: urgent items at once or not, the digest's frequency, and which kinds are e-mailed.</summary>
public sealed class ChangeNotificationSettings(JoineryDb db, WaitingForYou inbox)
{
    public async Task<Outcome<DigestFrequency>> RunAsync(NotificationChoicesInput input, CancellationToken cancellationToken = default)
    {
        if (db.Tenancy.UserId is not { } me)
        {
            return Outcome<DigestFrequency>.Forbidden("Sign in to choose your e-mails.");
        }
        var check = new Validation();
        var digest = check.Choice<DigestFrequency>("digest", "how often the digest comes", input.Digest);
        var known = inbox.Kinds.Select(k => k.Code).ToList();
        var emailed = input.Emailed ?? [];
        if (emailed.Except(known).Any())
        {
            check.Add("emailed", "Choose among the kinds of item listed.");
        }
        if (!check.IsValid)
        {
            return Outcome<DigestFrequency>.Invalid(check.Errors);
        }
        var settings = await db.Set<NotificationSettings>().FirstOrDefaultAsync(s => s.UserId == me, cancellationToken);
        if (settings is null)
        {
            settings = NotificationSettings.Defaults(me, db.Now);
            settings.DigestSent(db.Now);
            db.Add(settings);
        }
        settings.Choose(input.Immediate, digest!.Value, known.Except(emailed), db.Now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DigestFrequency>.Ok(digest.Value);
    }
}
