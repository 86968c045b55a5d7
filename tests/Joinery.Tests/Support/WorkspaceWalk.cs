using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Expectations;
using Joinery.Core.Feedback;
using Joinery.Core.Formalize;
using Joinery.Core.Glossary;
using Joinery.Core.Launch;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Joinery.Core.Readiness;
using Joinery.Core.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Support;

/// <summary>
/// A walk through every page handler and API route of a partnership's workspace: records of every
/// feature to fill the routes' ids, and a valid request for each handler. The cross-tenant test and
/// the archive test both walk it, so a new route is covered by both.
/// </summary>
public sealed class WorkspaceWalk(JoineryApp app)
{
    /// <summary>
    /// The steward's own requests run in an order where each is valid: a round is opened before it is
    /// answered, the published mission is acknowledged before a new draft unpublishes it, the steward's
    /// reopened expectations list is edited before it is submitted (which shows the lists again, so
    /// pairing and agreeing work), the open pulse round is answered, then closed, before the next is
    /// opened, and members are removed; then the partners end the partnership, plan a service's
    /// transition and archive it.
    /// </summary>
    public static int StewardOrder(PageHandler handler) => handler.Name switch
    {
        "Item" or "EditItem" => -4,
        "DeleteItem" => -3,
        "Submit" => -2,
        "OpenRound" or "Acknowledge" or "UpdateSignatory" => -1,
        "RemoveCelebration" => 0,
        "Remove" or "Close" or "RemoveItem" or "RemoveTraining" or "RemoveSource" or "RemoveSignatory" => 1,
        "Open" => 2,
        "End" => 3,
        "Transition" => 4,
        "Archive" => 5,
        _ => 0,
    };

    /// <summary>
    /// API routes outside any partnership (no <c>{id}</c>): the walks cannot try them against a
    /// partnership, so each is named here on purpose and tested on its own.
    /// </summary>
    public static readonly string[] ApiRoutesOutsidePartnerships = ["GET /api/v1/me", "GET /api/v1/partnerships/"];

    /// <summary>
    /// Handlers that name records by id in their form fields rather than in the route or a handler
    /// parameter: a record that is not the partnership's own is refused as a form error on its field.
    /// </summary>
    public static readonly string[] RecordIdsInForm = ["POST /Expectations/Index?handler=Pair", "POST /Expectations/Index?handler=Agree"];

    /// <summary>The partnership's API routes; fails on a route outside <c>/partnerships/{id}</c> not named in <see cref="ApiRoutesOutsidePartnerships"/>.</summary>
    public static IReadOnlyList<ApiRoute> PartnershipApiRoutes(JoineryApp app)
    {
        var routes = Routes.Api(app);
        routes.Where(r => !r.Template.Contains("{id", StringComparison.Ordinal)).Select(r => r.ToString())
            .ShouldBe(ApiRoutesOutsidePartnerships, ignoreOrder: true, "an API route the partnership walks skip: give it an {id} or name it (and test it) here");
        var inside = routes.Where(r => r.Template.Contains("{id", StringComparison.Ordinal)).ToList();
        inside.ShouldAllBe(r => r.Template.StartsWith("/api/v1/partnerships/{id:guid}", StringComparison.Ordinal));
        return inside;
    }

