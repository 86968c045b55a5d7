using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Feedback;
using Joinery.Core.Glossary;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Demo;

public sealed record ScaleResult(int Created, int AlreadyThere, string FirstStewardEmail, IReadOnlyList<Guid> PartnershipIds);

/// <summary>
/// Many demo partnerships with realistic volumes, for load tests: two organizations and twelve
/// members each, two years of monthly joint meetings with attendance and action items, a
/// glossary, decisions, a published mission, feedback, two closed pulse rounds, and measures with two years of monthly data.
/// Numbered, so running it again adds only the missing ones. Everything is written through the
/// normal DbContext, so tenancy and the audit trail see it like any other data.
/// </summary>
public sealed class SeedScale(JoineryDb db, IPasswordHasher<User> hasher)
{
    public const string EmailDomain = "scale.example";

    private static readonly (MemberRole Role, MemberLevel Level, int Partner, bool Champion)[] Roster =
    [
        (MemberRole.Steward, MemberLevel.Executive, 0, true), (MemberRole.Planner, MemberLevel.Manager, 0, false),
        (MemberRole.Clinician, MemberLevel.Frontline, 0, true), (MemberRole.Clinician, MemberLevel.Frontline, 0, false),
        (MemberRole.Viewer, MemberLevel.Manager, 0, false), (MemberRole.Clinician, MemberLevel.Manager, 0, false),
        (MemberRole.Steward, MemberLevel.Executive, 1, true), (MemberRole.Planner, MemberLevel.Executive, 1, false),
        (MemberRole.Planner, MemberLevel.Manager, 1, false), (MemberRole.Clinician, MemberLevel.Frontline, 1, true),
        (MemberRole.Clinician, MemberLevel.Frontline, 1, false), (MemberRole.Viewer, MemberLevel.Frontline, 1, false),
    ];

    private static readonly int[] Executives = [0, 6];

    public static string StewardEmail(int number) => $"p{number:D4}.m00@{EmailDomain}";

    public async Task<ScaleResult> RunAsync(int count, CancellationToken cancellationToken = default)
    {
        db.Tenancy.ActAcrossPartnerships();
        var existing = (await db.Partnerships.Where(p => p.Name.StartsWith("Scale partnership ")).Select(p => p.Name).ToListAsync(cancellationToken)).ToHashSet();
        // One hash for every scale account: hashing thousands of passwords would take minutes and prove nothing.
        var passwordHash = hasher.HashPassword(null!, SeedDemo.Password);
        var ids = new List<Guid>();
        var created = 0;
        for (var n = 1; n <= count; n++)
        {
            var name = $"Scale partnership {n:D4}";
            if (existing.Contains(name))
            {
                continue;
            }
            ids.Add(await CreateAsync(n, name, passwordHash, cancellationToken));
            created++;
            db.ChangeTracker.Clear();
        }
        return new ScaleResult(created, count - created, StewardEmail(1), ids);
    }

    private async Task<Guid> CreateAsync(int n, string name, string passwordHash, CancellationToken cancellationToken)
    {
        var now = db.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var orgs = new[]
        {
            new Organization { Name = $"Scale behavioral health {n:D4}", Kind = OrganizationKind.BehavioralHealth, CreatedAt = now.AddYears(-2) },
            new Organization { Name = $"Scale health center {n:D4}", Kind = OrganizationKind.PrimaryCare, CreatedAt = now.AddYears(-2) },
        };
        db.Organizations.AddRange(orgs);
        var partnership = new Partnership { Name = name, Phase = (Phase)(1 + (n % 5)), CreatedAt = now.AddYears(-2) };
        db.Partnerships.Add(partnership);
        db.PartnerOrganizations.AddRange(orgs.Select(o => new PartnerOrganization { PartnershipId = partnership.Id, OrganizationId = o.Id }));

        var users = Roster.Select((r, i) =>
        {
            var email = $"p{n:D4}.m{i:D2}@{EmailDomain}";
            return new User
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"Member {i + 1} of partnership {n}",
                OrganizationId = orgs[r.Partner].Id,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = now.AddYears(-2),
            };
        }).ToList();
        db.Users.AddRange(users);
        db.Memberships.AddRange(Roster.Select((r, i) => new Membership
        {
            PartnershipId = partnership.Id,
            UserId = users[i].Id,
            Role = r.Role,
            Level = r.Level,
            IsChampion = r.Champion,
            ChampionFor = r.Champion ? "Joint work between the clinics" : "",
            JoinedAt = now.AddYears(-2),
        }));

        var mission = new MissionVersion
        {
            PartnershipId = partnership.Id,
            Number = 1,
            Vision = "Body and mind cared for together.",
            Mission = "We give the people we share whole-person care.",
            AuthorUserId = users[0].Id,
            CreatedAt = now.AddMonths(-20),
            PublishedAt = now.AddMonths(-19),
        };
        db.Set<MissionVersion>().Add(mission);
        db.Set<MissionEndorsement>().AddRange(Executives.Select(i => new MissionEndorsement
        {
            PartnershipId = partnership.Id,
            VersionId = mission.Id,
            OrganizationId = users[i].OrganizationId,
            UserId = users[i].Id,
            EndorsedAt = now.AddMonths(-19),
        }));
        db.Set<MissionAcknowledgement>().AddRange(users.Take(9).Select(u => new MissionAcknowledgement
        {
            PartnershipId = partnership.Id,
            VersionId = mission.Id,
            UserId = u.Id,
            AcknowledgedAt = now.AddMonths(-18),
        }));

