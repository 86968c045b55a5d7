using System.Net;
using System.Net.Sockets;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Platform;

/// <summary>
/// A log line may carry an id, never a name, an e-mail address, a score or free text about a person.
/// Several flows run with values found nowhere else (a person called Zebediah Quillfeather, notes
/// no one would write) while every log line at every level is captured; none may appear. The mail
/// server is unreachable, so the one log line that is handed a recipient shows it erased.
/// </summary>
public sealed class PersonalDataLogTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private const string Name = "Zebediah Quillfeather";
    private const string Email = "zebediah.quillfeather@example.org";
    private const string FeedbackText = "Marmalade-coloured referral forms vanish every second Tuesday";
    private const string PulseComment = "Thistlewick trust remark about the huddles";
    private const string Minutes = "Ottoline explained the pelican handoff to the night nurses";
    private const string Agenda = "Crumplehorn agenda item on shared caseloads";

    [Fact]
    public async Task No_log_line_at_any_level_carries_personal_data()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, partner: 1).BuildAsync();
        var admin = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true);
        var logs = new CapturedLogs();
        await using var logged = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureLogging(logs.AddTo);
        });

        // Sign-up by invitation: the steward invites (the mail fails), the invitee accepts with a name.
        var steward = await SignInAsync(logged, p.Steward.Email, p.Steward.Password);
        (await steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Invite", new()
        {
            ["Invite.Email"] = Email,
            ["Invite.Organization"] = p.Partners[1].ToString(),
            ["Invite.Role"] = "planner",
            ["Invite.Level"] = "frontline",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = Forms.InputValue(await steward.ReadPageAsync($"/partnerships/{p.Id}/members"), "invitation-link")!;
        var invitee = JoineryApp.BrowserOf(logged);
        (await invitee.SubmitFormAsync(link, link, new() { ["Input.Name"] = Name, ["Input.Password"] = PartnershipBuilder.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A wrong password for the new account, then a partnership started by an administrator.
        var stranger = JoineryApp.BrowserOf(logged);
        await stranger.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = Email, ["Input.Password"] = "not the password at all" });
        var administrator = await SignInAsync(logged, admin.Email, admin.Password);
        (await administrator.SubmitFormAsync("/", "/partnerships/new", [
            new("Input.Name", $"Logged partnership {app.Unique()}"), new("Input.Organizations", p.Partners[0].ToString()),
            new("Input.Organizations", p.Partners[1].ToString()),
        ])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Feedback with free text, on the page and through the API.
        (await invitee.SubmitFormAsync($"/partnerships/{p.Id}/feedback", new()
        {
            ["Input.Kind"] = "negative",
            ["Input.Title"] = FeedbackText,
            ["Input.Body"] = FeedbackText,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var inviteeId = await app.ReadAsync(db => db.Users.SingleAsync(u => u.Email == Email));
        var api = logged.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(inviteeId.Id));
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/feedback", new { kind = "idea", title = FeedbackText, body = FeedbackText, anonymous = false }, HttpStatusCode.Created);

        // Pulse answers with a comment, and a meeting with its agenda and minutes.
        var stewardApi = logged.CreateClient();
        stewardApi.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(p.Steward.UserId));
        var round = (await stewardApi.PostJsonAsync($"/api/v1/partnerships/{p.Id}/pulse/rounds", new { }, HttpStatusCode.Created)).Text("id");
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/pulse/{round}/answers",
            new { answers = PulseCatalog.Items.Select(i => new { item = i.Id, score = 2 }).ToArray(), comment = PulseComment }, HttpStatusCode.Created);
        await stewardApi.PostJsonAsync($"/api/v1/partnerships/{p.Id}/meetings",
            new { title = "Huddle", date = "2026-01-05", format = "hybrid", agenda = Agenda, minutes = Minutes, attendees = new[] { inviteeId.Id } }, HttpStatusCode.Created);
        (await invitee.GetAsync($"/partnerships/{p.Id}/meetings")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = logs.Lines;
        lines.ShouldContain(l => l.Contains("/feedback", StringComparison.Ordinal), "the capture must see the requests");
        lines.ShouldContain(l => l.Contains("[3001]", StringComparison.Ordinal), "the failed invitation mail is logged, its recipient erased");
        foreach (var line in lines)
        {
            foreach (var personal in new[] { "Zebediah", "Quillfeather", Email, FeedbackText, "Marmalade", PulseComment, "Thistlewick", Minutes, "pelican", Agenda, "Crumplehorn" })
            {
                line.ShouldNotContain(personal, Case.Insensitive, $"a log line carries personal data: {line}");
            }
        }
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, string email, string password)
    {
        var browser = JoineryApp.BrowserOf(host);
        (await browser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>A loopback port nothing listens on, so a mail to it fails at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
