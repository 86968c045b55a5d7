using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Notifications;

/// <summary>What an unsubscribe link stopped: one kind (its label) or every e-mail.</summary>
public sealed record Unsubscribed(string What);

/// <summary>
/// The link in every e-mail: stops e-mail about one kind of item, or all e-mail, for the person the
/// e-mail went to. The random key in the link is all it needs; it can do nothing else.
/// </summary>
public sealed class Unsubscribe(JoineryDb db, WaitingForYou inbox)
{
    public const string All = "all";

    public async Task<Outcome<Unsubscribed>> RunAsync(string? key, string? kind, CancellationToken cancellationToken = default)
    {
        var settings = await FindAsync(key, cancellationToken);
        if (settings is null || Label(kind) is not { } label)
        {
            return Outcome<Unsubscribed>.NotFound("This unsubscribe link is not valid. Choose what Joinery e-mails you on your notification settings.");
        }
        if (kind == All)
        {
            settings.MuteAll(db.Now);
        }
        else
        {
            settings.Mute(kind!, db.Now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Unsubscribed>.Ok(new Unsubscribed(label));
    }

    /// <summary>What the link would stop, to ask before stopping it; null when the link is not valid.</summary>
    public async Task<Unsubscribed?> PreviewAsync(string? key, string? kind, CancellationToken cancellationToken = default)
    {
        return await FindAsync(key, cancellationToken) is not null && Label(kind) is { } label ? new Unsubscribed(label) : null;
    }

    /// <summary>What a link's kind stops, in words; null for a kind no feature gives.</summary>
    private string? Label(string? kind) =>
        kind == All ? "all e-mails from Joinery" : inbox.Kinds.FirstOrDefault(k => k.Code == kind)?.Label.ToLowerInvariant();

    private Task<NotificationSettings?> FindAsync(string? key, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(key) || key.Length > 48
            ? Task.FromResult<NotificationSettings?>(null)
            : db.Set<NotificationSettings>().FirstOrDefaultAsync(s => s.UnsubscribeKey == key, cancellationToken);
}