    /// <summary>The partnership's page handlers, all under <c>partnerships/{id}</c>.</summary>
    public static async Task<List<PageHandler>> PartnershipHandlersAsync(JoineryApp app) =>
        (await Routes.PagesAsync(app)).Where(h => h.Template.StartsWith("partnerships/{id:guid}", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Reads that take a record's id only as an optional hint, and ignore one that is not the
    /// partnership's own (the page shows as without it): which records they take.
    /// </summary>
    public static readonly Dictionary<string, string> OptionalHints = new()
    {
        // "Agree on this pair" ticks the pair's items in the agreement form, when the pair is one of the partnership's own.
        ["GET /Expectations/Index"] = "agreeOn",
        // "Edit" opens a service's form in place, when the service is one of the partnership's own.
        ["GET /Formalize/Services"] = "edit",
    };

    /// <summary>True when the handler names a record of the partnership besides the partnership itself (in its route, a parameter or its form).</summary>
    public static bool NamesRecords(PageHandler handler, Dictionary<string, string> records) =>
        RouteParameters(handler.Template).Any(p => p != "id")
        || handler.Parameters.Except(RouteParameters(handler.Template)).Any(p => records.TryGetValue(p, out var value) && Guid.TryParse(value, out _))
        || RecordIdsInForm.Contains(handler.ToString());

    /// <summary>True when the API route names a record of the partnership besides the partnership itself.</summary>
    public static bool NamesRecords(ApiRoute route) => RouteParameters(route.Template).Any(p => p != "id");

    private static IEnumerable<string> RouteParameters(string template) =>
        Regex.Matches(template, "\\{(\\w+)").Select(m => m.Groups[1].Value);

    /// <summary>The handler's URL with the route filled from the records (no query parameters).</summary>
    public static string Url(PageHandler handler, Dictionary<string, string> records)
    {
        var path = "/" + Regex.Replace(handler.Template, "\\{(\\w+)(:[^}]*)?\\}", m => records[m.Groups[1].Value]);
        return handler.Name.Length == 0 ? path : $"{path}?handler={handler.Name}";
    }

    /// <summary>
    /// A successful answer to a request of the partnership's own member: 200, or a redirect within the
    /// partnership (post/redirect/get), never to sign-in, the refusal page or elsewhere. A redirect goes
    /// back to the handler's own section of the workspace unless <see cref="RedirectsElsewhere"/> says where.
    /// </summary>
    public static void ShouldSucceed(HttpResponseMessage response, PageHandler handler, Guid partnershipId)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], handler.ToString());
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return;
        }
        var location = response.Headers.Location.ShouldNotBeNull($"{handler}: a redirect without a Location");
        (!location.IsAbsoluteUri || location.Host == "localhost").ShouldBeTrue($"{handler} redirected to another site: {location}");
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0];
        path.ShouldNotStartWith("/account", Case.Insensitive, $"{handler} redirected to {location}");
        var section = RedirectsElsewhere.GetValueOrDefault(handler.ToString()) ?? Section(handler.Template);
        var expected = $"/partnerships/{partnershipId}{section}";
        (path == expected || (section.Length > 0 && path.StartsWith(expected + "/", StringComparison.Ordinal)))
            .ShouldBeTrue($"{handler} redirected to {location}, not within {expected}");
    }

    /// <summary>The section of the workspace a page belongs to: "/glossary" for "partnerships/{id:guid}/glossary/{termId:guid}", "" for the overview.</summary>
    private static string Section(string template)
    {
        var rest = template["partnerships/{id:guid}".Length..];
        var segment = rest.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return segment is null ? "" : "/" + segment;
    }

    /// <summary>Handlers whose success leads to another section of the workspace, and which one ("" is the overview).</summary>
    private static readonly Dictionary<string, string> RedirectsElsewhere = new()
    {
        // A phase move shows the partnership's overview with its new phase; ending it leads to closing it.
        ["POST /Partnerships/Phase"] = "",
        ["POST /Partnerships/Phase?handler=End"] = "/close",
    };

    /// <summary>
    /// Records for walks that only read: as <see cref="RecordsAsync"/>, then the steward's list
    /// submitted again, so both lists show and the agreed expectations and pilot reviews open.
    /// </summary>
    public async Task<Dictionary<string, string>> ReadOnlyRecordsAsync(SeededPartnership victim)
    {
        var records = await RecordsAsync(victim);
        await app.ActingAsAsync(victim.Steward, async services =>
        {
            var submitted = await services.GetRequiredService<ExpectationsWork>().SubmitAsync(victim.Id);
            submitted.Succeeded.ShouldBeTrue(submitted.FirstError);
            return submitted.Value;
        });
        return records;
    }

    /// <summary>Records of every workspace feature in the victim partnership, so routes with their ids can be tried.</summary>
    public async Task<Dictionary<string, string>> RecordsAsync(SeededPartnership victim)
    {
        var records = await FeatureRecordsAsync(victim);
        foreach (var (key, value) in await ExpectationRecordsAsync(victim))
        {
            records[key] = value;
        }
        foreach (var (key, value) in await LaunchRecordsAsync(victim))
        {
            records[key] = value;
        }
        foreach (var (key, value) in await FormalizeRecordsAsync(victim))
        {
            records[key] = value;
        }
        return records;
    }

    private Task<Dictionary<string, string>> FeatureRecordsAsync(SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var glossary = await services.GetRequiredService<GlossaryWork>().CreateAsync(victim.Id,
                new GlossaryInput($"huddle {app.Unique()}", "management", "A case review.", "A short daily team meeting.", "", "proposed"));
            var meetings = services.GetRequiredService<MeetingsWork>();
            var series = await meetings.CreateSeriesAsync(victim.Id, new SeriesInput("Joint meeting", "monthly", "2026-01-05", "08:30", "60", "hybrid"));
            var meeting = await meetings.CreateMeetingAsync(victim.Id, new MeetingInput("Kick-off", "2026-01-05", "face-to-face", null, "1. Hello"));
            var action = await meetings.AddActionAsync(victim.Id, new ActionInput("Book the room", victim.Steward.UserId.ToString(), "2026-02-01", meeting.Value.ToString()));
            var decision = await services.GetRequiredService<DecisionsWork>().CreateAsync(victim.Id,
                new DecisionInput("Where the consultant sits", "No free office.", "", "negotiable", "", "Half of the supply room.", "proposed"));
            var measures = services.GetRequiredService<MeasuresWork>();
            var measure = await measures.CreateAsync(victim.Id, new MeasureInput("Days to first visit", "", "process", "value", "days", "", "", "", null, "down", "7", "monthly"));
            var point = await measures.RecordPointAsync(victim.Id, measure.Value, new PointInput("2026-01", null, null, "12", ""));
            var cycle = await measures.SaveCycleAsync(victim.Id, measure.Value, null, new CycleInput("Huddle", "Join it.", "Waits fall.", "", "", "", "", "2026-01-05", ""));
            var feedback = await services.GetRequiredService<FeedbackWork>().PostAsync(victim.Id,
                new FeedbackInput("negative", "Referrals disappear", "We never hear whether the person was seen.", Anonymous: true));
            var round = await services.GetRequiredService<PulseWork>().OpenRoundAsync(victim.Id);
            foreach (var outcome in new[] { glossary.As<Guid>(), series, meeting, action, decision, measure, point.As<Guid>(), cycle, feedback, round.As<Guid>() })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            // A published mission, so that acknowledging it is a valid request.
            var db = services.GetRequiredService<JoineryDb>();
            db.Set<MissionVersion>().Add(new MissionVersion
            {
                PartnershipId = victim.Id,
                Number = 1,
                Vision = "One place for body and mind.",
                Mission = "Care together.",
                AuthorUserId = victim.Steward.UserId,
                CreatedAt = db.Now,
                PublishedAt = db.Now,
            });
            await db.SaveChangesAsync();
            return new Dictionary<string, string>
            {
                ["id"] = victim.Id.ToString(),
                ["membershipId"] = victim.First(MemberRole.Planner).MembershipId.ToString()!,
                ["termId"] = glossary.Value!.Id.ToString(),
                ["series"] = series.Value.ToString(),
                ["seriesId"] = series.Value.ToString(),
                ["meetingId"] = meeting.Value.ToString(),
                ["actionId"] = action.Value.ToString(),
                ["decisionId"] = decision.Value.ToString(),
                ["feedbackId"] = feedback.Value.ToString(),
                ["round"] = round.Value!.Id.ToString(),
                ["status"] = "done",
                ["measureId"] = measure.Value.ToString(),
                ["cycleId"] = cycle.Value.ToString(),
                ["template"] = "referrals-completed",
            };
        });

    /// <summary>
    /// Step 5 in the victim partnership: both lists submitted, a pair, an agreed expectation and a pilot
    /// review; then the steward's list is reopened (its submission removed) with a draft item, so that
    /// the handlers that work only before the reveal can be tried too. The steward's Submit reveals again.
    /// </summary>
    private async Task<Dictionary<string, string>> ExpectationRecordsAsync(SeededPartnership victim)
    {
        var (handoffs, intakes) = await app.ActingAsAsync(victim.First(MemberRole.Planner), async services =>
        {
            var work = services.GetRequiredService<ExpectationsWork>();
            var a = await work.AddItemAsync(victim.Id, "Warm handoffs every clinic day.");
            var b = await work.AddItemAsync(victim.Id, "Fewer second intakes.");
            (await work.SubmitAsync(victim.Id)).Succeeded.ShouldBeTrue();
            return (a.Value, b.Value);
        });
        return await app.ActingAsAsync(victim.Steward, async services =>
        {
            var work = services.GetRequiredService<ExpectationsWork>();
            var billable = await work.AddItemAsync(victim.Id, "Billable consultant time.");
            var physicals = await work.AddItemAsync(victim.Id, "Yearly physicals.");
            var revealed = await work.SubmitAsync(victim.Id);
            var pair = await work.PairAsync(victim.Id, new PairInput(billable.Value.ToString(), handoffs.ToString(), "conflicting", ""));
            var agreed = await work.AgreeAsync(victim.Id, new AgreedInput("Handoffs are free.", victim.Steward.UserId.ToString(), null, "2027-01-04",
                [billable.Value.ToString(), handoffs.ToString()]));
            var review = await work.CreatePilotReviewAsync(victim.Id, new PilotReviewInput("2026-01-05", "2026-03-31", null, null));
            foreach (var outcome in new[] { billable, physicals, revealed.As<Guid>(), pair, agreed, review })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            revealed.Value.ShouldBeTrue();
            var db = services.GetRequiredService<JoineryDb>();
            db.Remove(await db.Set<ExpectationSubmission>().SingleAsync(s => s.PartnershipId == victim.Id && s.OrganizationId == victim.Partners[0]));
            await db.SaveChangesAsync();
            var draft = await work.AddItemAsync(victim.Id, "A draft to reword and remove.");
            draft.Succeeded.ShouldBeTrue(draft.FirstError);
            return new Dictionary<string, string>
            {
                ["itemId"] = draft.Value.ToString(),
                ["pairId"] = pair.Value.ToString(),
                ["agreeOn"] = pair.Value.ToString(),
                ["agreedId"] = agreed.Value.ToString(),
                ["reviewId"] = review.Value.ToString(),
                ["physicals"] = physicals.Value.ToString(),
                ["intakes"] = intakes.ToString(),
            };
        });
    }

    /// <summary>Prepare and Operate in the victim partnership: a checklist item, a course, a referral source and a milestone.</summary>
    private Task<Dictionary<string, string>> LaunchRecordsAsync(SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var launch = services.GetRequiredService<LaunchWork>();
            var item = await launch.SaveItemAsync(victim.Id, null, new ChecklistItemInput("space", "A room for the consultant", null, "2026-02-01", null));
            var training = await launch.SaveTrainingAsync(victim.Id, null, new TrainingInput(null, "Front desk staff", "Warm handoffs", "2026-02-01", null));
            var source = await launch.SaveSourceAsync(victim.Id, null, new ReferralSourceInput("County crisis line", "external", "phone", null));
            var milestones = services.GetRequiredService<MilestonesWork>();
            var milestone = await milestones.SaveAsync(victim.Id, null, new MilestoneInput("First joint training day", "2026-01-20", "2026-01-20"));
            var celebration = await milestones.CelebrateAsync(victim.Id, milestone.Value, new CelebrationInput("2026-01-21", "Lunch together.", ""));
            foreach (var outcome in new[] { item, training, source, milestone, celebration })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            return new Dictionary<string, string>
            {
                ["checklistItemId"] = item.Value.ToString(),
                ["trainingId"] = training.Value.ToString(),
                ["sourceId"] = source.Value.ToString(),
                ["milestoneId"] = milestone.Value.ToString(),
                ["celebrationId"] = celebration.Value.ToString(),
            };
        });

    /// <summary>Formalize in the victim partnership: a service, a cost item, and an MOU with a PDF attached.</summary>
    private Task<Dictionary<string, string>> FormalizeRecordsAsync(SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var service = await services.GetRequiredService<ServicesWork>().CreateAsync(victim.Id,
                new ServiceInput("Consults", "", victim.Partners[0].ToString(), victim.Partners[1].ToString(), "", ["medicaid"], "contract", false, null, null));
            var kept = await services.GetRequiredService<ServicesWork>().CreateAsync(victim.Id,
                new ServiceInput("Care coordination", "", victim.Partners[1].ToString(), victim.Partners[1].ToString(), "", ["medicaid"], "direct", false, null, null));
            var cost = await services.GetRequiredService<FinancesWork>().AddAsync(victim.Id,
                new CostItemInput("space", "Consult room", victim.Partners[1].ToString(), "400", "monthly", null, null));
            var agreements = services.GetRequiredService<AgreementsWork>();
            var mou = await agreements.CreateAsync(victim.Id, new AgreementInput("mou", "Memorandum of understanding", "draft"));
            var document = await agreements.UploadAsync(victim.Id, mou.Value, "mou.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
            var signatory = await agreements.AddSignatoryAsync(victim.Id, mou.Value, new SignatoryInput("Dana Example", "Director", victim.Partners[0].ToString(), null));
            foreach (var outcome in new[] { service, kept, cost, mou, document, signatory })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            return new Dictionary<string, string>
            {
                ["serviceId"] = service.Value.ToString(),
                ["edit"] = service.Value.ToString(),
                ["costItemId"] = cost.Value.ToString(),
                ["agreementId"] = mou.Value.ToString(),
                ["service"] = kept.Value.ToString(),
                ["signatoryId"] = signatory.Value.ToString(),
            };
        });

    /// <summary>A request a steward of the partnership could make: every field the handler binds is filled with a valid value.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient browser, PageHandler handler, SeededPartnership victim, Dictionary<string, string> records)
    {
        var path = "/" + Regex.Replace(handler.Template, "\\{(\\w+)(:[^}]*)?\\}", m => records[m.Groups[1].Value]);
        var url = handler.Name.Length == 0 ? path : $"{path}?handler={handler.Name}";
        var parameters = handler.Parameters.Where(p => !handler.Template.Contains("{" + p, StringComparison.Ordinal) && p != "file").ToList();
        var missing = parameters.Where(p => !records.ContainsKey(p)).ToList();
        missing.ShouldBeEmpty($"{handler}: teach the cross-tenant test how to fill these parameters");
        if (handler.Method == "GET")
        {
            var query = string.Concat(parameters.Select(p => $"&{p}={Uri.EscapeDataString(records[p])}"));
            return await browser.GetAsync(query.Length == 0 ? url : url.Contains('?', StringComparison.Ordinal) ? url + query : url + "?" + query[1..]);
        }
        var form = parameters.ToDictionary(p => p, p => records[p]);
        foreach (var (field, value) in FormFields(handler.Page, victim, records))
        {
            form[field] = value;
        }
        if (handler.Parameters.Contains("file"))
        {
            var token = await browser.AntiforgeryTokenAsync("/");
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(UploadFor(handler.Page))), "file", "upload.csv" },
            };
            return await browser.PostAsync(url, content);
        }
        return await browser.SubmitFormAsync(url, form);
    }

    private static string UploadFor(string page) => page switch
    {
        "/Measures/Details" => "period,value\n2025-12,14\n",
        "/Formalize/Agreement" => "%PDF-1.4\n%%EOF\n",
        _ => "term,category\ncaseload,management\n",
    };

    /// <summary>The form fields each page posts, valid for the victim's steward.</summary>
    private static Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Partnerships/Members" => new()
        {
            ["Invite.Email"] = $"newcomer{Guid.NewGuid():N}@example.org",
            ["Invite.Organization"] = victim.Partners[1].ToString(),
            ["Invite.Role"] = "planner",
            ["Invite.Level"] = "manager",
            ["Change.Role"] = "viewer",
            ["Change.Level"] = "frontline",
            ["Change.IsChampion"] = "true",
            ["Change.ChampionFor"] = "Scheduling",
        },
        "/Partnerships/Phase" => new()
        {
            ["Input.To"] = "plan",
            ["Input.Reason"] = "The partners agreed to start planning now.",
            ["End.Reason"] = "The grant ended and neither board can fund the service.",
        },
        "/Close/Index" => new()
        {
            ["Plan.ContinuedBy"] = victim.Partners[1].ToString(),
            ["Plan.HowTold"] = "A letter from the clinic, then a conversation at the next visit.",
            ["Plan.RecordsKeptBy"] = victim.Partners[1].ToString(),
            ["Plan.Records"] = "Care plans and notes stay in the clinic's record for seven years.",
            ["Plan.CareHandedOverOn"] = "2026-01-10",
            ["Confirm"] = "true",
        },
        "/Readiness/Answer" => ReadinessCatalog.Items.ToDictionary(i => $"Answers[{i.Code}]", _ => "4"),
        "/IntegrationLevels/Index" => new()
        {
            ["Answers[same-site]"] = "no",
            ["Answers[regular-contact]"] = "yes",
            ["Decision.CurrentLevel"] = "2",
            ["Decision.TargetLevel"] = "4",
        },
        "/Mission/Index" => new()
        {
            ["Draft.Vision"] = $"Body and mind, together {Guid.NewGuid():N}.",
            ["Draft.Mission"] = "We care for the people we serve, together.",
            ["CommentText"] = "Please name substance use.",
            ["Communicated.Channel"] = "huddle",
            ["Communicated.On"] = "2026-01-10",
            ["Communicated.Audience"] = "Front desk",
        },
        "/Glossary/Index" => new() { ["Input.Term"] = $"panel {Guid.NewGuid():N}", ["Input.Category"] = "roles", ["Input.Status"] = "proposed" },
        "/Glossary/Term" => new()
        {
            ["Input.Term"] = $"huddle {Guid.NewGuid():N}",
            ["Input.Category"] = "management",
            ["Input.Status"] = "in-discussion",
            ["CommentText"] = "We say huddle too.",
        },
        "/Glossary/Translate" => new() { ["Text"] = "A huddle before clinic.", ["Audience"] = "primary-care" },
        "/Meetings/Index" => new()
        {
            ["Series.Title"] = "Fortnightly",
            ["Series.Cadence"] = "every-two-weeks",
            ["Series.FirstDate"] = "2026-02-02",
            ["Series.StartTime"] = "09:00",
            ["Series.DurationMinutes"] = "45",
            ["Series.Format"] = "virtual",
            ["Meeting.Title"] = "Review",
            ["Meeting.Date"] = "2026-02-02",
            ["Meeting.Format"] = "hybrid",
        },
        "/Meetings/Details" => new()
        {
            ["Meeting.Title"] = "Kick-off",
            ["Meeting.Date"] = "2026-01-05",
            ["Meeting.Format"] = "face-to-face",
            ["Meeting.Minutes"] = "We met.",
            ["NewAction.Title"] = "Send the minutes",
            ["NewAction.Owner"] = victim.Steward.UserId.ToString(),
            ["NewAction.DueDate"] = "2026-02-10",
        },
        "/Decisions/Index" or "/Decisions/Details" => new()
        {
            ["Input.Title"] = "Where the consultant sits",
            ["Input.Problem"] = "No free office.",
            ["Input.Negotiability"] = "negotiable",
            ["Input.Compromise"] = "Half of the supply room.",
            ["Input.Status"] = "proposed",
            ["Position"] = "Any room near the clinic works.",
        },
        "/Trust/Round" => PulseCatalog.Items.Select(i => new KeyValuePair<string, string>($"Scores[{i.Id}]", "4"))
            .Append(new("Comment", "More time together, please.")).ToDictionary(),
        "/Decisions/Contributions" => new()
        {
            ["Input.Organization"] = victim.Partners[0].ToString(),
            ["Input.Kind"] = "funding",
            ["Input.Description"] = "Start-up grant",
            ["Input.Value"] = "5000",
        },
        "/Health/Index" => new() { ["Thresholds[SilenceDays]"] = "120", ["Thresholds[RecentMeetings]"] = "4" },
        "/Measures/Index" or "/Measures/Details" or "/Measures/Cycle" => new()
        {
            ["Input.Name"] = "Days to first visit",
            ["Input.Kind"] = "value",
            ["Input.Unit"] = "days",
            ["Input.BetterDirection"] = "down",
            ["Point.Period"] = "2026-02",
            ["Point.Value"] = "11",
            ["Flag.Period"] = "2026-01",
            ["Flag.Astronomical"] = "true",
            ["Baseline.From"] = "2025-01",
            ["Baseline.To"] = "2025-06",
            ["Baseline.Value"] = "15",
            ["Cycle.Title"] = "Huddle",
            ["Cycle.Plan"] = "Join the morning huddle.",
            ["Cycle.Prediction"] = "Waits fall.",
            ["Cycle.StartedOn"] = "2026-01-05",
        },
        "/Feedback/Index" => new() { ["Input.Kind"] = "idea", ["Input.Title"] = "A shared calendar", ["Input.Anonymous"] = "true" },
        "/Feedback/Details" => new()
        {
            ["Answer"] = "Thank you; the billing leads will look at it.",
            ["Change.Status"] = "wont-do",
            ["Change.Reason"] = "The state contract fixes this until July.",
        },
        "/Expectations/Index" => new()
        {
            ["Item.Text"] = "Fewer emergency visits.",
            ["EditText"] = "A reworded draft.",
            ["Pair.First"] = records["physicals"],
            ["Pair.Second"] = records["intakes"],
            ["Pair.Relation"] = "related",
            ["Agree.Statement"] = "Yearly physicals for everyone we share.",
            ["Agree.Owner"] = victim.Steward.UserId.ToString(),
            ["Agree.Items"] = records["physicals"],
            ["Review.From"] = "2026-04-01",
            ["Review.To"] = "2026-06-30",
        },
        "/Expectations/Agreed" or "/Expectations/Review" => new()
        {
            ["Input.Statement"] = "Handoffs are free; follow-up visits are billed.",
            ["Input.Owner"] = victim.Steward.UserId.ToString(),
            ["Input.Items"] = records["physicals"],
            ["Input.From"] = "2026-01-05",
            ["Input.To"] = "2026-03-31",
            ["Evaluation.Expectation"] = records["agreedId"],
            ["Evaluation.Result"] = "met",
        },
        "/Launch/Index" => new()
        {
            ["Schedule.StartDate"] = "2026-03-02",
            ["Schedule.PilotMonths"] = "6",
            ["Item.Area"] = "workflows",
            ["Item.Title"] = "Crisis workflow agreed",
            ["Item.Owner"] = victim.Steward.UserId.ToString(),
            ["Training.StaffName"] = "Medical assistants",
            ["Training.Course"] = "Screening",
            ["Source.Name"] = "Eastside front desk",
            ["Source.Kind"] = "internal",
            ["Source.Channel"] = "meeting",
            ["Row.Owner"] = victim.Steward.UserId.ToString(),
            ["Row.DueOn"] = "2026-02-01",
            ["Row.DoneOn"] = "2026-01-15",
            ["Decision.Decision"] = "go",
            ["Decision.Note"] = "Ready.",
        },
        "/Milestones/Index" => new()
        {
            ["Input.Title"] = "First shared case review",
            ["Input.PlannedOn"] = "2026-04-01",
            ["Row.DueOn"] = "2026-01-20",
            ["Row.DoneOn"] = "2026-01-21",
            ["Celebration.CelebratedOn"] = "2026-01-22",
            ["Celebration.How"] = "Lunch together.",
            ["Celebration.Thanked"] = "The front desk teams.",
        },
        "/Formalize/Services" => new()
        {
            ["Input.Name"] = "Care management",
            ["Input.DeliveredBy"] = victim.Partners[0].ToString(),
            ["Input.BilledBy"] = victim.Partners[0].ToString(),
            ["Input.Scope"] = "referral",
        },
        "/Formalize/Finances" => new()
        {
            ["Input.Category"] = "training",
            ["Input.Description"] = "Warm handoff training",
            ["Input.Organization"] = victim.Partners[0].ToString(),
            ["Input.Amount"] = "1200.50",
            ["Input.Period"] = "one-off",
        },
        "/Formalize/Agreements" or "/Formalize/Agreement" => new()
        {
            ["Input.Type"] = "baa",
            ["Input.Title"] = "Business associate agreement",
            ["Input.Status"] = "in-review",
            ["Input.Parties"] = victim.Partners[0].ToString(),
            ["Signatory.Name"] = "Dana Example",
            ["Signatory.Organization"] = victim.Partners[0].ToString(),
            ["Element.Code"] = "parties",
            ["Element.Done"] = "true",
            ["Element.Note"] = "Covered in the recitals.",
            ["SignedOn"] = "2026-01-15",
        },
        _ => [],
    };

    public static HttpRequestMessage Request(string method, string template, Guid id, Dictionary<string, string>? records = null)
    {
        var url = Regex.Replace(template.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal), "\\{(\\w+)(:[^}]*)?\\}",
            m => records?.GetValueOrDefault(m.Groups[1].Value) ?? m.Value);
        url.ShouldNotContain("{", customMessage: $"{template}: teach the cross-tenant test how to fill the route's other parameters");
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }
}
