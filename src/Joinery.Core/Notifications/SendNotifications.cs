using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Joinery.Core.Notifications;

/// <summary>What one look for things to e-mail did.</summary>
public sealed record NotificationRun(bool MailConfigured, int People, int Immediate, int Digests);

/// <summary>
/// E-mails each person what waits for them: an urgent item at once (once), and the digest at the hour
/// and on the day they chose. The e-mail says only what waits, in which partnership, and links to it:
/// never anything about a person served. Each kind carries a one-click unsubscribe link.
/// </summary>
public sealed class SendNotifications(JoineryDb db, IServiceScopeFactory scopes, Mailer mailer, PublicUrl site, IOptions<NotificationOptions> options)
{
    public async Task<NotificationRun> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!mailer.IsConfigured)
        {
            return new NotificationRun(false, 0, 0, 0);
        }
        var now = db.Now;
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && u.Email != null)
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var (immediate, digests) = (0, 0);
        foreach (var person in people)
        {
            var (i, d) = await ForPersonAsync(person, now, cancellationToken);
            (immediate, digests) = (immediate + i, digests + d);
        }
        return new NotificationRun(true, people.Count, immediate, digests);
    }

    private async Task<(int Immediate, int Digests)> ForPersonAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Each person in a scope of their own, signed in as them: their inbox is exactly what they see.
        await using var scope = scopes.CreateAsyncScope();
        var personal = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var user = await personal.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        var partnerships = await personal.Memberships.IgnoreQueryFilters().Where(m => m.UserId == userId).Select(m => m.PartnershipId).ToListAsync(cancellationToken);
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        tenancy.SignIn(user.Id, user.OrganizationId, user.IsSiteAdmin, partnerships);
        tenancy.Door = Door.Cli;

        var inbox = scope.ServiceProvider.GetRequiredService<WaitingForYou>();
        var kinds = inbox.Kinds.ToDictionary(k => k.Code);
        var settings = await personal.Set<NotificationSettings>().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null)
        {
            // The first digest comes at the next digest hour, not the moment the settings are made.
            settings = NotificationSettings.Defaults(userId, now);
            settings.DigestSent(now);
            personal.Add(settings);
        }
        var waiting = (await inbox.RunAsync(cancellationToken))
            .Where(i => kinds.ContainsKey(i.Kind) && !settings.IsMuted(i.Kind))
            .Select(i => (Item: i, Key: Key(i)))
            .ToList();
        var keys = waiting.Select(w => w.Key).ToList();
        var sent = (await personal.Set<SentNotification>().Where(s => s.UserId == userId && keys.Contains(s.ItemKey)).Select(s => s.ItemKey)
            .ToListAsync(cancellationToken)).ToHashSet();

        var urgent = settings.Immediate ? waiting.Where(w => kinds[w.Item.Kind].Urgent && !sent.Contains(w.Key)).ToList() : [];
        var digestDue = settings.Digest != DigestFrequency.Never
            && (settings.LastDigestAt is not { } last || last < options.Value.LatestDigestSlot(now, settings.Digest));
        var messages = new List<MimeMessage>();
        if (urgent.Count > 0)
        {
            messages.Add(Immediate(user.Email!, settings, urgent.Select(u => u.Item).ToList(), kinds));
        }
        var digest = digestDue ? waiting.Where(w => !urgent.Contains(w)).ToList() : [];
        if (digest.Count > 0)
        {
            messages.Add(Digest(user.Email!, settings, digest.Select(d => (d.Item, New: !sent.Contains(d.Key))).ToList(), kinds));
        }
        if (messages.Count > 0 && !await mailer.SendAsync(messages, cancellationToken))
        {
            // Not sent: nothing is recorded, so the next look tries again.
            return (0, 0);
        }
        foreach (var (_, key) in urgent)
        {
            personal.Add(SentNotification.Record(userId, key, NotificationChannel.Immediate, now));
        }
        foreach (var (_, key) in digest.Where(d => !sent.Contains(d.Key)))
        {
            personal.Add(SentNotification.Record(userId, key, NotificationChannel.Digest, now));
        }
        if (digestDue)
        {
            settings.DigestSent(now);
        }
        await personal.SaveChangesAsync(cancellationToken);
        return (urgent.Count > 0 ? 1 : 0, digest.Count > 0 ? 1 : 0);
    }

    /// <summary>An item is the same item while it waits for the same thing in the same place.</summary>
    private static string Key(InboxItem item) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', item.Kind, item.PartnershipId.ToString(), item.Link, item.Title, item.Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))));

    private MimeMessage Immediate(string to, NotificationSettings settings, List<InboxItem> items, Dictionary<string, InboxKind> kinds)
    {
        var subject = items.Count == 1 ? $"Waiting for you on Joinery: {items[0].Title}" : $"{items.Count} things wait for you on Joinery";
        var text = new StringBuilder("This is waiting for you on Joinery:\n\n");
        foreach (var item in items)
        {
            Describe(text, item);
        }
        return Message(to, subject, text, settings, items.Select(i => kinds[i.Kind]).Distinct().ToList());
    }

    private MimeMessage Digest(string to, NotificationSettings settings, List<(InboxItem Item, bool New)> items, Dictionary<string, InboxKind> kinds)
    {
        var fresh = items.Count(i => i.New);
        var subject = $"Your Joinery {(settings.Digest == DigestFrequency.Weekly ? "week" : "day")}: {Things(items.Count)} waiting"
            + (fresh > 0 ? $", {fresh} new" : "");
        var text = new StringBuilder($"{Things(items.Count)} {(items.Count == 1 ? "waits" : "wait")} for you on Joinery.\n\n");
        foreach (var (item, isNew) in items.OrderByDescending(i => i.New).ThenBy(i => i.Item.Since))
        {
            Describe(text, item, isNew ? "New: " : "");
        }
        return Message(to, subject, text, settings, items.Select(i => kinds[i.Item.Kind]).Distinct().ToList());
    }

    private void Describe(StringBuilder text, InboxItem item, string prefix = "") =>
        text.Append(CultureInfo.InvariantCulture, $"- {prefix}{item.Title}\n  {item.Why}\n  {site.Link(item.Link)}\n\n");

    private static string Things(int count) => count == 1 ? "1 thing" : $"{count} things";

    private MimeMessage Message(string to, string subject, StringBuilder text, NotificationSettings settings, List<InboxKind> kinds)
    {
        text.Append("Choose what Joinery e-mails you, and how often: ").Append(site.Link("/account/notifications")).Append('\n');
        foreach (var kind in kinds)
        {
            text.Append(CultureInfo.InvariantCulture, $"Stop e-mails about {kind.Label.ToLowerInvariant()}: {UnsubscribeLink(settings, kind.Code)}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"Stop all e-mails from Joinery: {UnsubscribeLink(settings, Unsubscribe.All)}\n");
        var message = mailer.Compose(to, subject, text.ToString());
        // One-click unsubscribe (RFC 8058): the mail program posts to the link; with one kind in the
        // message, that kind stops; with several, all e-mail stops.
        var oneClick = UnsubscribeLink(settings, kinds.Count == 1 ? kinds[0].Code : Unsubscribe.All);
        message.Headers.Add("List-Unsubscribe", $"<{oneClick}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }

    private string UnsubscribeLink(NotificationSettings settings, string kind) =>
        site.Link($"/notifications/unsubscribe?key={settings.UnsubscribeKey}&kind={Uri.EscapeDataString(kind)}");
}
