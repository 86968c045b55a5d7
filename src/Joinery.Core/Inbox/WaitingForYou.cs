using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Inbox;

/// <summary>
/// Something that waits for one person: what (<paramref name="Kind"/>, <paramref name="Title"/>),
/// why it is theirs (<paramref name="Why"/>), where to act (<paramref name="Link"/>) and since when.
/// It names no person served and carries no health information.
/// </summary>
public sealed record InboxItem(string Kind, Guid PartnershipId, string Title, string Why, string Link, DateTimeOffset Since);

/// <summary>
/// A kind of inbox item: its code (the API's <c>kind</c>), how people name it (on the notification
/// settings and in e-mails) and whether it is urgent: urgent items are e-mailed at once, the others
/// wait for the person's digest.
/// </summary>
public sealed record InboxKind(string Code, string Label, bool Urgent);

/// <summary>One of the person's memberships in a partnership that is not archived.</summary>
public sealed record InboxMembership(Guid PartnershipId, string PartnershipName, MemberRole Role, MemberLevel Level, bool IsChampion);

/// <summary>The person whose inbox is asked for, with the partnerships they belong to.</summary>
public sealed record InboxPerson(Guid UserId, Guid OrganizationId, IReadOnlyList<InboxMembership> Memberships)
{
    public IReadOnlyList<Guid> PartnershipIds => Memberships.Select(m => m.PartnershipId).ToList();

    public InboxMembership In(Guid partnershipId) => Memberships.Single(m => m.PartnershipId == partnershipId);
}

/// <summary>
/// A feature's items for the inbox: what waits for this person among its own records. Registered by
/// the feature (<c>services.AddInbox&lt;T&gt;()</c>); <see cref="WaitingForYou"/> enumerates what is
/// registered and knows no feature.
/// </summary>
public interface IInboxContribution
{
    /// <summary>The kind of every item this contribution gives.</summary>
    InboxKind Kind { get; }

    Task<IEnumerable<InboxItem>> ItemsAsync(InboxPerson person, CancellationToken cancellationToken);
}

public static class InboxRegistration
{
    public static IServiceCollection AddInbox<T>(this IServiceCollection services) where T : class, IInboxContribution =>
        services.AddScoped<IInboxContribution, T>();
}

/// <summary>
/// What waits for the signed-in person across their partnerships, oldest first; done items are simply
/// no longer there. Worked out once per request (scope): the navigation's count, the home page and the
/// overview share it.
/// </summary>
public sealed class WaitingForYou(JoineryDb db, ShowMyInvitations invitations, IEnumerable<IInboxContribution> contributions)
{
    private Task<IReadOnlyList<InboxItem>>? _computed;

    /// <summary>Every kind of item the features contribute, in registration order.</summary>
    public IReadOnlyList<InboxKind> Kinds { get; } = contributions.Select(c => c.Kind).ToList();

    public Task<IReadOnlyList<InboxItem>> RunAsync(CancellationToken cancellationToken = default) => _computed ??= ComputeAsync(cancellationToken);

    private async Task<IReadOnlyList<InboxItem>> ComputeAsync(CancellationToken cancellationToken)
    {
        if (db.Tenancy is not { UserId: { } userId, OrganizationId: { } organizationId })
        {
            return [];
        }
        var memberships = await db.Memberships
            .Where(m => m.UserId == userId)
            .Join(db.Partnerships.Where(p => p.ArchivedAt == null), m => m.PartnershipId, p => p.Id,
                (m, p) => new InboxMembership(p.Id, p.Name, m.Role, m.Level, m.IsChampion))
            .ToListAsync(cancellationToken);
        var person = new InboxPerson(userId, organizationId, memberships);
        var items = new List<InboxItem>();
        foreach (var contribution in contributions)
        {
            // One after the other: the contributions share the request's data context.
            items.AddRange(await contribution.ItemsAsync(person, cancellationToken));
        }
        // A safety net under every contribution: an item is about a partnership the person belongs to,
        // or one that invited them (which is all they may learn of it).
        var invited = (await invitations.RunAsync(cancellationToken)).Select(i => i.PartnershipId);
        var theirs = person.PartnershipIds.Concat(invited).ToHashSet();
        return items.Where(i => theirs.Contains(i.PartnershipId)).OrderBy(i => i.Since).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
    }
}
