using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Close;
using Joinery.Core.Formalize;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Close;

/// <summary>
/// An archived partnership is read-only: every page handler and API route that would change it is
/// refused with the same message and changes nothing, while every page and every read still
/// answers. The routes come from the app, so a new one is covered (the walk is shared with the
/// cross-tenant test).
/// </summary>
[Trait(TestClock.Trait, TestClock.Dated)]
public sealed partial class ArchivedPartnershipTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>Handlers that stay open: translating a text only reads; removing a member who left only takes access away.</summary>
    private static readonly string[] Open = ["POST /Glossary/Translate", "POST /Partnerships/Members?handler=Remove"];

    [Fact]
    public async Task Every_page_still_reads_and_every_change_is_refused_with_nothing_saved()
    {
        var (victim, records) = await ArchivedAsync();
        var steward = await app.SignedInAsync(victim.Steward);
        var handlers = (await Routes.PagesAsync(app)).Where(h => h.Template.StartsWith("partnerships/{id:guid}", StringComparison.Ordinal)).ToList();
        handlers.Count.ShouldBeGreaterThan(100, "the walk must find the workspace's page handlers");

        foreach (var handler in handlers.OrderBy(WorkspaceWalk.StewardOrder))
        {
            var before = await app.SnapshotAsync();
            var response = await WorkspaceWalk.SendAsync(steward, handler, victim, records);
            var body = await response.Content.ReadAsStringAsync();

            if (handler.Method == "GET" || Open.Contains(handler.ToString()))
            {
                // Reads answer (and downloads are audited, as everywhere); a removed member is gone.
                WorkspaceWalk.ShouldSucceed(response, handler, victim.Id);
                (await response.ErrorSummaryAsync()).ShouldBeEmpty(handler.ToString());
                continue;
            }
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"{handler}: {Forms.ErrorSummary(body).FirstOrDefault()}");
            body.ShouldContain(PartnershipArchivedException.Text, customMessage: handler.ToString());
            (await app.SnapshotAsync()).ShouldBe(before, handler.ToString());
        }
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task Every_api_read_answers_and_every_api_change_is_refused_409_with_nothing_saved()
    {
        var (victim, records) = await ArchivedAsync();
        var api = await app.ApiAsync(victim.Steward);
        var routes = WorkspaceWalk.PartnershipApiRoutes(app);

        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                var before = await app.SnapshotAsync();
                var response = await api.SendAsync(WorkspaceWalk.Request(method, route.Template, victim.Id, records));
                if (method == "GET")
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{method} {route.Template}");
                    continue;
                }
                if (route.Template.EndsWith("/translate", StringComparison.Ordinal))
                {
                    // A translation only reads: the empty body is refused as such, not because of the archive.
                    response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, route.Template);
                    continue;
                }
                var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
                problem.Text("detail").ShouldBe(PartnershipArchivedException.Text, $"{method} {route.Template}");
                (await app.SnapshotAsync()).ShouldBe(before, $"{method} {route.Template}");
            }
        }
    }

    [Fact]
    public async Task A_member_who_left_is_removed_from_an_archive_and_loses_access_to_it()
    {
        var (victim, records) = await ArchivedAsync();
        var steward = await app.SignedInAsync(victim.Steward);
        var planner = await app.SignedInAsync(victim.First(MemberRole.Planner));
        (await planner.GetAsync($"/partnerships/{victim.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var removed = await steward.SubmitFormAsync($"/partnerships/{victim.Id}/members?handler=Remove", new() { ["membershipId"] = records["membershipId"] });

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        removed.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe($"/partnerships/{victim.Id}/members");
        var sameSession = await planner.GetAsync($"/partnerships/{victim.Id}");
        sameSession.StatusCode.ShouldBe(HttpStatusCode.Redirect, "it was their last membership, so their session ended");
        new Uri(new Uri("http://localhost"), sameSession.Headers.Location!).AbsolutePath.ShouldBe("/account/sign-in");
        (await (await app.SignedInAsync(victim.First(MemberRole.Planner))).GetAsync($"/partnerships/{victim.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_outsider_gets_404_not_409_from_every_api_change_to_an_archive()
    {
        var (victim, records) = await ArchivedAsync();
        var elsewhere = await app.APartnership().BuildAsync();
        var outsider = await app.ApiAsync(elsewhere.Steward);
        var before = await app.SnapshotAsync();

        foreach (var route in WorkspaceWalk.PartnershipApiRoutes(app))
        {
            foreach (var method in route.Methods.Where(m => m != "GET"))
            {
                var response = await outsider.SendAsync(WorkspaceWalk.Request(method, route.Template, victim.Id, records));
                (await response.ReadProblemAsync(HttpStatusCode.NotFound)).ToString().ShouldNotContain("archived", Case.Insensitive, $"{method} {route.Template}");
            }
        }
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_change_that_reaches_the_data_context_through_the_web_is_answered_409_not_500()
    {
        // Site administration adds members by a form that names the partnership in its fields, not
        // its route, so the front-door filter does not see it: the data context refuses the save.
        var (victim, _) = await ArchivedAsync();
        var admin = await app.SignedInAsync(await PartnershipBuilder.CreatePersonAsync(app, victim.Partners[0], isSiteAdmin: true));
        var newcomer = (await PartnershipBuilder.CreatePersonAsync(app, victim.Partners[0])).Email;
        var before = await app.SnapshotAsync();

        var response = await admin.SubmitFormAsync("/admin/partnerships", new()
        {
            ["partnershipId"] = victim.Id.ToString(),
            ["Input.Email"] = newcomer,
            ["Input.Role"] = "viewer",
            ["Input.Level"] = "frontline",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain(PartnershipArchivedException.Text);
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_pages_of_an_archive_say_so_and_show_their_forms_disabled_but_signing_out_still_works()
    {
        var (victim, _) = await ArchivedAsync();
        var steward = await app.SignedInAsync(victim.Steward);

        var glossary = await steward.GetStringAsync($"/partnerships/{victim.Id}/glossary");
        var translate = await steward.GetStringAsync($"/partnerships/{victim.Id}/glossary/translate");
        var close = await steward.GetStringAsync($"/partnerships/{victim.Id}/close");
        var home = await steward.GetStringAsync("/");

        glossary.ShouldContain("nothing can be changed");
        var forms = FormPattern().Matches(glossary).Select(m => m.Value).ToList();
        forms.Where(f => f.Contains("method=\"post\"", StringComparison.Ordinal) && !f.Contains("/account/sign-out", StringComparison.Ordinal))
            .ShouldAllBe(f => f.Contains("<fieldset class=\"archived\" disabled>", StringComparison.Ordinal));
        forms.Single(f => f.Contains("/account/sign-out", StringComparison.Ordinal)).ShouldNotContain("disabled");
        FormPattern().Matches(translate).Select(m => m.Value).Where(f => f.Contains("Translate", StringComparison.Ordinal))
            .ShouldAllBe(f => !f.Contains("disabled", StringComparison.Ordinal));
        close.ShouldContain("Archived on");
        close.ShouldNotContain("Archive the partnership");
        home.ShouldContain("Archived ");
    }

    /// <summary>
    /// A partnership with a record of every feature, closed: both services' transitions carried out,
    /// every agreement terminated, then archived by its steward.
    /// </summary>
    private async Task<(SeededPartnership Victim, Dictionary<string, string> Records)> ArchivedAsync()
    {
        var victim = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Manager, partner: 1).BuildAsync();
        var invitation = await app.ActingAsAsync(victim.Steward, async services => (await services.GetRequiredService<Invitations>().InviteAsync(victim.Id,
            new InvitationInput($"invitee{app.Unique()}@example.org", victim.Partners[0].ToString(), "viewer", "frontline"))).Value!.Id);
        var records = await new WorkspaceWalk(app).RecordsAsync(victim);
        records["invitationId"] = invitation.ToString();
        await app.ActingAsAsync(victim.Steward, async services =>
        {
            // The walk's records leave the steward's expectations reopened; submitting shows both lists again.
            (await services.GetRequiredService<Core.Expectations.SubmitExpectations>().RunAsync(victim.Id)).Succeeded.ShouldBeTrue();
            var moved = await services.GetRequiredService<MovePhase>().RunAsync(victim.Id, new PhaseMove("close", "The grant ended."));
            moved.Succeeded.ShouldBeTrue(moved.FirstError);
            var close = services.GetRequiredService<CloseWork>();
            foreach (var service in await services.GetRequiredService<ServicesWork>().ServicesAsync(victim.Id))
            {
                var saved = await close.SaveTransitionAsync(victim.Id, service.Id, new TransitionInput(victim.Partners[1].ToString(), null,
                    "Letters, then a conversation at the next visit.", victim.Partners[1].ToString(), "Notes stay with the clinic for seven years.",
                    CareHandedOverOn: "2026-01-10", PeopleToldOn: "2026-01-10", RecordsSettledOn: "2026-01-10"));
                saved.Succeeded.ShouldBeTrue(saved.FirstError);
            }
            var db = services.GetRequiredService<Core.Data.JoineryDb>();
            foreach (var agreement in await db.Set<Agreement>().AsNoTracking().Where(a => a.PartnershipId == victim.Id).ToListAsync())
            {
                var ended = await services.GetRequiredService<ChangeAgreement>().RunAsync(victim.Id, agreement.Id, new AgreementInput(null, agreement.Title, "terminated"));
                ended.Succeeded.ShouldBeTrue(ended.FirstError);
            }
            var archived = await close.ArchiveAsync(victim.Id, new ArchiveInput(Confirm: true));
            archived.Succeeded.ShouldBeTrue(archived.FirstError);
            return true;
        });
        return (victim, records);
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
}
