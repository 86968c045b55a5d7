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
public class AuditChainTests : IAsyncLifetime
{
    private CoreHost _host = null!;
    private Guid _partnershipId;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        await using var scope = _host.Scope();
        var services = scope.ServiceProvider;
        await services.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        await services.OrganizationAsync("Eastside Health Center", "primary-care");
        await services.UserAsync("dana@riverbend.example", "Dana Whitfield", "Riverbend Behavioral Health");
        _partnershipId = await services.PartnershipAsync("Whole Health", "Riverbend Behavioral Health", "Eastside Health Center");
        await services.MemberAsync(_partnershipId, "dana@riverbend.example", "steward", "executive", champion: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<JoineryDb>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = _host.Scope();
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
        // Seven changes in five saves; within one save the order of entries is the change tracker's.
        entries.Select(e => e.Action).ShouldBe(
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
        entries.ShouldAllBe(e => e.Door == Door.Cli);
        entries.Where(e => e.Action.StartsWith("partner")).ShouldAllBe(e => e.PartnershipId == _partnershipId);
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
            var organization = await db.Organizations.SingleAsync(o => o.Name == "Eastside Health Center");
            var outcome = await scope.ServiceProvider.GetRequiredService<UpdateOrganizationProfile>().RunAsync(organization.Id,
                new OrganizationInput("Eastside Health Center", "primary-care", "Care for every Eastside family.", ""));
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
            db.Organizations.Add(new Organization { Name = "Eastside Health Center", Kind = OrganizationKind.Other, CreatedAt = db.Now });

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
            var duplicate = new Organization { Name = "Eastside Health Center", Kind = OrganizationKind.Other, CreatedAt = db.Now };
            db.Organizations.Add(duplicate);
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

            duplicate.Name = "Northside Clinic";
            await db.SaveChangesAsync();
        }

        var added = (await EntriesAsync()).Skip(before.Count).ToList();
        added.Select(e => e.Action).ShouldBe(["organization.created"]);
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain_with_its_length()
    {
        var result = await VerifyAsync();

        result.Intact.ShouldBeTrue();
        result.Checked.ShouldBe(7);
        result.FirstBrokenId.ShouldBeNull();
        result.Message.ShouldBe("Audit trail intact: 7 entries.");
    }

    [Fact]
    public async Task Verify_finds_a_row_altered_in_the_database()
    {
        await SqlAsync("UPDATE audit_entries SET detail = 'Name' WHERE id = 4");

        var result = await VerifyAsync();

        result.Intact.ShouldBeFalse();
        result.FirstBrokenId.ShouldBe(4);
        result.Message.ShouldBe("Entry 4 was altered after it was written.");
    }

    [Fact]
    public async Task Verify_finds_an_altered_row_whose_hash_was_recomputed_at_the_next_link()
    {
        var original = (await EntriesAsync()).Single(e => e.Id == 4);
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
        await SqlAsync($"UPDATE audit_entries SET action = 'partnership.deleted', hash = '{forged.ComputeHash()}' WHERE id = 4");

        var result = await VerifyAsync();

        result.Intact.ShouldBeFalse();
        result.FirstBrokenId.ShouldBe(5);
        result.Message.ShouldBe("Entry 5 does not link to the entry before it.");
    }

    [Fact]
    public async Task Verify_finds_a_deleted_middle_row()
    {
        await SqlAsync("DELETE FROM audit_entries WHERE id = 3");

        var result = await VerifyAsync();

        result.Intact.ShouldBeFalse();
        result.FirstBrokenId.ShouldBe(3);
        result.Message.ShouldBe("Entry 3 is missing (next entry is 4).");
    }

    [Fact]
    public async Task Verify_finds_a_deleted_last_row()
    {
        await SqlAsync("DELETE FROM audit_entries WHERE id = 7");

        var result = await VerifyAsync();

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
                var outcome = await create.RunAsync(new OrganizationInput($"{prefix} clinic {i}", "other"));
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
            var entry = await db.AuditEntries.SingleAsync(a => a.Id == 2);
            entry.Hash = new string('0', 64);

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            refused.Message.ShouldBe("The audit trail is append-only.");
        }

        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_deleted_through_the_data_context()
    {
        await using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == 7));

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            refused.Message.ShouldBe("The audit trail is append-only.");
        }

        (await EntriesAsync()).Count.ShouldBe(7);
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_changed_by_a_signed_in_person_either()
    {
        var (userId, organizationId) = await DanaAsync();
        await using var scope = _host.ScopeAs(userId, organizationId, _partnershipId);
        var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Id == 7);
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
            otherPartnershipId = await scope.ServiceProvider.PartnershipAsync("Another Partnership", "Riverbend Behavioral Health", "Eastside Health Center");
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
            otherPartnershipId = await scope.ServiceProvider.PartnershipAsync("Another Partnership", "Riverbend Behavioral Health", "Eastside Health Center");
        }
        await using var restricted = _host.ScopeAs(userId, organizationId, _partnershipId);
        var db = restricted.ServiceProvider.GetRequiredService<JoineryDb>();
        (await db.Partnerships.AnyAsync(p => p.Id == otherPartnershipId)).ShouldBeFalse();
        var attached = db.Partnerships.Attach(new Partnership { Id = otherPartnershipId, Name = "Another Partnership" });
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
            partnership.Name = "Whole Health Together";
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
        var dana = await scope.ServiceProvider.GetRequiredService<JoineryDb>().Users.SingleAsync(u => u.Email == "dana@riverbend.example");
        return (dana.Id, dana.OrganizationId);
    }
}
