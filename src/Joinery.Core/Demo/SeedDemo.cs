using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Expectations;
using Joinery.Core.Feedback;
using Joinery.Core.Glossary;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Launch;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Core.Readiness;
using Joinery.Core.Trust;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Demo;

public sealed record DemoAccount(string Email, string Name, string Organization, string Role, string Level, bool Champion);

public sealed record DemoResult(Guid PartnershipId, string PartnershipName, string Password, IReadOnlyList<DemoAccount> Accounts, bool AlreadyThere);

/// <summary>
/// A realistic demo: a community behavioral health center and a community health center, a dozen
/// people at all three levels, champions on both sides, a partnership in the Plan phase. Running
/// it again changes nothing. Tests never depend on it.
/// </summary>
public sealed partial class SeedDemo(JoineryDb db, CreateOrganization createOrganization, CreateUser createUser,
    CreatePartnership createPartnership, AddMember addMember, GlossaryWork glossary)
{
    public const string PartnershipName = "Riverbend–Eastside Whole Health Partnership";

    /// <summary>Shared by all demo accounts; for demonstrations only, never for real data.</summary>
    public const string Password = "Riverbend-Demo-Walkthrough-26";

    private const string Bh = "Riverbend Community Behavioral Health";
    private const string Pc = "Eastside Community Health Center";

    private static readonly (string Email, string Name, string Org, MemberRole Role, MemberLevel Level, string Champion)[] People =
    [
        ("dana.whitfield@riverbend.example", "Dana Whitfield", Bh, MemberRole.Steward, MemberLevel.Executive, ""),
        ("marcus.ortiz@riverbend.example", "Marcus Ortiz", Bh, MemberRole.Planner, MemberLevel.Executive, ""),
        ("priya.natarajan@riverbend.example", "Priya Natarajan", Bh, MemberRole.Steward, MemberLevel.Manager, "The integrated care program; may schedule joint meetings and assign staff to them"),
        ("tom.ahn@riverbend.example", "Tom Ahn", Bh, MemberRole.Viewer, MemberLevel.Manager, ""),
        ("sam.keller@riverbend.example", "Sam Keller", Bh, MemberRole.Clinician, MemberLevel.Frontline, "Warm handoffs between the clinics; may change the handoff checklist"),
        ("lena.brooks@riverbend.example", "Lena Brooks", Bh, MemberRole.Clinician, MemberLevel.Frontline, ""),
        ("grace.holloway@eastside.example", "Grace Holloway", Pc, MemberRole.Steward, MemberLevel.Executive, ""),
        ("ravi.menon@eastside.example", "Ravi Menon", Pc, MemberRole.Planner, MemberLevel.Executive, "Whole-person care with the medical staff; may approve screening protocols"),
        ("ana.souza@eastside.example", "Ana Souza", Pc, MemberRole.Planner, MemberLevel.Manager, ""),
        ("owen.price@eastside.example", "Owen Price", Pc, MemberRole.Clinician, MemberLevel.Manager, ""),
        ("jamal.carter@eastside.example", "Jamal Carter", Pc, MemberRole.Clinician, MemberLevel.Frontline, "Screening at intake; may adjust the front-desk workflow"),
        ("mei.lin@eastside.example", "Mei Lin", Pc, MemberRole.Viewer, MemberLevel.Frontline, ""),
    ];

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken = default)
    {
        db.Tenancy.ActAcrossPartnerships();
        var already = await db.Partnerships.AnyAsync(p => p.Name == PartnershipName, cancellationToken);

        await EnsureOrganizationAsync(Bh, OrganizationKind.BehavioralHealth,
            "Recovery-oriented mental health and substance use care for everyone in the Riverbend valley, whatever their ability to pay.",
            "A community where every person with a mental illness or addiction lives a full life in good health.", cancellationToken);
        await EnsureOrganizationAsync(Pc, OrganizationKind.PrimaryCare,
            "High-quality, affordable primary and preventive care for the people of Eastside, regardless of insurance.",
            "A healthy Eastside where everyone has a medical home.", cancellationToken);

        await EnsureUserAsync("admin@joinery.example", "Joinery Administrator", Bh, isSiteAdmin: true, cancellationToken);
        foreach (var person in People)
        {
            await EnsureUserAsync(person.Email, person.Name, person.Org, isSiteAdmin: false, cancellationToken);
        }

        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Name == PartnershipName, cancellationToken);
        if (partnership is null)
        {
            var created = await createPartnership.RunAsync(new PartnershipInput(PartnershipName, [Bh, Pc]), cancellationToken);
            partnership = await db.Partnerships.FirstAsync(p => p.Id == created.Value, cancellationToken);
        }
        foreach (var person in People)
        {
            // "What they champion; may decide what" — the two halves go to their own fields.
            var parts = person.Champion.Split("; may ", 2);
            var added = await addMember.RunAsync(partnership.Id, new MemberInput(person.Email, person.Role.ToString(), person.Level.ToString(),
                person.Champion.Length > 0, parts[0]), cancellationToken);
            if (added.Succeeded && parts.Length == 2)
            {
                var membership = await db.Memberships.FirstAsync(m => m.Id == added.Value, cancellationToken);
                membership.ChampionDecides = char.ToUpperInvariant(parts[1][0]) + parts[1][1..];
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await SeedExploreAsync(partnership.Id, cancellationToken);
        await SeedMissionAsync(partnership.Id, cancellationToken);
        await SeedGlossaryAsync(partnership.Id, cancellationToken);
        await SeedMeetingsAsync(partnership.Id, cancellationToken);
        await SeedDecisionsAsync(partnership.Id, cancellationToken);
        await SeedPulseAsync(partnership.Id, cancellationToken);
        await SeedMeasuresAsync(partnership.Id, cancellationToken);
        await SeedFeedbackAsync(partnership.Id, cancellationToken);
        await SeedExpectationsAsync(partnership.Id, cancellationToken);
        await SeedLaunchAsync(partnership.Id, cancellationToken);
        await SeedFormalizeAsync(partnership.Id, cancellationToken);
        await SeedClosingAsync(cancellationToken);
        if (partnership.Phase == Phase.Explore && !await db.PhaseChanges.AnyAsync(c => c.PartnershipId == partnership.Id, cancellationToken))
        {
            var steward = await db.Users.FirstAsync(u => u.Email == People[0].Email, cancellationToken);
            partnership.Phase = Phase.Plan;
            db.PhaseChanges.Add(new PhaseChange
            {
                PartnershipId = partnership.Id,
                From = Phase.Explore,
                To = Phase.Plan,
                ChangedByUserId = steward.Id,
                ChangedAt = db.Now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        var accounts = People.Select(p => new DemoAccount(p.Email, p.Name, p.Org, p.Role.ToString().ToLowerInvariant(),
                p.Level.ToString().ToLowerInvariant(), p.Champion.Length > 0))
            .Prepend(new DemoAccount("admin@joinery.example", "Joinery Administrator", Bh, "site administrator", "", false))
            .ToList();
        return new DemoResult(partnership.Id, PartnershipName, Password, accounts, already);
    }

    /// <summary>
    /// Prepare and Operate: a start date three weeks ahead; the standard checklist, partly done, with
    /// owners; a training roster with two courses still open; referral sources partly told; Riverbend's
    /// executive has said go, Eastside's has not decided yet; the natural milestones, the first
    /// meeting and the mission achieved from the records, and the mission's endorsement celebrated.
    /// </summary>
    private async Task SeedLaunchAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<LaunchPlan>().AnyAsync(l => l.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        User U(int i) => users[People[i].Email];
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        db.Set<LaunchPlan>().Add(new LaunchPlan
        {
            PartnershipId = partnershipId,
            StartDate = today.AddDays(21),
            PilotMonths = LaunchPlan.DefaultPilotMonths,
            ChecklistChangedAt = db.Now.AddDays(-3),
            UpdatedAt = db.Now.AddDays(-10),
        });
        var plan = new Dictionary<string, (int Owner, int DueInDays, int? DoneDaysAgo)>
        {
            ["equipment"] = (9, -5, 6),
            ["space"] = (6, -10, 12),
            ["record-access"] = (3, 7, null),
            ["workflow-screening"] = (10, -3, 4),
            ["workflow-referral"] = (2, -1, 3),
            ["workflow-warm-handoff"] = (4, 10, null),
            ["workflow-crisis"] = (5, 14, null),
            ["staff-training"] = (8, 18, null),
            ["announcement"] = (2, 18, null),
        };
        var n = 0;
        foreach (var standard in LaunchWork.StandardItems)
        {
            var (owner, due, done) = plan[standard.Code];
            db.Set<ChecklistItem>().Add(new ChecklistItem
            {
                PartnershipId = partnershipId,
                Code = standard.Code,
                Area = standard.Area,
                Title = standard.Title,
                OwnerUserId = U(owner).Id,
                DueOn = today.AddDays(due),
                DoneOn = done is { } d ? today.AddDays(-d) : null,
                CreatedAt = db.Now.AddDays(-20).AddMinutes(++n),
                UpdatedAt = db.Now.AddDays(-3),
            });
        }
        TrainingRecord Course(Guid? member, string staff, string course, int dueInDays, int? completedDaysAgo) => new()
        {
            PartnershipId = partnershipId,
            MemberUserId = member,
            StaffName = staff,
            Course = course,
            DueOn = today.AddDays(dueInDays),
            CompletedOn = completedDaysAgo is { } c ? today.AddDays(-c) : null,
            CreatedAt = db.Now.AddDays(-18).AddMinutes(++n),
            UpdatedAt = db.Now.AddDays(-3),
        };
        db.Set<TrainingRecord>().AddRange(
            Course(U(4).Id, "", "Warm handoffs in primary care", -2, 5),
            Course(U(10).Id, "", "Depression screening with the PHQ-9", -4, 8),
            Course(U(5).Id, "", "The crisis workflow", 14, null),
            Course(null, "Eastside front desk team", "Screening at check-in", 10, null));
        ReferralSource Source(string name, SourceKind kind, ReferralChannel channel, int? toldDaysAgo) => new()
        {
            PartnershipId = partnershipId,
            Name = name,
            Kind = kind,
            Channel = channel,
            ToldOn = toldDaysAgo is { } t ? today.AddDays(-t) : null,
            CreatedAt = db.Now.AddDays(-15).AddMinutes(++n),
            UpdatedAt = db.Now.AddDays(-5),
        };
        db.Set<ReferralSource>().AddRange(
            Source("Eastside physicians and nurses", SourceKind.Internal, ReferralChannel.Meeting, 6),
            Source("Riverbend intake team", SourceKind.Internal, ReferralChannel.Email, 5),
            Source("County crisis line", SourceKind.External, ReferralChannel.Phone, null),
            Source("Valley school counselors", SourceKind.External, ReferralChannel.Letter, null));
        db.Set<GoDecision>().Add(new GoDecision
        {
            PartnershipId = partnershipId,
            OrganizationId = U(0).OrganizationId,
            UserId = U(0).Id,
            Go = true,
            Note = "Go from Riverbend, on condition that the crisis workflow is signed off before the start date.",
            DecidedAt = db.Now.AddDays(-1),
        });
        var milestones = MilestonesWork.Natural.Select((natural, i) => new Milestone
        {
            PartnershipId = partnershipId,
            Code = natural.Code,
            Title = natural.Title,
            PlannedOn = natural.Code == "mou-signed" ? today.AddDays(7) : null,
            CreatedAt = db.Now.AddDays(-12).AddMinutes(i),
            UpdatedAt = db.Now.AddDays(-12),
        }).ToList();
        db.Set<Milestone>().AddRange(milestones);
        var published = await db.Set<MissionVersion>().Where(v => v.PartnershipId == partnershipId && v.PublishedAt != null)
            .Select(v => v.PublishedAt).ToListAsync(cancellationToken);
        if (published.Min() is { } endorsed)
        {
            db.Set<Celebration>().Add(new Celebration
            {
                PartnershipId = partnershipId,
                MilestoneId = milestones.Single(m => m.Code == "mission-endorsed").Id,
                CelebratedOn = DateOnly.FromDateTime(endorsed.UtcDateTime).AddDays(2),
                How = "Both executives read the mission aloud at the joint meeting; cake for everyone in the Eastside break room.",
                Thanked = "The drafting group from both partners, and the frontline staff who commented on every draft.",
                RecordedByUserId = U(2).Id,
                RecordedAt = endorsed.AddDays(2),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Explore: a completed readiness round with a few real gaps, both partners' level findings, agreed levels.</summary>
    private async Task SeedExploreAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<ReadinessRound>().AnyAsync(r => r.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var opener = users[People[0].Email];
        var round = new ReadinessRound { PartnershipId = partnershipId, Number = 1, OpenedAt = db.Now.AddDays(-60), OpenedByUserId = opener.Id };
        db.Set<ReadinessRound>().Add(round);
        // Where the two sides see things differently: the behavioral health center worries about
        // budget and staff time; the health center is less sure the missions line up.
        var leanings = new Dictionary<(string Org, string Factor), int>
        {
            [(Bh, "long-term-plans")] = -2,
            [(Bh, "resources")] = -1,
            [(Pc, "missions-in-sync")] = -1,
            [(Pc, "pace")] = -1,
        };
        var leaders = People.Where(p => p.Level != MemberLevel.Frontline).ToList();
        for (var n = 0; n < leaders.Count; n++)
        {
            var person = leaders[n];
            var user = users[person.Email];
            var response = new ReadinessResponse
            {
                PartnershipId = partnershipId,
                RoundId = round.Id,
                OrganizationId = user.OrganizationId,
                UserId = user.Id,
                SubmittedAt = db.Now.AddDays(-50 + n),
            };
            var i = 0;
            foreach (var factor in ReadinessCatalog.Factors)
            {
                foreach (var item in factor.Items)
                {
                    var score = 4 + leanings.GetValueOrDefault((person.Org, factor.Code)) + ((n + i++) % 3 == 0 ? -1 : 0);
                    response.Answers.Add(new ReadinessAnswer
                    {
                        PartnershipId = partnershipId,
                        ResponseId = response.Id,
                        ItemCode = item.Code,
                        Score = (n + i) % 11 == 0 ? null : Math.Clamp(score, 1, 5),
                    });
                }
            }
            if (person.Email == People[0].Email)
            {
                response.Comments.Add(new ReadinessComment
                {
                    PartnershipId = partnershipId,
                    ResponseId = response.Id,
                    FactorCode = "long-term-plans",
                    Text = "The state contract renewal is not settled until spring; we cannot commit new budget before then."
                });
            }
            if (person.Email == People[6].Email)
            {
                response.Comments.Add(new ReadinessComment
                {
                    PartnershipId = partnershipId,
                    ResponseId = response.Id,
                    FactorCode = "missions-in-sync",
                    Text = "Our board asks whether a recovery focus fits our medical-home model; we would like to talk it through."
                });
            }
            db.Set<ReadinessResponse>().Add(response);
        }
        db.Set<LevelFinding>().Add(new LevelFinding
        {
            PartnershipId = partnershipId,
            OrganizationId = users[People[2].Email].OrganizationId,
            UserId = users[People[2].Email].Id,
            Answers = "same-site=no;regular-contact=yes",
            Level = 2,
            FoundAt = db.Now.AddDays(-45),
        });
        db.Set<LevelFinding>().Add(new LevelFinding
        {
            PartnershipId = partnershipId,
            OrganizationId = users[People[8].Email].OrganizationId,
            UserId = users[People[8].Email].Id,
            Answers = "same-site=no;regular-contact=no",
            Level = 1,
            FoundAt = db.Now.AddDays(-44),
        });
        db.Set<LevelDecision>().Add(new LevelDecision
        {
            PartnershipId = partnershipId,
            CurrentLevel = 2,
            TargetLevel = 4,
            DecidedByUserId = users[People[6].Email].Id,
            DecidedAt = db.Now.AddDays(-40),
            Note = "Start with a behavioral health consultant on site two days a week; shared scheduling in year two.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Step 1: two versions (the second after frontline comments), endorsed by both CEOs, read by most, communicated.</summary>
    private async Task SeedMissionAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<MissionVersion>().AnyAsync(v => v.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
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

    /// <summary>Step 2: the starter crosswalk, a dozen terms agreed, one disputed with a discussion, one still in discussion.</summary>
    private async Task SeedGlossaryAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<GlossaryTerm>().AnyAsync(t => t.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        await glossary.LoadStarterAsync(partnershipId, cancellationToken);
        var terms = await db.Set<GlossaryTerm>().Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.NormalizedTerm, cancellationToken);
        foreach (var agreed in new[] { "client", "treatment plan", "assessment", "intake", "caseload", "panel", "screening", "referral", "warm handoff", "registry", "safety plan", "no-show" })
        {
            terms[agreed].Status = TermStatus.Agreed;
            terms[agreed].StatusChangedAt = db.Now.AddDays(-5);
        }
        terms["case management"].Status = TermStatus.Disputed;
        terms["release of information"].Status = TermStatus.InDiscussion;
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        User U(int i) => users[People[i].Email];
        db.Set<GlossaryComment>().AddRange(
            new GlossaryComment
            {
                PartnershipId = partnershipId,
                TermId = terms["case management"].Id,
                UserId = U(4).Id,
                OrganizationId = U(4).OrganizationId,
                CreatedAt = db.Now.AddDays(-9),
                Text = "For us this is a billable service with its own documentation rules; if Eastside nurses call their work case management, our billing gets confused."
            },
            new GlossaryComment
            {
                PartnershipId = partnershipId,
                TermId = terms["case management"].Id,
                UserId = U(9).Id,
                OrganizationId = U(9).OrganizationId,
                CreatedAt = db.Now.AddDays(-8),
                Text = "Our care managers bill care management codes. We need a word for what they do together with Sam's team."
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Step 3: a fortnightly joint meeting, four meetings held (the first face to face, at every level), action items.</summary>
    private async Task SeedMeetingsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<MeetingSeries>().AnyAsync(s => s.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        User U(int i) => users[People[i].Email];
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var series = new MeetingSeries
        {
            PartnershipId = partnershipId,
            Title = "Joint planning meeting",
            Cadence = Cadence.EveryTwoWeeks,
            FirstDate = today.AddDays(-42),
            StartTime = new TimeOnly(8, 30),
            DurationMinutes = 60,
            Format = MeetingFormat.Hybrid,
            CreatedAt = db.Now.AddDays(-45),
        };
        db.Set<MeetingSeries>().Add(series);
        var plans = new (int DaysAgo, MeetingFormat Format, int[] People, string Minutes, string Wins, string Disappointments)[]
        {
            (42, MeetingFormat.FaceToFace, [0, 2, 4, 5, 6, 8, 10, 11],
                "## Kick-off at Eastside\n\n- Walked through both clinics together.\n- Agreed to record the partnership in Joinery.\n- Frontline staff asked for a shared word list.",
                "Everyone came, including the front desk.", "Parking at Eastside made three people late."),
            (28, MeetingFormat.Hybrid, [2, 3, 8, 9, 10],
                "## Mission draft\n\n1. Read version 1 together.\n2. Jamal and Sam will gather comments from their huddles.",
                "Frontline comments arrived before the meeting.", ""),
            (14, MeetingFormat.Virtual, [2, 8, 9],
                "## Glossary\n\n- Loaded the starter crosswalk.\n- *Case management* stays disputed until the billing leads meet.",
                "", "Only managers attended; executives sent apologies."),
            (0, MeetingFormat.Hybrid, [1, 2, 4, 7, 8, 10],
                "## Expectations\n\nEach partner will write the results it expects, separately, before the next meeting.",
                "The mission was read aloud at both all-staff meetings.", ""),
        };
        Guid? first = null;
        foreach (var plan in plans)
        {
            var meeting = new Meeting
            {
                PartnershipId = partnershipId,
                SeriesId = series.Id,
                Title = "Joint planning meeting",
                Date = today.AddDays(-plan.DaysAgo),
                Format = plan.Format,
                Agenda = "1. Updates from each partner\n2. Successes and disappointments\n3. Next steps",
                Minutes = plan.Minutes,
                Successes = plan.Wins,
                Disappointments = plan.Disappointments,
                CreatedAt = db.Now.AddDays(-plan.DaysAgo),
            };
            meeting.Attendance.AddRange(plan.People.Select(i => new MeetingAttendance { PartnershipId = partnershipId, MeetingId = meeting.Id, UserId = U(i).Id }));
            db.Set<Meeting>().Add(meeting);
            first ??= meeting.Id;
        }
        db.Set<ActionItem>().AddRange(
            new ActionItem
            {
                PartnershipId = partnershipId,
                MeetingId = first,
                Title = "Book a room at Riverbend for the next face-to-face meeting",
                OwnerUserId = U(2).Id,
                DueDate = today.AddDays(-20),
                Status = ActionStatus.Done,
                CreatedAt = db.Now.AddDays(-42),
                CompletedAt = db.Now.AddDays(-25)
            },
            new ActionItem
            {
                PartnershipId = partnershipId,
                MeetingId = first,
                Title = "Ask both billing leads to meet about 'case management'",
                OwnerUserId = U(9).Id,
                DueDate = today.AddDays(-7),
                CreatedAt = db.Now.AddDays(-14)
            },
            new ActionItem
            {
                PartnershipId = partnershipId,
                Title = "Write Eastside's expected results for the partnership",
                OwnerUserId = U(8).Id,
                DueDate = today.AddDays(10),
                CreatedAt = db.Now
            },
            new ActionItem
            {
                PartnershipId = partnershipId,
                Title = "Write Riverbend's expected results for the partnership",
                OwnerUserId = U(2).Id,
                DueDate = today.AddDays(10),
                Status = ActionStatus.InProgress,
                CreatedAt = db.Now
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Step 4: one decision agreed by both, one fixed by regulation waiting for sign-off, and both partners' contributions.</summary>
    private async Task SeedDecisionsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<Decision>().AnyAsync(d => d.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        User U(int i) => users[People[i].Email];
        var firstMeeting = await db.Set<Meeting>().Where(m => m.PartnershipId == partnershipId).OrderBy(m => m.Date).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var space = new Decision
        {
            PartnershipId = partnershipId,
            Title = "Where the behavioral health consultant sits",
            MeetingId = firstMeeting,
            Problem = "The consultant needs to be within a few steps of the exam rooms for warm handoffs, but Eastside has no free office.",
            Options = "1. Share the nurse station.\n2. Convert the supply room.\n3. Use a mobile cart and any free exam room.",
            Negotiability = Negotiability.Negotiable,
            Compromise = "Convert half of the supply room; Riverbend pays for the shelving and the network drop.",
            Status = DecisionStatus.Agreed,
            CreatedAt = db.Now.AddDays(-40),
            UpdatedAt = db.Now.AddDays(-30),
        };
        var consent = new Decision
        {
            PartnershipId = partnershipId,
            Title = "Sharing substance use treatment notes in the shared record",
            Problem = "Eastside clinicians want to see Riverbend's substance use counseling notes in the shared care plan.",
            Options = "1. Share everything under a single consent.\n2. Keep counseling notes out of the shared record; share a summary with Part 2 consent.",
            Negotiability = Negotiability.FixedByRegulation,
            Citation = "42 CFR Part 2 (2024 final rule), §2.31 consent requirements",
            Compromise = "Counseling notes stay in Riverbend's record; a summary is shared when the person signs a Part 2 consent.",
            Status = DecisionStatus.Proposed,
            CreatedAt = db.Now.AddDays(-12),
            UpdatedAt = db.Now.AddDays(-10),
        };
        db.Set<Decision>().AddRange(space, consent);
        db.Set<DecisionPosition>().AddRange(
            new DecisionPosition { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(0).OrganizationId, Position = "Any option works if the consultant can hear the clinic.", UpdatedByUserId = U(2).Id, UpdatedAt = db.Now.AddDays(-38) },
            new DecisionPosition { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(6).OrganizationId, Position = "We can give up half of the supply room if the shelving is paid for.", UpdatedByUserId = U(8).Id, UpdatedAt = db.Now.AddDays(-37) },
            new DecisionPosition { PartnershipId = partnershipId, DecisionId = consent.Id, OrganizationId = U(0).OrganizationId, Position = "We cannot share counseling notes without a Part 2 consent; a summary is fine.", UpdatedByUserId = U(1).Id, UpdatedAt = db.Now.AddDays(-11) });
        db.Set<DecisionSignOff>().AddRange(
            new DecisionSignOff { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(0).OrganizationId, UserId = U(0).Id, Version = 1, SignedAt = db.Now.AddDays(-31) },
            new DecisionSignOff { PartnershipId = partnershipId, DecisionId = space.Id, OrganizationId = U(6).OrganizationId, UserId = U(6).Id, Version = 1, SignedAt = db.Now.AddDays(-30) },
            new DecisionSignOff { PartnershipId = partnershipId, DecisionId = consent.Id, OrganizationId = U(0).OrganizationId, UserId = U(1).Id, Version = 1, SignedAt = db.Now.AddDays(-10) });
        var year = DateOnly.FromDateTime(db.Now.UtcDateTime);
        db.Set<Contribution>().AddRange(
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(0).OrganizationId,
                Kind = ContributionKind.StaffFte,
                Description = "Behavioral health consultant on site two days a week",
                Value = 38_000m,
                Fte = 0.4m,
                PeriodStart = year,
                PeriodEnd = year.AddYears(1),
                RecordedByUserId = U(2).Id,
                RecordedAt = db.Now.AddDays(-20)
            },
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(0).OrganizationId,
                Kind = ContributionKind.Equipment,
                Description = "Shelving and network drop for the consultant's room",
                Value = 4_500m,
                RecordedByUserId = U(2).Id,
                RecordedAt = db.Now.AddDays(-20)
            },
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(6).OrganizationId,
                Kind = ContributionKind.Space,
                Description = "Half of the supply room, converted to a consultation office",
                Value = 9_600m,
                PeriodStart = year,
                PeriodEnd = year.AddYears(1),
                RecordedByUserId = U(8).Id,
                RecordedAt = db.Now.AddDays(-19)
            },
            new Contribution
            {
                PartnershipId = partnershipId,
                OrganizationId = U(6).OrganizationId,
                Kind = ContributionKind.StaffFte,
                Description = "Nurse care manager time for shared patients",
                Value = 21_000m,
                Fte = 0.25m,
                PeriodStart = year,
                PeriodEnd = year.AddYears(1),
                RecordedByUserId = U(8).Id,
                RecordedAt = db.Now.AddDays(-19)
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Step 8: two years of monthly data for three measures. Follow-up of positive screens improves
    /// after an improvement cycle (a shift above the frozen baseline median); the wait for a first
    /// visit drifts down; the duplicate-assessment measure is new and has no baseline yet.
    /// </summary>
    private async Task SeedMeasuresAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<Measure>().AnyAsync(m => m.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        User U(int i) => users[People[i].Email];
        foreach (var measure in DemoMeasures(partnershipId, U(2).Id, U(8).Id, U(10).Id, db.Now, 24))
        {
            db.Set<Measure>().Add(measure.Measure);
            db.Set<MeasurePoint>().AddRange(measure.Points);
            db.Set<ImprovementCycle>().AddRange(measure.Cycles);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Step 5: both lists submitted and shown side by side; pairs, one of them a conflict nobody has
    /// resolved yet (billable consultant time against free warm handoffs); three agreed expectations
    /// linked to the demo measures, one still without a re-evaluation date.
    /// </summary>
    private async Task SeedExpectationsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<ExpectationItem>().AnyAsync(i => i.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        User U(int i) => users[People[i].Email];
        var bh = U(0).OrganizationId;
        var pc = U(6).OrganizationId;
        var start = db.Now.AddDays(-21);
        var n = 0;
        ExpectationItem Item(Guid organization, User author, string text) => new()
        {
            PartnershipId = partnershipId,
            OrganizationId = organization,
            Text = text,
            CreatedByUserId = author.Id,
            CreatedAt = start.AddMinutes(++n),
            UpdatedAt = start.AddMinutes(n),
        };
        var bhSeen = Item(bh, U(2), "People who screen positive for depression at Eastside are seen by our consultant within 7 days.");
        var bhPhysicals = Item(bh, U(2), "Our clients with serious mental illness get a yearly physical and diabetes screening at Eastside.");
        var bhReferrals = Item(bh, U(1), "Eastside staff refer substance use concerns to us instead of to the emergency department.");
        var bhBillable = Item(bh, U(1), "The consultant's time at Eastside is fully billable by the end of the first year.");
        var pcVisit = Item(pc, U(8), "Patients with a positive depression screen have a behavioral health visit within a week.");
        var pcTwice = Item(pc, U(8), "Fewer of our patients are assessed twice for the same need.");
        var pcHandoffs = Item(pc, U(7), "The behavioral health consultant is free for same-day warm handoffs every clinic day.");
        var pcNotes = Item(pc, U(9), "Our physicians take on no extra documentation for behavioral health visits.");
        db.Set<ExpectationItem>().AddRange(bhSeen, bhPhysicals, bhReferrals, bhBillable, pcVisit, pcTwice, pcHandoffs, pcNotes);
        db.Set<ExpectationSubmission>().AddRange(
            new ExpectationSubmission { PartnershipId = partnershipId, OrganizationId = bh, SubmittedByUserId = U(0).Id, SubmittedAt = db.Now.AddDays(-16) },
            new ExpectationSubmission { PartnershipId = partnershipId, OrganizationId = pc, SubmittedByUserId = U(6).Id, SubmittedAt = db.Now.AddDays(-14) });
        ExpectationPair Pair(ExpectationItem first, ExpectationItem second, ExpectationRelation relation, string note) => new()
        {
            PartnershipId = partnershipId,
            FirstItemId = first.Id,
            SecondItemId = second.Id,
            Relation = relation,
            Note = note,
            CreatedByUserId = U(2).Id,
            CreatedAt = db.Now.AddDays(-13).AddMinutes(++n),
        };
        db.Set<ExpectationPair>().AddRange(
            Pair(bhSeen, pcVisit, ExpectationRelation.Same, ""),
            Pair(bhReferrals, pcTwice, ExpectationRelation.Related, "Both are about a referral reaching the right place the first time."),
            Pair(bhBillable, pcHandoffs, ExpectationRelation.Conflicting,
                "Same-day warm handoffs are often not billable: Riverbend expects full billing, Eastside expects the consultant free for handoffs."));
        var measures = await db.Set<Measure>().Where(m => m.PartnershipId == partnershipId).ToDictionaryAsync(m => m.Name, m => m.Id, cancellationToken);
        var today = DateOnly.FromDateTime(db.Now.UtcDateTime);
        var agreed = new[]
        {
            (Statement: "People who screen positive for depression at Eastside have a follow-up plan the same month and a behavioral health visit within 7 days.",
                Owner: U(2), Measure: "Positive depression screens with a follow-up plan", Reevaluate: (DateOnly?)today.AddMonths(3), Items: new[] { bhSeen, pcVisit }),
            (Statement: "Referrals between the partners reach a first visit within 7 days, without a second intake assessment.",
                Owner: U(8), Measure: "Days from referral to first visit", Reevaluate: (DateOnly?)today.AddMonths(4), Items: new[] { bhReferrals, pcTwice }),
            (Statement: "Fewer than 1 in 10 people referred between the partners are given the same assessment again.",
                Owner: U(7), Measure: "People assessed twice for the same need", Reevaluate: (DateOnly?)null, Items: new[] { pcTwice }),
        };
        foreach (var a in agreed)
        {
            var expectation = new AgreedExpectation
            {
                PartnershipId = partnershipId,
                Statement = a.Statement,
                OwnerUserId = a.Owner.Id,
                MeasureId = measures.TryGetValue(a.Measure, out var measureId) ? measureId : null,
                ReevaluateOn = a.Reevaluate,
                CreatedByUserId = U(0).Id,
                CreatedAt = db.Now.AddDays(-10).AddMinutes(++n),
                UpdatedAt = db.Now.AddDays(-10).AddMinutes(n),
            };
            db.Set<AgreedExpectation>().Add(expectation);
            db.Set<AgreedSource>().AddRange(a.Items.Select(i => new AgreedSource { PartnershipId = partnershipId, AgreedExpectationId = expectation.Id, ItemId = i.Id }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Demo measures with <paramref name="months"/> months of data up to last month; also used by the scale seed.</summary>
    internal static IEnumerable<(Measure Measure, List<MeasurePoint> Points, List<ImprovementCycle> Cycles)> DemoMeasures(
        Guid partnershipId, Guid owner, Guid recorder, Guid frontline, DateTimeOffset now, int months, int seed = 0)
    {
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var first = thisMonth.AddMonths(-months);
        // Deterministic wobble, so the demo looks the same every time it is seeded.
        double Wobble(int i, int salt) => Math.Sin((i + 1) * (salt + 1.7) + seed) * 0.5 + Math.Cos((i + 3) * 0.9 * (salt + 1) + seed) * 0.5;
        var baselineEnd = first.AddMonths(Math.Min(11, months / 2 - 1));
        var cycleStart = baselineEnd.AddMonths(2);

        var screening = new Measure
        {
            PartnershipId = partnershipId,
            Name = "Positive depression screens with a follow-up plan",
            WhyItMatters = "A screening only helps if a positive result leads somewhere. This shows whether people who screen positive at Eastside get a plan the same month.",
            Type = MeasureType.Process,
            Kind = MeasureKind.Proportion,
            Unit = "%",
            Numerator = "Positive screens with a documented follow-up plan",
            Denominator = "Positive PHQ-2/PHQ-9 screens at Eastside",
            DataSource = "Eastside primary care record, monthly report",
            OwnerUserId = frontline,
            BetterDirection = BetterDirection.Up,
            Target = 80,
            Frequency = ReportingFrequency.Monthly,
            CreatedAt = now.AddMonths(-months),
            UpdatedAt = now.AddDays(-3),
        };
        var screeningPoints = Enumerable.Range(0, months).Select(i =>
        {
            var period = first.AddMonths(i);
            var denominator = 60 + (int)(12 * Wobble(i, 1));
            var rate = period <= cycleStart ? 0.5 + 0.06 * Wobble(i, 2) : Math.Min(0.86, 0.62 + 0.012 * (period.Year * 12 + period.Month - cycleStart.Year * 12 - cycleStart.Month) + 0.04 * Wobble(i, 3));
            var numerator = (int)Math.Round(denominator * rate);
            return new MeasurePoint
            {
                PartnershipId = partnershipId,
                MeasureId = screening.Id,
                Period = period,
                Numerator = numerator,
                Denominator = denominator,
                Value = Math.Round(100.0 * numerator / denominator, 4),
                RecordedByUserId = recorder,
                RecordedAt = now.AddMonths(i - months + 1),
            };
        }).ToList();
        var baselineValues = screeningPoints.Where(p => p.Period <= baselineEnd).Select(p => p.Value).ToList();
        screening.BaselineFrom = first;
        screening.BaselineTo = baselineEnd;
        screening.BaselineValue = baselineValues.Count > 0 ? Math.Round(RunChartRules.Median(baselineValues), 4) : null;
        var handoff = new ImprovementCycle
        {
            PartnershipId = partnershipId,
            MeasureId = screening.Id,
            Title = "Behavioral health consultant joins the morning huddle",
            Plan = "For four weeks the Riverbend consultant joins Eastside's 8:15 huddle and reviews the day's scheduled patients with a positive screen on file.",
            Prediction = "At least two in three positive screens will leave with a follow-up plan the same day.",
            Do = "Ran as planned on 18 of 20 days; two huddles were cancelled for staffing.",
            Study = "Follow-up plans rose from about half to 64% in the first month, slightly under the prediction.",
            Act = CycleAct.Adopt,
            NextStep = "Make huddle attendance part of the consultant's schedule; test a second cycle on Fridays.",
            StartedOn = cycleStart,
            EndedOn = cycleStart.AddDays(27),
            CreatedByUserId = owner,
            CreatedAt = now.AddMonths(-months / 2),
            UpdatedAt = now.AddMonths(-months / 2 + 1),
        };
        yield return (screening, screeningPoints, [handoff]);

        var wait = new Measure
        {
            PartnershipId = partnershipId,
            Name = "Days from referral to first visit",
            WhyItMatters = "Waiting loses people. The median wait from a referral to the first visit with the other partner.",
            Type = MeasureType.Process,
            Kind = MeasureKind.Value,
            Unit = "days",
            DataSource = "Shared referral log",
            OwnerUserId = owner,
            BetterDirection = BetterDirection.Down,
            Target = 7,
            Frequency = ReportingFrequency.Monthly,
            CreatedAt = now.AddMonths(-months),
            UpdatedAt = now.AddDays(-10),
        };
        var waitPoints = Enumerable.Range(0, months).Select(i => new MeasurePoint
        {
            PartnershipId = partnershipId,
            MeasureId = wait.Id,
            Period = first.AddMonths(i),
            Value = Math.Round(Math.Max(4, 21 - (i * 0.35) + (2.5 * Wobble(i, 4))), 1),
            RecordedByUserId = recorder,
            RecordedAt = now.AddMonths(i - months + 1),
        }).ToList();
        var waitBaseline = waitPoints.Where(p => p.Period <= baselineEnd).Select(p => p.Value).ToList();
        wait.BaselineFrom = first;
        wait.BaselineTo = baselineEnd;
        wait.BaselineValue = waitBaseline.Count > 0 ? Math.Round(RunChartRules.Median(waitBaseline), 4) : null;
        yield return (wait, waitPoints, []);

        var duplicate = new Measure
        {
            PartnershipId = partnershipId,
            Name = "People assessed twice for the same need",
            WhyItMatters = "When both partners repeat the same intake, people wait and staff time is lost.",
            Type = MeasureType.Balancing,
            Kind = MeasureKind.Proportion,
            Unit = "%",
            Numerator = "Referred people given the same assessment again",
            Denominator = "People referred between the partners",
            DataSource = "Referral log and intake records",
            OwnerUserId = recorder,
            BetterDirection = BetterDirection.Down,
            Target = 10,
            Frequency = ReportingFrequency.Monthly,
            CreatedAt = now.AddMonths(-4),
            UpdatedAt = now.AddMonths(-4),
        };
        var duplicatePoints = Enumerable.Range(0, Math.Min(4, months)).Select(i =>
        {
            var denominator = 30 + (int)(6 * Wobble(i, 5));
            var numerator = (int)Math.Round(denominator * (0.3 + 0.05 * Wobble(i, 6)));
            return new MeasurePoint
            {
                PartnershipId = partnershipId,
                MeasureId = duplicate.Id,
                Period = thisMonth.AddMonths(i - Math.Min(4, months) - 1),
                Numerator = numerator,
                Denominator = denominator,
                Value = Math.Round(100.0 * numerator / denominator, 4),
                RecordedByUserId = recorder,
                RecordedAt = now.AddMonths(i - 4),
            };
        }).ToList();
        yield return (duplicate, duplicatePoints, []);
    }

    /// <summary>
    /// Step 7: a forum with praise, complaints and ideas from every level, some anonymous; two items
    /// done ("you said, we did"), one declined with its reason, one in progress, and one anonymous
    /// complaint that has waited more than three weeks for an answer.
    /// </summary>
    private async Task SeedFeedbackAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<FeedbackItem>().AnyAsync(f => f.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        (Guid, Guid, MemberLevel) Named(int i) => (users[People[i].Email].Id, users[People[i].Email].OrganizationId, People[i].Level);
        Guid U(int i) => users[People[i].Email].Id;

        var referrals = FeedbackItem.Post(partnershipId, FeedbackKind.Negative, "Referrals to Riverbend disappear",
            "We send a referral and never hear whether the person was seen. Patients ask us at their next visit and we have no answer.",
            db.Now.AddDays(-38), null);
        var calendar = FeedbackItem.Post(partnershipId, FeedbackKind.Idea, "Put the consultant's days on both calendars",
            "Our front desk does not know which days the behavioral health consultant is in, so warm handoffs get missed.",
            db.Now.AddDays(-33), Named(10));
        var huddle = FeedbackItem.Post(partnershipId, FeedbackKind.Positive, "The Tuesday huddle works",
            "Ten minutes with Sam before clinic saves us a dozen phone calls. Please keep it.", db.Now.AddDays(-26), Named(8));
        var paper = FeedbackItem.Post(partnershipId, FeedbackKind.Idea, "Stop the paper intake packet at Eastside",
            "People fill in the same history twice, once on paper for Eastside and once on the tablet for Riverbend.", db.Now.AddDays(-24), Named(5));
        var decisionsLast = FeedbackItem.Post(partnershipId, FeedbackKind.Negative, "Frontline staff hear about decisions last",
            "The new screening workflow started on Monday and the front desk found out from a patient. Nobody asked the people who do the work.",
            db.Now.AddDays(-23), null);
        var whoToCall = FeedbackItem.Post(partnershipId, FeedbackKind.Idea, "A one-page \"who to call\" sheet for both clinics",
            "", db.Now.AddDays(-15), null);
        var mission = FeedbackItem.Post(partnershipId, FeedbackKind.Positive, "Thank you for naming substance use in the mission",
            "It tells our clients they are welcome here too.", db.Now.AddDays(-12), null);
        var parking = FeedbackItem.Post(partnershipId, FeedbackKind.Negative, "Parking at Eastside for joint meetings",
            "Three of us were late to the kick-off because the lot was full.", db.Now.AddDays(-6), Named(4));
        db.Set<FeedbackItem>().AddRange(referrals, calendar, huddle, paper, decisionsLast, whoToCall, mission, parking);

        void Answer(FeedbackItem item, string text, int by, int daysAgo)
        {
            item.Answer = text;
            item.AnsweredByUserId = U(by);
            item.AnsweredAt = db.Now.AddDays(-daysAgo);
        }
        void Move(FeedbackItem item, FeedbackStatus to, int by, int daysAgo, string reason = "")
        {
            db.Set<FeedbackStatusChange>().Add(new FeedbackStatusChange
            {
                PartnershipId = partnershipId,
                ItemId = item.Id,
                FromStatus = item.Status,
                ToStatus = to,
                Reason = reason,
                ChangedByUserId = U(by),
                ChangedAt = db.Now.AddDays(-daysAgo),
            });
            item.Status = to;
            item.StatusChangedAt = db.Now.AddDays(-daysAgo);
        }

        Answer(referrals, "You were right: nothing closed the loop. Riverbend's intake now sends a weekly list of every referral from Eastside with its status (scheduled, seen, or could not reach), and Priya checks it at the joint meeting.", 2, 30);
        Move(referrals, FeedbackStatus.Acknowledged, 2, 35);
        Move(referrals, FeedbackStatus.InProgress, 2, 30, "Intake is testing a weekly status list.");
        Move(referrals, FeedbackStatus.Done, 2, 12);
        Answer(calendar, "The consultant's days are now on the shared calendar at both front desks, and on the whiteboard by the nurse station.", 8, 20);
        Move(calendar, FeedbackStatus.Acknowledged, 8, 28);
        Move(calendar, FeedbackStatus.Done, 8, 20);
        Answer(huddle, "Thank you. The huddle stays, and we are adding one on Thursdays.", 6, 24);
        Move(huddle, FeedbackStatus.Acknowledged, 6, 24);
        Answer(paper, "We agree it is a burden, but the state Medicaid audit requires signed paper consent for two of the forms until July. We will look again then.", 6, 18);
        Move(paper, FeedbackStatus.WontDo, 6, 18, "Required on paper by the state Medicaid audit until July; to be revisited then.");
        Answer(whoToCall, "Good idea. Ana is drafting it with both front desks.", 7, 10);
        Move(whoToCall, FeedbackStatus.Acknowledged, 7, 10);
        Move(whoToCall, FeedbackStatus.InProgress, 7, 8);
        db.Set<FeedbackSupport>().AddRange(
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = decisionsLast.Id, UserId = U(10), SupportedAt = db.Now.AddDays(-22) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = decisionsLast.Id, UserId = U(11), SupportedAt = db.Now.AddDays(-21) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = decisionsLast.Id, UserId = U(5), SupportedAt = db.Now.AddDays(-20) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = referrals.Id, UserId = U(9), SupportedAt = db.Now.AddDays(-37) },
            new FeedbackSupport { PartnershipId = partnershipId, ItemId = huddle.Id, UserId = U(4), SupportedAt = db.Now.AddDays(-25) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Step 6: a closed pulse round answered by eleven of the twelve members (both partners shown;
    /// every level under five, so suppressed) with three comments, and an open round three have answered.
    /// </summary>
    private async Task SeedPulseAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (await db.Set<PulseRound>().AnyAsync(r => r.PartnershipId == partnershipId, cancellationToken))
        {
            return;
        }
        var users = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        User U(int i) => users[People[i].Email];
        var first = new PulseRound
        {
            PartnershipId = partnershipId,
            Number = 1,
            OpenedAt = db.Now.AddDays(-35),
            OpenedByUserId = U(0).Id,
            ClosedAt = db.Now.AddDays(-21),
            ClosedByUserId = U(6).Id,
        };
        var second = new PulseRound { PartnershipId = partnershipId, Number = 2, OpenedAt = db.Now.AddDays(-3), OpenedByUserId = U(6).Id };
        db.Set<PulseRound>().AddRange(first, second);
        // Early days: people know the mission and trust their own counterparts, but have seen few
        // results yet; Eastside stumbles more over Riverbend's words; frontline staff have met less.
        var answers = new List<PulseAnswer>();
        void Answer(PulseRound round, int person, int shift)
        {
            var (_, _, org, _, level, _) = People[person];
            db.Set<PulseParticipation>().Add(new PulseParticipation { PartnershipId = partnershipId, RoundId = round.Id, UserId = U(person).Id });
            for (var i = 0; i < PulseCatalog.Items.Count; i++)
            {
                var item = PulseCatalog.Items[i];
                var score = 4 + shift + ((person + i) % 4 == 0 ? -1 : 0)
                    + item.Id switch
                    {
                        "outcomes-visible" or "expectations-known" => -1,
                        "language-understood" when org == Pc => -1,
                        "trust-met" when level == MemberLevel.Frontline => -2,
                        "voice-safe" when level == MemberLevel.Executive => 1,
                        _ => 0,
                    };
                answers.Add(new PulseAnswer
                {
                    PartnershipId = partnershipId,
                    RoundId = round.Id,
                    ItemId = item.Id,
                    Score = Math.Clamp(score, 1, 5),
                    OrganizationId = U(person).OrganizationId,
                    Level = level,
                });
            }
        }
        foreach (var person in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            Answer(first, person, person % 5 == 3 ? -1 : 0);
        }
        foreach (var person in new[] { 2, 8, 10 })
        {
            Answer(second, person, 0);
        }
        var rows = answers.ToArray();
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(rows.AsSpan());
        db.Set<PulseAnswer>().AddRange(rows);
        db.Set<PulseComment>().AddRange(
            new PulseComment { PartnershipId = partnershipId, RoundId = first.Id, Text = "The kick-off at Eastside was the first time I met anyone from the other clinic. More of that, please." },
            new PulseComment { PartnershipId = partnershipId, RoundId = first.Id, Text = "I still do not know what we will measure to show the partnership works." },
            new PulseComment { PartnershipId = partnershipId, RoundId = first.Id, Text = "Meetings are at 8:30, before the front desk can get away." });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureOrganizationAsync(string name, OrganizationKind kind, string mission, string vision, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            await createOrganization.RunAsync(new OrganizationInput(name, kind.ToString(), mission, vision), cancellationToken);
        }
    }

    private async Task EnsureUserAsync(string email, string name, string organization, bool isSiteAdmin, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            var created = await createUser.RunAsync(new UserInput(email, name, organization, Password, isSiteAdmin), cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email} could not be created: {created.FirstError}");
            }
        }
    }
}
