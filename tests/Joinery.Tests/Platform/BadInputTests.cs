using System.Net;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Platform;

/// <summary>
/// Every form refuses empty, oversized, malformed and hostile values with a message linked to the
/// field, never answers 500, and saves nothing. Each form's valid baseline is submitted last and
/// must succeed, which proves each refusal came from the one bad value.
/// </summary>
public sealed class BadInputTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private const string Markup = "<script>alert(1)</script>";
    // Names and titles may hold < and > (they are encoded when shown), not a right-to-left override.
    private const string Invisible = "Invoice\u202Efdp.exe";
    private static readonly string Huge = new('x', 10_000);
    private const string Control = "bad\u0001value";

    [Fact]
    public async Task The_invitation_form_refuses_bad_values_naming_the_field()
    {
        var p = await app.APartnership().BuildAsync();
        var stranger = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var form = new Form(steward, $"/partnerships/{p.Id}/members?handler=Invite", new()
        {
            ["Invite.Email"] = "valid.invitee@example.org",
            ["Invite.Organization"] = p.Partners[1].ToString(),
            ["Invite.Role"] = "planner",
            ["Invite.Level"] = "manager",
        });

        await RefusesAsync(form, "Invite.Email", "Invite_Email", "", Huge, Markup, Control, "not-an-email", "name@localhost", "two@@example.org", "a b@example.org");
        await RefusesAsync(form, "Invite.Organization", "Invite_Organization", "", "not-a-guid", Guid.NewGuid().ToString(), stranger.Partners[0].ToString(), Markup);
        await RefusesAsync(form, "Invite.Role", "Invite_Role", "", "emperor", Huge, Markup);
        await RefusesAsync(form, "Invite.Level", "Invite_Level", "", "ceo", Control);
        await AcceptsAsync(form);
    }

    [Fact]
    public async Task The_member_change_form_refuses_bad_values_naming_the_field()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var form = new Form(steward, $"/partnerships/{p.Id}/members?handler=Change", new()
        {
            ["membershipId"] = p.First(MemberRole.Planner).MembershipId.ToString()!,
            ["Change.Role"] = "viewer",
            ["Change.Level"] = "frontline",
            ["Change.IsChampion"] = "true",
            ["Change.ChampionFor"] = "Scheduling",
        });

        // Each message links to that member's own field in their (reopened) change form.
        var member = p.First(MemberRole.Planner).MembershipId;
        await RefusesAsync(form, "Change.Role", $"role-{member}", "", "emperor", Markup);
        await RefusesAsync(form, "Change.Level", $"level-{member}", "", Huge);
        await RefusesAsync(form, "Change.ChampionFor", $"champion-for-{member}", Huge, new string('x', Membership.ChampionForMax + 1), Invisible, Control);
        await AcceptsAsync(form);
    }

    [Fact]
    public async Task The_phase_form_refuses_bad_values_naming_the_field()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var form = new Form(steward, $"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "plan", ["Input.Reason"] = "The partners agreed to start." });

        await RefusesAsync(form, "Input.Reason", "Input_Reason", "", "   ", Huge, new string('x', PhaseChange.ReasonMax + 1), Invisible, Control);
        await RefusesAsync(form, "Input.To", "Input_To", "", Huge, Markup, "7");
        await AcceptsAsync(form);
    }

    [Fact]
    public async Task The_token_form_refuses_bad_values_naming_the_field()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var form = new Form(browser, "/account/profile?handler=CreateToken", new() { ["TokenName"] = "nightly export", ["TokenDays"] = "30" });

        await RefusesAsync(form, "TokenName", "TokenName", "", Huge, Invisible, Control);
        await RefusesAsync(form, "TokenDays", "TokenDays", "0", "367", "-5", "abc", "99999999999999", "1.5");
        await AcceptsAsync(form);
    }

    [Fact]
    public async Task The_organization_profile_form_refuses_bad_values_naming_the_field()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var own = await app.ReadAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == p.Steward.OrganizationId));
        var form = new Form(browser, $"/organizations/{own.Id}", new()
        {
            ["Input.Name"] = own.Name,
            ["Input.Kind"] = "behavioral-health",
            ["Input.Mission"] = "Whole-person care.",
            ["Input.Vision"] = "",
        });

        await RefusesAsync(form, "Input.Name", "Input_Name", "", Huge, Invisible, Control);
        await RefusesAsync(form, "Input.Kind", "Input_Kind", "", "hospital");
        await RefusesAsync(form, "Input.Mission", "Input_Mission", Huge, new string('x', Organization.StatementMax + 1), Control);
        await RefusesAsync(form, "Input.Vision", "Input_Vision", Huge, Control);
        await AcceptsAsync(form);
    }

    [Fact]
    public async Task Markup_in_a_mission_is_kept_as_text_and_shown_encoded()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer, partner: 1).BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var own = await app.ReadAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == p.Steward.OrganizationId));

        var response = await browser.SubmitFormAsync($"/organizations/{own.Id}", new()
        {
            ["Input.Name"] = own.Name,
            ["Input.Kind"] = "behavioral-health",
            ["Input.Mission"] = $"Care for all {Markup}",
            ["Input.Vision"] = "",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == own.Id))).Mission.ShouldBe($"Care for all {Markup}");
        var shown = await (await app.SignedInAsync(p.First(MemberRole.Viewer))).ReadPageAsync($"/organizations/{own.Id}");
        shown.ShouldNotContain(Markup);
        shown.ShouldContain("Care for all &lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task The_administration_forms_refuse_bad_values_naming_the_field()
    {
        var p = await app.APartnership().BuildAsync();
        var admin = await app.SignedInAsync(await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true));
        var organization = new Form(admin, "/admin/organizations", new() { ["Input.Name"] = "Northside Family Medicine", ["Input.Kind"] = "primary-care" });
        var user = new Form(admin, "/admin/users", new()
        {
            ["Input.Name"] = "Robin Reyes",
            ["Input.Email"] = "robin.reyes@example.org",
            ["Input.Organization"] = p.Partners[1].ToString(),
            ["Input.Password"] = PartnershipBuilder.Password,
        });

        await RefusesAsync(organization, "Input.Name", "Input_Name", "", Huge, Invisible, Control);
        await RefusesAsync(organization, "Input.Kind", "Input_Kind", "", "hospital", Markup);
        await RefusesAsync(user, "Input.Name", "Input_Name", "", Huge, Invisible);
        await RefusesAsync(user, "Input.Email", "Input_Email", "", Huge, Markup, "robin", p.Steward.Email);
        await RefusesAsync(user, "Input.Organization", "Input_Organization", "", "not-a-guid", Guid.NewGuid().ToString());
        await RefusesAsync(user, "Input.Password", "Input_Password", "", "short", "password1234", "aaaaaaaaaaaaaaaa", "Robin Reyes 2024!");
        await AcceptsAsync(organization);
        await AcceptsAsync(user);
    }

    [Fact]
    public async Task The_new_partnership_form_refuses_bad_values_naming_the_field()
    {
        var p = await app.APartnership().BuildAsync();
        var admin = await app.SignedInAsync(await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true));
        KeyValuePair<string, string>[] Fields(string name, params string[] organizations) =>
            [new("Input.Name", name), .. organizations.Select(o => new KeyValuePair<string, string>("Input.Organizations", o))];
        var cases = new (KeyValuePair<string, string>[] Fields, string Anchor)[]
        {
            (Fields("", p.Partners[0].ToString(), p.Partners[1].ToString()), "Input_Name"),
            (Fields(Huge, p.Partners[0].ToString(), p.Partners[1].ToString()), "Input_Name"),
            (Fields(Invisible, p.Partners[0].ToString(), p.Partners[1].ToString()), "Input_Name"),
            (Fields(p.Name, p.Partners[0].ToString(), p.Partners[1].ToString()), "Input_Name"),
            (Fields("Solo act"), "Input_Organizations"),
            (Fields("Solo act", p.Partners[0].ToString()), "Input_Organizations"),
            (Fields("Solo act", p.Partners[0].ToString(), p.Partners[0].ToString()), "Input_Organizations"),
            (Fields("Ghost partner", p.Partners[0].ToString(), Guid.NewGuid().ToString()), "Input_Organizations"),
            (Fields("Ghost partner", p.Partners[0].ToString(), Markup), "Input_Organizations"),
        };

        foreach (var (fields, anchor) in cases)
        {
            var before = await app.SnapshotAsync();
            var response = await admin.SubmitFormAsync("/", "/partnerships/new", fields);
            await ShouldShowErrorAsync(response, anchor, string.Join("&", fields.Select(f => $"{f.Key}={Describe(f.Value)}")));
            (await app.SnapshotAsync()).ShouldBe(before);
        }
        (await admin.SubmitFormAsync("/", "/partnerships/new", Fields("A good name", p.Partners[0].ToString(), p.Partners[1].ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_invitation_acceptance_form_refuses_bad_values_naming_the_field()
    {
        var p = await app.APartnership().BuildAsync();
        var secret = await app.ActingAsAsync(p.Steward, async services =>
        {
            var outcome = await services.GetRequiredService<Invitations>()
                .InviteAsync(p.Id, new InvitationInput("accepting@example.org", p.Partners[1].ToString(), "viewer", "manager"));
            return outcome.Value!.Secret;
        });
        var link = $"/account/invitation?token={secret}";
        var form = new Form(app.Browser(), link, new() { ["Input.Name"] = "Avery Accepting", ["Input.Password"] = PartnershipBuilder.Password }, TokenPage: link);

        await RefusesAsync(form, "Input.Name", "Input_Name", "", Huge, Invisible, Control);
        await RefusesAsync(form, "Input.Password", "Input_Password", "", "short", Huge, "password1234");
        await AcceptsAsync(form);
    }

    [Theory]
    [InlineData("POST", "/partnerships/{p}/members?handler=Change", "membershipId", "not-a-guid")]
    [InlineData("POST", "/partnerships/{p}/members?handler=Remove", "membershipId", "12345")]
    [InlineData("POST", "/partnerships/{p}/members?handler=Withdraw", "invitationId", "")]
    [InlineData("POST", "/account/profile?handler=RevokeToken", "tokenId", "not-a-guid")]
    [InlineData("GET", "/partnerships/not-a-guid", "", "")]
    [InlineData("GET", "/partnerships/12345/members", "", "")]
    [InlineData("GET", "/organizations/not-a-guid", "", "")]
    [InlineData("GET", "/partnerships/00000000-0000-0000-0000-000000000000", "", "")]
    public async Task Ids_of_the_wrong_type_answer_404_and_change_nothing(string method, string url, string field, string value)
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();
        url = url.Replace("{p}", p.Id.ToString(), StringComparison.Ordinal);

        var response = method == "GET"
            ? await steward.GetAsync(url)
            : await steward.SubmitFormAsync(url, new() { [field] = value, ["Change.Role"] = "viewer", ["Change.Level"] = "manager" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_form_the_server_cannot_read_is_refused_with_400_not_500()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        // A NUL character makes the form unreadable, so antiforgery refuses it before any page runs.
        var phase = await steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "plan", ["Input.Reason"] = "Ready\0" });
        var signIn = await app.Browser().SubmitFormAsync("/account/sign-in", "/account/sign-in",
            new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = p.Steward.Password, ["returnUrl"] = "/\0/evil.example/" });

        phase.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await phase.Content.ReadAsStringAsync()).ShouldContain("The request could not be understood.");
        signIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        signIn.Headers.Location.ShouldBeNull();
        (await app.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("from=not-a-date")]
    [InlineData("to=2025-13-45")]
    [InlineData("door=front")]
    [InlineData("from=2025-02-01&to=2025-01-01")]
    public async Task Audit_filters_that_cannot_be_applied_are_explained_on_the_page(string query)
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);

        var response = await steward.GetAsync($"/partnerships/{p.Id}/audit?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Huge_or_hostile_audit_filters_never_fail_the_page()
    {
        var p = await app.APartnership().BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);

        var huge = await steward.GetAsync($"/partnerships/{p.Id}/audit?action={new string('a', 4_000)}");
        var markup = await steward.GetAsync($"/partnerships/{p.Id}/audit?action={Uri.EscapeDataString(Markup)}&handler=Csv");

        huge.StatusCode.ShouldBe(HttpStatusCode.OK);
        markup.StatusCode.ShouldBe(HttpStatusCode.OK);
        markup.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
    }

    private sealed record Form(HttpClient Browser, string Url, Dictionary<string, string> Baseline, string TokenPage = "/");

    private async Task RefusesAsync(Form form, string field, string anchor, params string[] values)
    {
        foreach (var value in values)
        {
            var label = $"{form.Url}: {field} = {Describe(value)}";
            var before = await app.SnapshotAsync();

            var response = await form.Browser.SubmitFormAsync(form.TokenPage, form.Url, new Dictionary<string, string>(form.Baseline) { [field] = value });

            await ShouldShowErrorAsync(response, anchor, label);
            (await app.SnapshotAsync()).ShouldBe(before, label);
        }
    }

    private static async Task ShouldShowErrorAsync(HttpResponseMessage response, string anchor, string label)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, label);
        var errors = Forms.ErrorSummary(html);
        errors.ShouldContain(e => e.Field == anchor && e.Message.Length > 0, $"{label} → [{string.Join("; ", errors)}]");
        html.ShouldNotContain(Markup, customMessage: label);
    }

    private static async Task AcceptsAsync(Form form)
    {
        var response = await form.Browser.SubmitFormAsync(form.TokenPage, form.Url, form.Baseline);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect,
            $"{form.Url}: the baseline must be valid, or the refusals above prove nothing: {string.Join("; ", await response.ErrorSummaryAsync())}");
    }

    private static string Describe(string value) => value.Length > 40 ? $"{value.Length} × '{value[0]}'" : $"'{value}'";
}