        db.Set<GlossaryTerm>().AddRange(StarterCrosswalk.Terms.Take(15).Select((pair, i) => new GlossaryTerm
        {
            PartnershipId = partnership.Id,
            Term = pair.Term,
            NormalizedTerm = pair.Term.ToLowerInvariant(),
            Category = pair.Category,
            BehavioralHealthUsage = pair.BehavioralHealthUsage,
            PrimaryCareUsage = pair.PrimaryCareUsage,
            Definition = pair.Definition,
            Status = i % 7 == 6 ? TermStatus.Disputed : TermStatus.Agreed,
            CreatedAt = now.AddMonths(-18),
            UpdatedAt = now.AddMonths(-17),
            StatusChangedAt = now.AddMonths(-17),
        }));

        var series = new MeetingSeries
        {
            PartnershipId = partnership.Id,
            Title = "Joint operations meeting",
            Cadence = Cadence.Monthly,
            FirstDate = today.AddMonths(-24),
            StartTime = new TimeOnly(8, 30),
            Format = MeetingFormat.Hybrid,
            CreatedAt = now.AddMonths(-24),
        };
        db.Set<MeetingSeries>().Add(series);
        for (var m = 0; m < 24; m++)
        {
            var date = today.AddMonths(m - 24);
            var meeting = new Meeting
            {
                PartnershipId = partnership.Id,
                SeriesId = series.Id,
                Title = "Joint operations meeting",
                Date = date,
                Format = (MeetingFormat)(m % 3),
                Agenda = "1. Updates\n2. Measures\n3. Next steps",
                Minutes = "## Notes\n\n- Reviewed the measures.\n- Agreed next steps.",
                CreatedAt = now.AddMonths(m - 24),
            };
            db.Set<Meeting>().Add(meeting);
            db.Set<MeetingAttendance>().AddRange(users.Where((_, i) => (i + m) % 3 != 0).Select(u => new MeetingAttendance
            {
                PartnershipId = partnership.Id,
                MeetingId = meeting.Id,
                UserId = u.Id,
            }));
            db.Set<ActionItem>().AddRange(Enumerable.Range(0, 2).Select(a => new ActionItem
            {
                PartnershipId = partnership.Id,
                MeetingId = meeting.Id,
                Title = a == 0 ? "Send the data to the measure owner" : "Follow up with the front desk",
                OwnerUserId = users[(m + a) % users.Count].Id,
                DueDate = date.AddDays(14),
                Status = m < 22 ? ActionStatus.Done : ActionStatus.Open,
                CreatedAt = now.AddMonths(m - 24),
            }));
        }

        db.Set<Decision>().AddRange(Enumerable.Range(1, 5).Select(d => new Decision
        {
            PartnershipId = partnership.Id,
            Title = $"Shared decision {d}",
            Problem = "A matter both partners must settle.",
            Options = "1. One way.\n2. Another.",
            Compromise = d % 2 == 0 ? "Half of each." : "",
            Status = d % 2 == 0 ? DecisionStatus.Agreed : DecisionStatus.Proposed,
            CreatedAt = now.AddMonths(-d * 3),
            UpdatedAt = now.AddMonths(-d * 2),
        }));

        for (var f = 0; f < 16; f++)
        {
            var author = users[(f * 5) % users.Count];
            var kind = (FeedbackKind)(f % 3);
            var item = FeedbackItem.Post(partnership.Id, kind, $"{kind} feedback {f + 1}", "What we noticed this month.", now.AddDays(-9 * f - 3),
                f % 4 == 0 ? null : (author.Id, author.OrganizationId, Roster[(f * 5) % users.Count].Level));
            if (f % 3 != 2 || f > 3)
            {
                item.Status = f % 5 == 0 ? FeedbackStatus.Done : FeedbackStatus.Acknowledged;
                item.Answer = "Thank you: we talked about this at the joint meeting.";
                item.AnsweredByUserId = users[0].Id;
                item.AnsweredAt = now.AddDays(-9 * f);
                item.StatusChangedAt = now.AddDays(-9 * f);
            }
            db.Set<FeedbackItem>().Add(item);
        }

        for (var r = 0; r < 2; r++)
        {
            var round = new PulseRound
            {
                PartnershipId = partnership.Id,
                Number = r + 1,
                OpenedByUserId = users[0].Id,
                OpenedAt = now.AddMonths(-6 + (3 * r)),
                ClosedAt = now.AddMonths(-6 + (3 * r)).AddDays(14),
                ClosedByUserId = users[0].Id,
            };
            db.Set<PulseRound>().Add(round);
            db.Set<PulseParticipation>().AddRange(users.Select(u => new PulseParticipation { PartnershipId = partnership.Id, RoundId = round.Id, UserId = u.Id }));
            db.Set<PulseAnswer>().AddRange(users.SelectMany((u, i) => PulseCatalog.Items.Select((item, k) => new PulseAnswer
            {
                PartnershipId = partnership.Id,
                RoundId = round.Id,
                ItemId = item.Id,
                Score = 2 + ((i + k + r + n) % 4),
                OrganizationId = u.OrganizationId,
                Level = Roster[i].Level,
            })));
        }

        foreach (var (measure, points, cycles) in Joinery.Core.Measures.MeasuresDemo.DemoMeasures(partnership.Id, users[1].Id, users[8].Id, users[9].Id, now, 24, seed: n))
        {
            db.Set<Measure>().Add(measure);
            db.Set<MeasurePoint>().AddRange(points);
            db.Set<ImprovementCycle>().AddRange(cycles);
        }
        await db.SaveChangesAsync(cancellationToken);
        return partnership.Id;
    }
}
