using Joinery.Core.Data;
using Joinery.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Trust;

/// <summary>
/// Step 6, trust: face-to-face time at every level, read from the meetings of step 3 (see
/// <see cref="FaceToFace"/> for what counts). The pulse survey is <see cref="PulseWork"/>.
/// </summary>
public sealed class TrustWork(JoineryDb db)
{
    private DateOnly Today => DateOnly.FromDateTime(db.Now.UtcDateTime);

    /// <summary>Face-to-face time by partner and level, across partners by level, and over time; null when the partnership is not the caller's.</summary>
    public async Task<FaceToFaceView?> FaceToFaceAsync(Guid partnershipId, ContactPeriod by = ContactPeriod.Month, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var partners = await db.PartnerOrganizations.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Organization!.Name).Select(p => new { p.OrganizationId, p.Organization!.Name }).ToListAsync(cancellationToken);
        var (meetings, attendees) = await ContactsAsync(partnershipId, cancellationToken);
        return FaceToFace.Compute(meetings, attendees, partners.Select(p => (p.OrganizationId, p.Name)).ToList(), Today, by);
    }

    /// <summary>
    /// For the health view: the date of the last in-person meeting (face to face or hybrid) where
    /// managers or frontline staff of at least two partners were present; null when there has been none.
    /// Compare with <see cref="FaceToFace.RecentDays"/>.
    /// </summary>
    public async Task<DateOnly?> LastCrossPartnerContactBelowExecutiveAsync(Guid partnershipId, CancellationToken cancellationToken = default) =>
        (await FaceToFaceAsync(partnershipId, ContactPeriod.Month, cancellationToken))?.LastCrossPartnerBelowExecutive;

    private async Task<(List<ContactMeeting>, List<ContactAttendee>)> ContactsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var meetings = await (from m in db.Set<Meeting>().AsNoTracking()
                              join s in db.Set<MeetingSeries>() on m.SeriesId equals s.Id into series
                              from s in series.DefaultIfEmpty()
                              where m.PartnershipId == partnershipId
                              select new ContactMeeting(m.Id, m.Date, m.Format, s == null ? null : (int?)s.DurationMinutes))
            .ToListAsync(cancellationToken);
        // Level as the member's level today, as the meetings pages show attendance.
        var attendees = await (from a in db.Set<MeetingAttendance>().AsNoTracking()
                               join mem in db.Memberships on new { a.UserId, a.PartnershipId } equals new { mem.UserId, mem.PartnershipId }
                               join u in db.Users on a.UserId equals u.Id
                               where a.PartnershipId == partnershipId
                               select new ContactAttendee(a.MeetingId, u.OrganizationId, mem.Level))
            .ToListAsync(cancellationToken);
        return (meetings, attendees);
    }
}
