using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using static Joinery.Core.Demo.DemoCast;

namespace Joinery.Core.Mission;

/// <summary>Step 1: two versions (the second after frontline comments), endorsed by both CEOs, read by most, communicated.</summary>
public sealed class MissionDemo(JoineryDb db) : IDemoContribution
{
    public async Task SeedAsync(DemoPartnership demo, CancellationToken cancellationToken)
    {
        var partnershipId = demo.PartnershipId;
        if (await db.Set<MissionVersion>().AnyAsync(v => v.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = demo.Users;
        User U(int i) => users[People[i].Email];
        var first = new MissionVersion
        {
            PartnershipId = partnershipId,
            Number = 1,
            AuthorUserId = U(2).Id,
            CreatedAt = db.Now.AddDays(-30),
            Vision = "Everyone in Riverbend and Eastside gets care for body and mind in one place.",
            Mission = "Together we offer integrated behavioral health and primary care to adults with serious mental illness.",
        };
        var second = new MissionVersion
        {
            PartnershipId = partnershipId,
            Number = 2,
            AuthorUserId = U(8).Id,
            CreatedAt = db.Now.AddDays(-21),
            ChangeNote = "Wording from the frontline huddles: 'people we serve', and substance use named.",
            Vision = "Everyone in Riverbend and Eastside gets care for body and mind, from people who know each other, in one place.",
            Mission = "Together we offer integrated behavioral health and primary care to the people we serve who live with serious mental illness or substance use disorders, so that they live longer, healthier lives.",
            PublishedAt = db.Now.AddDays(-14),
        };
        db.Set<MissionVersion>().AddRange(first, second);
        db.Set<MissionComment>().AddRange(
            new MissionComment
            {
                PartnershipId = partnershipId,
                VersionId = first.Id,
                UserId = U(10).Id,
                OrganizationId = U(10).OrganizationId,
                Level = MemberLevel.Frontline,
                Text = "At the front desk we say 'patients', at Riverbend they say 'clients'. Could the mission say 'the people we serve'?",
                CreatedAt = db.Now.AddDays(-28)
            },
            new MissionComment
            {
                PartnershipId = partnershipId,
                VersionId = first.Id,
                UserId = U(4).Id,
                OrganizationId = U(4).OrganizationId,
                Level = MemberLevel.Frontline,
                Text = "Half of the people I coordinate also have a substance use disorder; please name it.",
                CreatedAt = db.Now.AddDays(-27)
            });
        db.Set<MissionEndorsement>().AddRange(
            new MissionEndorsement { PartnershipId = partnershipId, VersionId = second.Id, OrganizationId = U(0).OrganizationId, UserId = U(0).Id, EndorsedAt = db.Now.AddDays(-16) },
            new MissionEndorsement { PartnershipId = partnershipId, VersionId = second.Id, OrganizationId = U(6).OrganizationId, UserId = U(6).Id, EndorsedAt = db.Now.AddDays(-14) });
        foreach (var i in new[] { 0, 1, 2, 4, 6, 7, 8, 10 })
        {
            db.Set<MissionAcknowledgement>().Add(new MissionAcknowledgement { PartnershipId = partnershipId, VersionId = second.Id, UserId = U(i).Id, AcknowledgedAt = db.Now.AddDays(-13 + i) });
        }
        db.Set<MissionCommunication>().AddRange(
            new MissionCommunication
            {
                PartnershipId = partnershipId,
                Channel = CommunicationChannel.AllStaffMeeting,
                On = DateOnly.FromDateTime(db.Now.AddDays(-12).UtcDateTime),
                Audience = "All Eastside staff",
                Note = "Grace read it out and took questions.",
                RecordedByUserId = U(6).Id,
                RecordedAt = db.Now.AddDays(-12)
            },
            new MissionCommunication
            {
                PartnershipId = partnershipId,
                Channel = CommunicationChannel.Newsletter,
                On = DateOnly.FromDateTime(db.Now.AddDays(-10).UtcDateTime),
                Audience = "Riverbend staff newsletter",
                RecordedByUserId = U(2).Id,
                RecordedAt = db.Now.AddDays(-10)
            },
            new MissionCommunication
            {
                PartnershipId = partnershipId,
                Channel = CommunicationChannel.Huddle,
                On = DateOnly.FromDateTime(db.Now.AddDays(-7).UtcDateTime),
                Audience = "Eastside morning huddle, nurses and front desk",
                Note = "Jamal explained what changes at intake.",
                RecordedByUserId = U(10).Id,
                RecordedAt = db.Now.AddDays(-7)
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
