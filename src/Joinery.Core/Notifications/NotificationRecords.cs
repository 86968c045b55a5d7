using System.Security.Cryptography;
using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Joinery.Core.Notifications;

/// <summary>How often a person gets the e-mail that lists what waits for them.</summary>
public enum DigestFrequency { Daily, Weekly, Never }

/// <summary>
/// One person's choices about e-mail: urgent items at once or not, the digest daily, weekly or never,
/// and the kinds of item they never want e-mailed. Created with the defaults the first time it is needed.
/// </summary>
public sealed class NotificationSettings : IAudited
{
    public const int MutedMax = 1000;

    private NotificationSettings()
    {
    }

    public Guid Id { get; private init; } = Guid.NewGuid();
    public Guid UserId { get; private init; }
    public bool Immediate { get; private set; } = true;
    public DigestFrequency Digest { get; private set; } = DigestFrequency.Daily;

    /// <summary>The kinds (inbox item codes) not to e-mail, separated by spaces.</summary>
    public string Muted { get; private set; } = "";

    /// <summary>
    /// A random key carried by the unsubscribe links of this person's e-mails. It allows nothing but
    /// stopping e-mail, so it is kept as it is (the e-mails must carry it).
    /// </summary>
    public string UnsubscribeKey { get; private init; } = "";

    public DateTimeOffset? LastDigestAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static NotificationSettings Defaults(Guid userId, DateTimeOffset now) => new()
    {
        UserId = userId,
        UnsubscribeKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        UpdatedAt = now,
    };

    public bool IsMuted(string kind) => Muted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(kind, StringComparer.Ordinal);

    public void Choose(bool immediate, DigestFrequency digest, IEnumerable<string> muted, DateTimeOffset now)
    {
        var kinds = string.Join(' ', muted.Where(k => k.Length > 0 && !k.Contains(' ', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (kinds.Length > MutedMax)
        {
            throw new ArgumentException("Too many kinds to mute.", nameof(muted));
        }
        (Immediate, Digest, Muted, UpdatedAt) = (immediate, digest, kinds, now);
    }

    /// <summary>Stops e-mail about one kind (the unsubscribe link of that kind's e-mail).</summary>
    public void Mute(string kind, DateTimeOffset now) => Choose(Immediate, Digest, Muted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(kind), now);

    /// <summary>Stops every e-mail but the ones a person asks for themselves (the "all" unsubscribe link).</summary>
    public void MuteAll(DateTimeOffset now) => Choose(immediate: false, DigestFrequency.Never, Muted.Split(' ', StringSplitOptions.RemoveEmptyEntries), now);

    public void DigestSent(DateTimeOffset now) => LastDigestAt = now;
}

/// <summary>How an item reached a person by e-mail.</summary>
public enum NotificationChannel { Immediate, Digest }

/// <summary>
/// That an item was e-mailed to a person (never what it said): an urgent item is e-mailed once, and
/// the digest marks what is new since the last one. Items are known by a hash of what they are.
/// </summary>
public sealed class SentNotification
{
    public const int KeyLength = 64;

    private SentNotification()
    {
    }

    public Guid Id { get; private init; } = Guid.NewGuid();
    public Guid UserId { get; private init; }
    public string ItemKey { get; private init; } = "";
    public NotificationChannel Channel { get; private init; }
    public DateTimeOffset SentAt { get; private init; }

    public static SentNotification Record(Guid userId, string itemKey, NotificationChannel channel, DateTimeOffset now) =>
        new() { UserId = userId, ItemKey = itemKey, Channel = channel, SentAt = now };
}

internal sealed class NotificationsConfiguration : IEntityTypeConfiguration<NotificationSettings>, IEntityTypeConfiguration<SentNotification>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.Property(s => s.Muted).HasMaxLength(NotificationSettings.MutedMax);
        builder.Property(s => s.UnsubscribeKey).HasMaxLength(48);
        builder.HasIndex(s => s.UnsubscribeKey).IsUnique();
        builder.HasOne<User>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SentNotification> builder)
    {
        builder.Property(s => s.ItemKey).HasMaxLength(SentNotification.KeyLength);
        builder.HasIndex(s => new { s.UserId, s.ItemKey });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
