using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Audit;

/// <summary>The hash-chained audit trail on a real database (SQLite or PostgreSQL, as selected).</summary>
/// <remarks>
/// The cases that keep the chain intact share one database: each arranges its own organizations,
/// person and partnership under a unique suffix (seven entries, right after those already there), and
/// asserts on those entries or on the whole chain. The cases that tamper with the chain break it for
/// every case after them, so each of those has a database of its own.
/// </remarks>
public class AuditChainTests(SharedCoreHost shared) : IClassFixture<SharedCoreHost>, IAsyncLifetime
{
    private readonly CoreHost _host = shared.Host;
    private readonly string _n = shared.Host.Unique();
    private long _before;
    private Guid _partnershipId;

    private string Riverbend => $"Riverbend Behavioral Health {_n}";

    private string Eastside => $"Eastside Health Center {_n}";

    private string Dana => $"dana{_n}@riverbend.example";

    public async Task InitializeAsync()
    {
        _before = (await EntriesAsync(_host)).LastOrDefault()?.Id ?? 0;
        _partnershipId = await ArrangeAsync(_host, _n);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Two organizations, a person, their partnership and the person's membership: seven audited changes in five saves.</summary>
    private static async Task<Guid> ArrangeAsync(CoreHost host, string n)
    {
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        await services.OrganizationAsync($"Riverbend Behavioral Health {n}", "behavioral-health");
        await services.OrganizationAsync($"Eastside Health Center {n}", "primary-care");
        await services.UserAsync($"dana{n}@riverbend.example", "Dana Whitfield", $"Riverbend Behavioral Health {n}");
        var partnershipId = await services.PartnershipAsync($"Whole Health {n}", $"Riverbend Behavioral Health {n}", $"Eastside Health Center {n}");
        await services.MemberAsync(partnershipId, $"dana{n}@riverbend.example", "steward", "executive", champion: true);
        return partnershipId;
    }

    /// <summary>A new database holding only the seven arranged entries (ids 1 to 7), for a case that breaks the chain.</summary>
    private static async Task<CoreHost> OwnChainAsync()
    {
        var host = await CoreHost.StartAsync();
        await ArrangeAsync(host, host.Unique());
        return host;
    }

    /// <summary>The id of the <paramref name="nth"/> entry this case's arrangement wrote.</summary>
    private long Arranged(int nth) => _before + nth;

    private Task<List<AuditEntry>> EntriesAsync() => EntriesAsync(_host);

    private static async Task<List<AuditEntry>> EntriesAsync(CoreHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<JoineryDb>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    private Task<AuditVerification> VerifyAsync() => VerifyAsync(_host);

    private static async Task<AuditVerification> VerifyAsync(CoreHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
    }

    private static async Task SqlAsync(CoreHost host, string sql)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<JoineryDb>().Database.ExecuteSqlRawAsync(sql);
    }

    private static void ShouldBeAnIntactChain(List<AuditEntry> entries)
    {
        entries.Select(e => e.Id).ShouldBe(Enumerable.Range(1, entries.Count).Select(i => (long)i));
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].PreviousHash.ShouldBe(i == 0 ? "" : entries[i - 1].Hash, $"entry {entries[i].Id} links to the one before");
            entries[i].Hash.ShouldBe(entries[i].ComputeHash(), $"entry {entries[i].Id} hashes its own content");
        }
    }

    [Fact]
    public async Task Every_save_of_audited_changes_appends_contiguous_entries_that_link_to_each_other()
    {
        var entries = await EntriesAsync();

        ShouldBeAnIntactChain(entries);
        var arranged = entries.Where(e => e.Id > _before).ToList();
        // Seven changes in five saves; within one save the order of entries is the change tracker's.
        arranged.Select(e => e.Action).ShouldBe(
        [
            "organization.created",
            "organization.created",
            "user.created",
            "partnership.created",
            "partner-organization.created",
            "partner-organization.created",
            "membership.created",
        ], ignoreOrder: true);
        entries[^1].Action.ShouldBe("membership.created");
        arranged.ShouldAllBe(e => e.Door == Door.Cli);
        arranged.Where(e => e.Action.StartsWith("partner")).ShouldAllBe(e => e.PartnershipId == _partnershipId);
    }

    [Fact]
    public async Task The_head_row_points_at_the_last_entry()
    {
        var entries = await EntriesAsync();
        await using var scope = _host.Scope();

        var head = await scope.ServiceProvider.GetRequiredService<JoineryDb>().AuditHeads.AsNoTracking().SingleAsync();

        head.LastId.ShouldBe(entries[^1].Id);
        head.LastHash.ShouldBe(entries[^1].Hash);
    }

    [Fact]
    public async Task A_change_records_which_fields_changed_but_not_their_values()
    {
        await using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var organization = await db.Organizations.SingleAsync(o => o.Name == Eastside);
            var outcome = await scope.ServiceProvider.GetRequiredService<UpdateOrganizationProfile>().RunAsync(organization.Id,
                new OrganizationInput(Eastside, "primary-care", "Care for every Eastside family.", ""));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
        }

        var last = (await EntriesAsync())[^1];

        last.Action.ShouldBe("organization.updated");
        last.Detail.ShouldBe("Mission");
        last.Detail.ShouldNotContain("Eastside family");
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_entry_and_leaves_the_chain_intact()
    {
        var before = await EntriesAsync();
        await using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            db.Organizations.Add(new Organization { Name = Eastside, Kind = OrganizationKind.Other, CreatedAt = db.Now });

            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        (await EntriesAsync()).Count.ShouldBe(before.Count);
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_save_retried_after_a_failure_records_its_changes_once()
    {
        var before = await EntriesAsync();
        await using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var duplicate = new Organization { Name = Eastside, Kind = OrganizationKind.Other, CreatedAt = db.Now };
            db.Organizations.Add(duplicate);
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

            duplicate.Name = $"Northside Clinic {_n}";
            await db.SaveChangesAsync();
        }

        var added = (await EntriesAsync()).Skip(before.Count).ToList();
        added.Select(e => e.Action).ShouldBe(["organization.created"]);
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain_with_its_length()
    {
        var entries = await EntriesAsync();

        var result = await VerifyAsync();

        entries.Count.ShouldBeGreaterThanOrEqualTo(7);
        result.Intact.ShouldBeTrue();
        result.Checked.ShouldBe(entries.Count);
        result.FirstBrokenId.ShouldBeNull();
        result.Message.ShouldBe($"Audit trail intact: {entries.Count} entries.");
    }

    [Fact]
    public async Task Verify_finds_a_row_altered_in_the_database()
    {
        // Tampering breaks the chain for every case after it, so this case has a database of its own.
        await using var own = await OwnChainAsync();
        await SqlAsync(own, "UPDATE audit_entries SET detail = 'Name' WHERE id = 4");

        var result = await VerifyAsync(own);

        result.Intact.ShouldBeFalse();
        result.FirstBrokenId.ShouldBe(4);
        result.Message.ShouldBe("Entry 4 was altered after it was written.");
    }

    [Fact]
    public async Task Verify_finds_an_altered_row_whose_hash_was_recomputed_at_the_next_link()
    {
        // Tampering breaks the chain for every case after it, so this case has a database of its own.
        await using var own = await OwnChainAsync();
        var original = (await EntriesAsync(own)).Single(e => e.Id == 4);
        var forged = new AuditEntry
        {
            Id = original.Id,
            At = original.At,
            UserId = original.UserId,
            OrganizationId = original.OrganizationId,
            PartnershipId = original.PartnershipId,
            Action = "partnership.deleted",
            EntityType = original.EntityType,
            EntityId = original.EntityId,
            Door = original.Door,
            Detail = original.Detail,
            PreviousHash = original.PreviousHash,
        };
        await SqlAsync(own, $"UPDATE audit_entries SET action = 'partnership.deleted', hash = '{forged.ComputeHash()}' WHERE id = 4");

        var result = await VerifyAsync(own);

        result.Intact.ShouldBeFalse();
        result.FirstBrokenId.ShouldBe(5);
        result.Message.ShouldBe("Entry 5 does not link to the entry before it.");
    }

    [Fact]
    public async Task Verify_finds_a_deleted_middle_row()
    {
        // Tampering breaks the chain for every case after it, so this case has a database of its own.
        await using var own = await OwnChainAsync();
        await SqlAsync(own, "DELETE FROM audit_entries WHERE id = 3");

        var result = await VerifyAsync(own);

        result.Intact.ShouldBeFalse();
        result.FirstBrokenId.ShouldBe(3);
        result.Message.ShouldBe("Entry 3 is missing (next entry is 4).");
    }

    [Fact]
    public async Task Verify_finds_a_deleted_last_row()
    {
        // Tampering breaks the chain for every case after it, so this case has a database of its own.
        await using var own = await OwnChainAsync();
        await SqlAsync(own, "DELETE FROM audit_entries WHERE id = 7");

        var result = await VerifyAsync(own);

        result.Intact.ShouldBeFalse();
        result.FirstBrokenId.ShouldBe(7);
        result.Message.ShouldBe("Entries after 6 were removed (the chain ends at 7).");
    }

    [Fact]
    public async Task Concurrent_writers_in_two_contexts_still_produce_one_intact_chain()
    {
        const int PerWriter = 10;
        var before = (await EntriesAsync()).Count;

        async Task WriteAsync(string prefix)
        {
            await using var scope = _host.Scope();
            var create = scope.ServiceProvider.GetRequiredService<CreateOrganization>();
            for (var i = 0; i < PerWriter; i++)
            {
                var outcome = await create.RunAsync(new OrganizationInput($"{prefix} clinic {_n}-{i}", "other"));
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
        }

        await Task.WhenAll(Task.Run(() => WriteAsync("North")), Task.Run(() => WriteAsync("South")));

        var entries = await EntriesAsync();
        entries.Count.ShouldBe(before + 2 * PerWriter);
        ShouldBeAnIntactChain(entries);
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_changed_through_the_data_context()
    {
        await using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var entry = await db.AuditEntries.SingleAsync(a => a.Id == Arranged(2));
            entry.Hash = new string('0', 64);

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            refused.Message.ShouldBe("The audit trail is append-only.");
        }

        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_deleted_through_the_data_context()
    {
        var before = (await EntriesAsync()).Count;
        await using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == Arranged(7)));

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            refused.Message.ShouldBe("The audit trail is append-only.");
        }

        (await EntriesAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_changed_by_a_signed_in_person_either()
    {
        var (userId, organizationId) = await DanaAsync();
        await using var scope = _host.ScopeAs(userId, organizationId, _partnershipId);
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Id == Arranged(7));
        entry.Hash = new string('0', 64);

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_write_to_a_partnership_outside_the_tenancy_is_refused()
    {
        var (userId, organizationId) = await DanaAsync();
        Guid otherPartnershipId;
        await using (var scope = _host.Scope())
        {
            otherPartnershipId = await scope.ServiceProvider.PartnershipAsync($"Another Partnership {_n}", Riverbend, Eastside);
        }
        await using (var scope = _host.ScopeAs(userId, organizationId, _partnershipId))
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            db.Memberships.Add(new Membership
            {
                PartnershipId = otherPartnershipId,
                UserId = userId,
                Role = MemberRole.Steward,
                Level = MemberLevel.Executive,
                JoinedAt = db.Now,
            });

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            refused.Message.ShouldBe($"Refused a write to partnership {otherPartnershipId} outside the current tenancy.");
        }
        await using (var scope = _host.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<JoineryDb>().Memberships.CountAsync(m => m.PartnershipId == otherPartnershipId)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_change_to_a_partnership_outside_the_tenancy_is_refused_even_when_attached_by_hand()
    {
        var (userId, organizationId) = await DanaAsync();
        Guid otherPartnershipId;
        await using (var scope = _host.Scope())
        {
            otherPartnershipId = await scope.ServiceProvider.PartnershipAsync($"Another Partnership {_n}", Riverbend, Eastside);
        }
        await using var restricted = _host.ScopeAs(userId, organizationId, _partnershipId);
        var db = restricted.ServiceProvider.GetRequiredService<JoineryDb>();
        (await db.Partnerships.AnyAsync(p => p.Id == otherPartnershipId)).ShouldBeFalse();
        var attached = db.Partnerships.Attach(new Partnership { Id = otherPartnershipId, Name = $"Another Partnership {_n}" });
        attached.Entity.Name = "Taken Over";

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_write_inside_the_tenancy_is_saved_and_audited_with_the_person()
    {
        var (userId, organizationId) = await DanaAsync();
        await using (var scope = _host.ScopeAs(userId, organizationId, _partnershipId))
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var partnership = await db.Partnerships.SingleAsync(p => p.Id == _partnershipId);
            partnership.Name = $"Whole Health Together {_n}";
            await db.SaveChangesAsync();
        }

        var last = (await EntriesAsync())[^1];
        last.Action.ShouldBe("partnership.updated");
        last.UserId.ShouldBe(userId);
        last.OrganizationId.ShouldBe(organizationId);
        last.PartnershipId.ShouldBe(_partnershipId);
        last.Door.ShouldBe(Door.Web);
        last.Detail.ShouldBe("Name");
    }

    private async Task<(Guid UserId, Guid OrganizationId)> DanaAsync()
    {
        await using var scope = _host.Scope();
        var dana = await scope.ServiceProvider.GetRequiredService<JoineryDb>().Users.SingleAsync(u => u.Email == Dana);
        return (dana.Id, dana.OrganizationId);
    }
}
