using Joinery.Core.Data;
using Joinery.Core.Meetings;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Platform;

/// <summary>
/// The "nothing written" snapshot (<see cref="JoineryApp.SnapshotAsync"/>) that so many tests lean
/// on must see a write the audit trail does not record, or those tests cannot fail.
/// </summary>
public sealed class SnapshotTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task The_snapshot_sees_a_row_added_to_and_a_row_changed_in_a_table_the_audit_does_not_cover()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        var meeting = await app.ActingAsAsync(p.Steward, async services =>
        {
            var created = await services.GetRequiredService<MeetingsWork>().CreateMeetingAsync(p.Id, new MeetingInput("Kick-off", "2026-01-05", "face-to-face", null, ""));
            created.Succeeded.ShouldBeTrue(created.FirstError);
            return created.Value;
        });
        var table = await app.ReadAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(MeetingAttendance))!.GetTableName()!));
        var before = await app.SnapshotAsync();

        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<JoineryDb>();
            db.Add(new MeetingAttendance { PartnershipId = p.Id, MeetingId = meeting, UserId = p.Steward.UserId });
            await db.SaveChangesAsync();
        });
        var added = await app.SnapshotAsync();
        await app.ReadAsync(db => db.Set<MeetingAttendance>().Where(a => a.MeetingId == meeting)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.UserId, p.First(MemberRole.Planner).UserId)));
        var changed = await app.SnapshotAsync();

        Line(added, "audit").ShouldBe(Line(before, "audit"), "attendance is not audited: only the table's own line can see it");
        Line(before, table).ShouldStartWith($"{table} 0 ");
        Line(added, table).ShouldStartWith($"{table} 1 ");
        Line(changed, table).ShouldStartWith($"{table} 1 ");
        Line(changed, table).ShouldNotBe(Line(added, table), "a changed row changes the table's digest");
        added.ShouldNotBe(before);
        changed.ShouldNotBe(added);
    }

    private static string Line(string snapshot, string start) => snapshot.Split('\n').Single(l => l.StartsWith(start + " ", StringComparison.Ordinal));
}
