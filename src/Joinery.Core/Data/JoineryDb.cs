using System.Linq.Expressions;
using System.Reflection;
using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;

namespace Joinery.Core.Data;

/// <summary>
/// The data layer. Two things happen here for every feature, so no feature has to remember them:
/// rows that belong to a partnership are filtered by the current person's partnerships, and every
/// change to an audited entity is written to the hash-chained audit trail in the same transaction.
/// </summary>
public sealed class JoineryDb(DbContextOptions<JoineryDb> options, Tenancy tenancy, TimeProvider clock, IMemoryCache cache)
    : IdentityUserContext<User, Guid>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnerOrganization> PartnerOrganizations => Set<PartnerOrganization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PhaseChange> PhaseChanges => Set<PhaseChange>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    private readonly List<AuditEntry> _pendingAudit = [];

    public Tenancy Tenancy => tenancy;

    /// <summary>Views shared by every member of a partnership, cached under <see cref="PartnershipVersions"/> (decision 0005).</summary>
    public IMemoryCache Cache => cache;
    public TimeProvider Clock => clock;

    /// <summary>
    /// Whether the current person may see the partnership. Members are answered from the
    /// partnerships the request was signed in with, without a round trip; the CLI and site
    /// administration, which see every partnership, ask whether it exists.
    /// </summary>
    public async Task<bool> CanSeePartnershipAsync(Guid partnershipId, CancellationToken cancellationToken = default) =>
        tenancy.Unrestricted ? await Partnerships.AnyAsync(p => p.Id == partnershipId, cancellationToken) : tenancy.CanSee(partnershipId);
    public DateTimeOffset Now => Truncate(_actingAt ?? clock.GetUtcNow());

    private DateTimeOffset? _actingAt;

    /// <summary>
    /// The demo only (<see cref="Demo.DemoActor"/>): the changes of this scope happen at
    /// <paramref name="moment"/>, in the demo's past, so the use cases themselves write a history
    /// that reads as lived. Internal to Core: no door can move a real change in time.
    /// </summary>
    internal void ActAt(DateTimeOffset moment) => _actingAt = moment;

    /// <summary>Adds an explicit audit entry (sign-ins, views, decisions) to be saved with the next SaveChanges.</summary>
    public void Audit(string action, string entityType = "", string entityId = "", Guid? partnershipId = null,
        string detail = "", Guid? userId = null, Guid? organizationId = null) =>
        _pendingAudit.Add(NewEntry(action, entityType, entityId, partnershipId, detail, userId, organizationId));

    /// <summary>An entry by the current person unless another is named.</summary>
    private AuditEntry NewEntry(string action, string entityType = "", string entityId = "", Guid? partnershipId = null,
        string detail = "", Guid? userId = null, Guid? organizationId = null) =>
        new()
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            PartnershipId = partnershipId,
            Detail = detail.Length > AuditEntry.DetailMax ? detail[..AuditEntry.DetailMax] : detail,
            UserId = userId ?? tenancy.UserId,
            OrganizationId = organizationId ?? tenancy.OrganizationId,
            Door = tenancy.Door,
        };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var enumType in typeof(JoineryDb).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        }
        if (Database.IsSqlite())
        {
            // SQLite has no date type; fixed-width UTC text keeps the column readable and sortable.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>().HaveMaxLength(33);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JoineryDb).Assembly);

        builder.Entity<Partnership>().HasQueryFilter(p => tenancy.Unrestricted || tenancy.PartnershipIds.Contains(p.Id));
        var filter = typeof(JoineryDb).GetMethod(nameof(FilterByPartnership), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Select(e => e.ClrType)
                     .Where(t => typeof(IPartnershipOwned).IsAssignableFrom(t)).ToList())
        {
            filter.MakeGenericMethod(type).Invoke(this, [builder]);
        }

        SnakeCaseNames.Apply(builder);
    }

    private void FilterByPartnership<T>(ModelBuilder builder) where T : class, IPartnershipOwned
    {
        Expression<Func<T, bool>> visible = e => tenancy.Unrestricted || tenancy.PartnershipIds.Contains(e.PartnershipId);
        builder.Entity<T>().HasQueryFilter(visible);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        GuardWrites();
        var touched = TouchedPartnerships();
        var guarded = TouchedPartnerships(exceptRemovedMemberships: true);
        touched.UnionWith(await PartnershipsOfChangedPeopleAsync(cancellationToken));
        var saved = await SaveAndAuditAsync(guarded, acceptAllChangesOnSuccess, cancellationToken);
        foreach (var id in touched)
        {
            PartnershipVersions.Changed(id);
        }
        return saved;
    }

    /// <summary>
    /// An archived partnership is read-only for every door; the archiving itself is the last change
    /// (the stored row is not archived yet). Removing a membership stays possible: it only takes
    /// access away from someone who left.
    /// </summary>
    private async Task RefuseArchivedAsync(HashSet<Guid> guarded, CancellationToken cancellationToken)
    {
        if (guarded.Count > 0 && await Partnerships.IgnoreQueryFilters().AsNoTracking()
                .AnyAsync(p => guarded.Contains(p.Id) && p.ArchivedAt != null, cancellationToken))
        {
            throw new PartnershipArchivedException();
        }
    }


    /// <summary>The partnerships whose rows this save changes; <paramref name="exceptRemovedMemberships"/> for the archive check.</summary>
    private HashSet<Guid> TouchedPartnerships(bool exceptRemovedMemberships = false) => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Where(e => !(exceptRemovedMemberships && e.Entity is Membership && e.State == EntityState.Deleted))
        .Select(e => e.Entity switch { IPartnershipOwned owned => owned.PartnershipId, Partnership p => p.Id, _ => Guid.Empty })
        .Where(id => id != Guid.Empty)
        .ToHashSet();

    /// <summary>A person's name or an organization's name shows in every partnership they belong to.</summary>
    private async Task<List<Guid>> PartnershipsOfChangedPeopleAsync(CancellationToken cancellationToken)
    {
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Modified or EntityState.Deleted).Select(e => e.Entity).ToList();
        var users = changed.OfType<User>().Select(u => u.Id).ToList();
        var organizations = changed.OfType<Organization>().Select(o => o.Id).ToList();
        if (users.Count == 0 && organizations.Count == 0)
        {
            return [];
        }
        var viaMembers = users.Count == 0 ? [] : await Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => users.Contains(m.UserId)).Select(m => m.PartnershipId).ToListAsync(cancellationToken);
        var viaPartners = organizations.Count == 0 ? [] : await PartnerOrganizations.IgnoreQueryFilters().AsNoTracking()
            .Where(p => organizations.Contains(p.OrganizationId)).Select(p => p.PartnershipId).ToListAsync(cancellationToken);
        return [.. viaMembers, .. viaPartners];
    }

    private async Task<int> SaveAndAuditAsync(HashSet<Guid> guarded, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {

        // Entries for entity changes are derived afresh on every attempt, so a save retried after a
        // failure records each change once; explicit entries stay pending until a save succeeds.
        var pending = _pendingAudit.Concat(RecordChanges()).ToList();
        // A write to a partnership takes the head lock even without entries (an anonymous post), so
        // the archive check below still runs under it.
        if (pending.Count == 0 && guarded.Count == 0)
        {
            await RefuseArchivedAsync(guarded, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // Touching the head row first takes the write lock (SQLite) or row lock (PostgreSQL),
            // so concurrent writers, in this process or another, extend the chain one at a time.
            await Database.ExecuteSqlRawAsync("UPDATE audit_heads SET last_id = last_id WHERE id = 1", cancellationToken);
            var head = await AuditHeads.SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
            await Entry(head).ReloadAsync(cancellationToken);
            // Checked under the lock, so a write cannot slip in after an archive that commits first.
            await RefuseArchivedAsync(guarded, cancellationToken);
            var now = Now;
            foreach (var entry in pending)
            {
                entry.Id = ++head.LastId;
                entry.At = now;
                entry.PreviousHash = head.LastHash;
                entry.Hash = entry.ComputeHash();
                head.LastHash = entry.Hash;
            }
            AuditEntries.AddRange(pending);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            _pendingAudit.Clear();
            return written;
        }
        catch
        {
            // Nothing was saved: the entries go back to pending so a retry records them once.
            foreach (var entry in pending)
            {
                Entry(entry).State = EntityState.Detached;
            }
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>The audit trail is append-only for everyone, the CLI included; a write to a partnership the
    /// current person cannot see is a bug in the calling code. Stop both here.</summary>
    private void GuardWrites()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.Entity is AuditEntry)
            {
                throw new InvalidOperationException("The audit trail is append-only.");
            }
            if (tenancy.Unrestricted)
            {
                continue;
            }
            var partnershipId = entry.Entity switch
            {
                IPartnershipOwned owned => owned.PartnershipId,
                Partnership p when entry.State != EntityState.Added => p.Id,
                _ => (Guid?)null,
            };
            if (partnershipId is { } id && !tenancy.CanSee(id))
            {
                throw new InvalidOperationException($"Refused a write to partnership {id} outside the current tenancy.");
            }
        }
    }

    private List<AuditEntry> RecordChanges()
    {
        var entries = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries<IAudited>()
                     .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var verb = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Deleted => "deleted",
                _ => "updated",
            };
            var detail = entry.State == EntityState.Modified ? ChangedFields(entry) : "";
            if (entry.State == EntityState.Modified && detail.Length == 0)
            {
                continue;
            }
            // Even without a person, an entry's time and place in the chain would follow the
            // writer's own entries (their sign-in); an anonymous creation is not recorded at all.
            if (entry.State == EntityState.Added && entry.Entity is IAnonymousCreation { IsAnonymous: true })
            {
                continue;
            }
            var type = EnumText.Kebab(entry.Entity.GetType().Name);
            entries.Add(NewEntry($"{type}.{verb}", type, entry.Entity.Id.ToString(), PartnershipOf(entry.Entity), detail));
        }
        return entries;
    }

    private static Guid? PartnershipOf(IAudited entity) => entity switch
    {
        Partnership p => p.Id,
        IPartnershipOwned owned => owned.PartnershipId,
        _ => null,
    };

    /// <summary>Names of the fields that changed (never their values: they may be about a person).</summary>
    private static string ChangedFields(EntityEntry entry) => string.Join(",",
        entry.Properties
            .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && p.Metadata.Name is not "ConcurrencyStamp")
            .Select(p => p.Metadata.Name));

    /// <summary>Both databases keep the same precision: whole milliseconds, UTC.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
