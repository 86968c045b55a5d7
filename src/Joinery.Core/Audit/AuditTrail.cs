using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Audit;

/// <summary>Which entries to read, newest first; <paramref name="Before"/> pages back: only entries numbered below it.</summary>
public sealed record AuditFilter(string? Action = null, Guid? UserId = null, Door? Door = null, DateOnly? From = null, DateOnly? To = null, int Limit = 500, long? Before = null);

public sealed record AuditRow(long Id, DateTimeOffset At, Guid? UserId, string? UserName, string? OrganizationName, string Action,
    string EntityType, string EntityId, Door Door, string Detail);

public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenId, string Message);

/// <summary>Reading and checking the audit trail. Writing happens in <see cref="JoineryDb"/>.</summary>
public sealed class AuditTrail(JoineryDb db)
{
    public const int MaxLimit = 10_000;

    /// <summary>A partnership's audit trail, newest first, for its stewards.</summary>
    public async Task<Outcome<List<AuditRow>>> ForPartnershipAsync(Guid partnershipId, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return Outcome<List<AuditRow>>.NotFound("No such partnership.");
        }
        if (!await db.CanStewardAsync(partnershipId, cancellationToken))
        {
            return Outcome<List<AuditRow>>.Forbidden("Only stewards can read the audit trail.");
        }
        if (filter.From is { } f && filter.To is { } t && f > t)
        {
            return Outcome<List<AuditRow>>.Invalid("from", "The start date must be on or before the end date.");
        }
        var query = db.AuditEntries.AsNoTracking().Where(a => a.PartnershipId == partnershipId);
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action.StartsWith(action));
        }
        if (filter.UserId is { } userId)
        {
            query = query.Where(a => a.UserId == userId);
        }
        if (filter.Door is { } door)
        {
            query = query.Where(a => a.Door == door);
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }
        // The last day of the calendar has no day after it: that end of the trail stays open.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }
        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var rows = await (from a in query
                          join u in db.Users on a.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          join o in db.Organizations on a.OrganizationId equals o.Id into orgs
                          from o in orgs.DefaultIfEmpty()
                          orderby a.Id descending
                          select new AuditRow(a.Id, a.At, a.UserId, u == null ? null : u.DisplayName, o == null ? null : o.Name,
                              a.Action, a.EntityType, a.EntityId, a.Door, a.Detail))
            .Take(limit).ToListAsync(cancellationToken);
        return Outcome<List<AuditRow>>.Ok(rows);
    }

    /// <summary>Walks the whole chain and reports the first entry that was altered, removed or inserted out of order.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previousHash = "";
        long expectedId = 1;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Id != expectedId)
            {
                return new AuditVerification(false, count, expectedId, $"Entry {expectedId} is missing (next entry is {entry.Id}).");
            }
            if (entry.PreviousHash != previousHash)
            {
                return new AuditVerification(false, count, entry.Id, $"Entry {entry.Id} does not link to the entry before it.");
            }
            if (entry.ComputeHash() != entry.Hash)
            {
                return new AuditVerification(false, count, entry.Id, $"Entry {entry.Id} was altered after it was written.");
            }
            previousHash = entry.Hash;
            expectedId++;
            count++;
        }
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (head is not null && (head.LastId != count || head.LastHash != previousHash))
        {
            return new AuditVerification(false, count, count + 1, $"Entries after {count} were removed (the chain ends at {head.LastId}).");
        }
        return new AuditVerification(true, count, null, $"Audit trail intact: {count} entries.");
    }
}
