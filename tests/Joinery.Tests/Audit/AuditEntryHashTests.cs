using Joinery.Core.Audit;
using Joinery.Core.Common;

namespace Joinery.Tests.Audit;

public class AuditEntryHashTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);
    private static readonly Guid UserId = new("6f9c2c1e-0c1f-4f7e-9d7e-5f0b8a9d1c11");
    private static readonly Guid OrganizationId = new("0b4a8d0e-2d5b-4c1a-8a44-0d7f9e3c2b22");
    private static readonly Guid PartnershipId = new("c3d1e2f4-5a6b-4c7d-8e9f-0a1b2c3d4e33");

    private static AuditEntry Entry(long id = 7, DateTimeOffset? at = null, Guid? userId = null, Guid? organizationId = null,
        Guid? partnershipId = null, string action = "membership.created", string entityType = "membership",
        string entityId = "e1b4", Door door = Door.Web, string detail = "Role,Level", string previousHash = "ab12") =>
        new()
        {
            Id = id,
            At = at ?? At,
            UserId = userId ?? UserId,
            OrganizationId = organizationId ?? OrganizationId,
            PartnershipId = partnershipId ?? PartnershipId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Door = door,
            Detail = detail,
            PreviousHash = previousHash,
        };

    [Fact]
    public void Hash_is_sha256_hex_and_the_same_for_the_same_entry()
    {
        var hash = Entry().ComputeHash();

        hash.ShouldMatch("^[0-9a-f]{64}$");
        Entry().ComputeHash().ShouldBe(hash);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("at")]
    [InlineData("user")]
    [InlineData("organization")]
    [InlineData("partnership")]
    [InlineData("action")]
    [InlineData("entity type")]
    [InlineData("entity id")]
    [InlineData("door")]
    [InlineData("detail")]
    [InlineData("previous hash")]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var changed = field switch
        {
            "id" => Entry(id: 8),
            "at" => Entry(at: At.AddTicks(1)),
            "user" => Entry(userId: Guid.NewGuid()),
            "organization" => Entry(organizationId: Guid.NewGuid()),
            "partnership" => Entry(partnershipId: Guid.NewGuid()),
            "action" => Entry(action: "membership.deleted"),
            "entity type" => Entry(entityType: "invitation"),
            "entity id" => Entry(entityId: "e1b5"),
            "door" => Entry(door: Door.Cli),
            "detail" => Entry(detail: "Role"),
            "previous hash" => Entry(previousHash: "ab13"),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        changed.ComputeHash().ShouldNotBe(Entry().ComputeHash());
    }

    [Fact]
    public void Removing_the_user_changes_the_hash()
    {
        var anonymous = new AuditEntry { Id = 7, At = At, Action = "membership.created", EntityType = "membership", EntityId = "e1b4", Detail = "Role,Level", PreviousHash = "ab12", OrganizationId = OrganizationId, PartnershipId = PartnershipId };

        anonymous.ComputeHash().ShouldNotBe(Entry().ComputeHash());
    }

    [Fact]
    public void Moving_text_from_one_field_to_the_next_changes_the_hash()
    {
        Entry(action: "sign-in", entityType: "user").ComputeHash()
            .ShouldNotBe(Entry(action: "sign-inuser", entityType: "").ComputeHash());
    }

    [Fact]
    public void The_same_moment_in_another_time_zone_hashes_the_same()
    {
        Entry(at: At.ToOffset(TimeSpan.FromHours(-5))).ComputeHash().ShouldBe(Entry().ComputeHash());
    }

    [Fact]
    public void The_stored_hash_is_not_part_of_what_is_hashed()
    {
        var entry = Entry();
        var before = entry.ComputeHash();

        entry.Hash = "anything";

        entry.ComputeHash().ShouldBe(before);
    }
}
