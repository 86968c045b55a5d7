using System.Net;
using System.Text.RegularExpressions;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Audit;

public sealed partial class AuditTrailTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task Every_change_made_through_the_pages_is_audited_through_the_web_door_with_field_names_only()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).BuildAsync();
        var clinician = p.First(MemberRole.Clinician);
        var steward = await app.SignedInAsync(p.Steward);
        var personalValues = new[] { "audit.invitee@example.org", "second.invitee@example.org", "Jordan Invitee", "Diabetes care pathway",
            "The board chair asked us to proceed", "Whole-person care in Riverbend", "quarterly report script" };
        var checkpoint = await app.AuditCheckpointAsync();

        var invitationId = await InviteAsync(steward, p, "audit.invitee@example.org");
        var link = Forms.InputValue(await steward.ReadPageAsync($"/partnerships/{p.Id}/members"), "invitation-link")!;
        var invitee = app.Browser();
        (await invitee.SubmitFormAsync(link, link, new() { ["Input.Name"] = "Jordan Invitee", ["Input.Password"] = PartnershipBuilder.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var inviteeId = await app.ReadAsync(db => db.Users.Where(u => u.Email == "audit.invitee@example.org").Select(u => u.Id).SingleAsync());
        var inviteeMembership = await app.ReadAsync(db => db.Memberships.Where(m => m.UserId == inviteeId).Select(m => m.Id).SingleAsync());
        await Ok(steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Change", new()
        {
            ["membershipId"] = clinician.MembershipId.ToString()!,
            ["Change.Role"] = "planner",
            ["Change.Level"] = "frontline",
            ["Change.IsChampion"] = "true",
            ["Change.ChampionFor"] = "Diabetes care pathway",
        }));
        var withdrawnId = await InviteAsync(steward, p, "second.invitee@example.org");
        await Ok(steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Withdraw", new() { ["invitationId"] = withdrawnId.ToString() }));
        await Ok(steward.SubmitFormAsync($"/partnerships/{p.Id}/phase", new() { ["Input.To"] = "plan", ["Input.Reason"] = "The board chair asked us to proceed" }));
        var phaseChangeId = await app.ReadAsync(db => db.PhaseChanges.Where(c => c.PartnershipId == p.Id).Select(c => c.Id).SingleAsync());
        var organization = await app.ReadAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == p.Steward.OrganizationId));
        await Ok(steward.SubmitFormAsync($"/organizations/{organization.Id}", new()
        {
            ["Input.Name"] = organization.Name,
            ["Input.Kind"] = "behavioral-health",
            ["Input.Mission"] = "Whole-person care in Riverbend",
            ["Input.Vision"] = "",
        }));
        await Ok(steward.SubmitFormAsync("/account/profile?handler=CreateToken", new() { ["TokenName"] = "quarterly report script", ["TokenDays"] = "30" }));
        var tokenId = await app.ReadAsync(db => db.PersonalAccessTokens.Where(t => t.UserId == p.Steward.UserId).Select(t => t.Id).SingleAsync());
        await Ok(steward.SubmitFormAsync("/account/profile?handler=RevokeToken", new() { ["tokenId"] = tokenId.ToString() }));
        await Ok(steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Remove", new() { ["membershipId"] = inviteeMembership.ToString() }));

        var entries = await app.AuditSinceAsync(checkpoint);
        var bySteward = entries.Where(e => e.UserId == p.Steward.UserId).ToList();
        Expect(entries, "invitation.created", "invitation", invitationId, p.Id, p.Steward);
        Expect(entries, "user.created", "user", inviteeId, partnershipId: null, by: null);
        Expect(entries, "membership.created", "membership", inviteeMembership, p.Id, by: null);
        Expect(entries, "invitation.updated", "invitation", invitationId, p.Id, by: null).Detail.ShouldBe("AcceptedAt");
        Expect(entries, "invitation.accepted", "invitation", invitationId, p.Id, by: null).UserId.ShouldBe(inviteeId);
        Expect(entries, "membership.updated", "membership", clinician.MembershipId!.Value, p.Id, p.Steward).Detail.Split(',')
            .ShouldBe(["Role", "IsChampion", "ChampionFor"], ignoreOrder: true);
        Expect(entries, "invitation.updated", "invitation", withdrawnId, p.Id, p.Steward).Detail.ShouldBe("RevokedAt");
        Expect(entries, "partnership.updated", "partnership", p.Id, p.Id, p.Steward).Detail.ShouldBe("Phase");
        Expect(entries, "phase-change.created", "phase-change", phaseChangeId, p.Id, p.Steward);
        Expect(entries, "organization.updated", "organization", organization.Id, partnershipId: null, p.Steward).Detail.ShouldBe("Mission");
        Expect(entries, "personal-access-token.created", "personal-access-token", tokenId, partnershipId: null, p.Steward);
        Expect(entries, "personal-access-token.updated", "personal-access-token", tokenId, partnershipId: null, p.Steward).Detail.ShouldBe("RevokedAt");
        Expect(entries, "membership.deleted", "membership", inviteeMembership, p.Id, p.Steward);
        entries.ShouldAllBe(e => e.Door == Door.Web);
        entries.ShouldAllBe(e => FieldNames().IsMatch(e.Detail));
        foreach (var value in personalValues)
        {
            entries.ShouldNotContain(e => e.Detail.Contains(value) || e.EntityId.Contains(value) || e.Action.Contains(value), value);
        }
        bySteward.ShouldAllBe(e => e.OrganizationId == p.Steward.OrganizationId);
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task Administration_pages_audit_what_they_create()
    {
        var p = await app.APartnership().BuildAsync();
        var adminPerson = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true);
        var admin = await app.SignedInAsync(adminPerson);
        var checkpoint = await app.AuditCheckpointAsync();

        await Ok(admin.SubmitFormAsync("/admin/organizations", new() { ["Input.Name"] = $"Lakeside Counseling {app.Unique()}", ["Input.Kind"] = "behavioral-health" }));
        await Ok(admin.SubmitFormAsync("/admin/users", new()
        {
            ["Input.Name"] = "Dana Admin-Made",
            ["Input.Email"] = "dana.made@example.org",
            ["Input.Organization"] = p.Partners[1].ToString(),
            ["Input.Password"] = PartnershipBuilder.Password,
        }));
        await Ok(admin.SubmitFormAsync("/", "/partnerships/new", [
            new("Input.Name", $"Admin-made partnership {app.Unique()}"), new("Input.Organizations", p.Partners[0].ToString()),
            new("Input.Organizations", p.Partners[1].ToString()), new("Input.JoinAsSteward", "true"),
        ]));
        await Ok(admin.SubmitFormAsync("/admin", new() { ["RequireMfa"] = "false" }));

        var entries = await app.AuditSinceAsync(checkpoint);
        entries.Select(e => e.Action).ShouldBe([
            "organization.created", "user.created", "partnership.created", "partner-organization.created", "partner-organization.created",
            "membership.created", "site-settings.created",
        ], ignoreOrder: true);
        entries.ShouldAllBe(e => e.Door == Door.Web && e.UserId == adminPerson.UserId && FieldNames().IsMatch(e.Detail));
        entries.ShouldNotContain(e => e.Detail.Contains("dana"));
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task A_steward_reads_the_trail_on_the_audit_page_filtered_by_door()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer, partner: 1).BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var invitationId = await InviteAsync(steward, p, "page.reader@example.org");

        var all = await steward.ReadPageAsync($"/partnerships/{p.Id}/audit");
        var web = await steward.ReadPageAsync($"/partnerships/{p.Id}/audit?door=web");

        all.ShouldContain("Added a member");
        all.ShouldContain("Added an invitation");
        web.ShouldContain("Added an invitation");
        web.ShouldContain(invitationId.ToString()[..8]);
        web.ShouldNotContain("Added a member", customMessage: "memberships were seeded through the cli door");
    }

    [Fact]
    public async Task The_audit_page_and_its_export_are_for_stewards_only()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, MemberLevel.Executive).BuildAsync();
        var planner = await app.SignedInAsync(p.First(MemberRole.Planner));

        var page = await planner.GetAsync($"/partnerships/{p.Id}/audit");
        var csv = await planner.GetAsync($"/partnerships/{p.Id}/audit?handler=Csv");

        page.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        csv.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
    }

    [Fact]
    public async Task The_csv_export_holds_the_partnerships_entries_and_defuses_formulas_in_names()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        var trickster = await PartnershipBuilder.AddMemberAsync(app, p.Id,
            await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], name: "=HYPERLINK(\"http://evil.example\",\"Sam\")"), MemberRole.Steward);
        var browser = await app.SignedInAsync(trickster);
        await Ok(browser.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Change", new()
        {
            ["membershipId"] = p.First(MemberRole.Planner).MembershipId.ToString()!,
            ["Change.Role"] = "planner",
            ["Change.Level"] = "executive",
        }));

        var response = await browser.GetAsync($"/partnerships/{p.Id}/audit?handler=Csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Id,At,UserId,UserName,OrganizationName,Action,What,EntityType,EntityId,Door,Detail");
        var stored = await app.ReadAsync(db => db.AuditEntries.CountAsync(a => a.PartnershipId == p.Id));
        lines.Length.ShouldBe(stored + 1);
        var change = lines.Single(l => l.Contains("membership.updated"));
        change.ShouldContain(",web,Level");
        change.ShouldNotContain(",=HYPERLINK");
        change.ShouldNotContain(",\"=HYPERLINK");
        change.ShouldContain("'=HYPERLINK");
    }

    [Fact]
    public async Task The_audit_page_speaks_plainly_pages_back_fifty_entries_at_a_time_and_explains_its_numbers()
    {
        var p = await app.APartnership().With(MemberRole.Steward).BuildAsync();
        var steward = await app.SignedInAsync(p.Steward);
        var token = await steward.AntiforgeryTokenAsync($"/partnerships/{p.Id}/glossary");
        var terms = "term,category\n" + string.Join("\n", Enumerable.Range(1, 60).Select(i => $"term {i},management"));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(terms)), "file", "terms.csv" },
        };
        (await steward.PostAsync($"/partnerships/{p.Id}/glossary?handler=Import", upload)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.ReadAsync(db => db.AuditEntries.Where(a => a.PartnershipId == p.Id).OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync());
        stored.Count.ShouldBeGreaterThan(60);

        var first = await steward.ReadPageAsync($"/partnerships/{p.Id}/audit");
        var second = await steward.ReadPageAsync(WebUtility.HtmlDecode(OlderLink().Match(first).Groups[1].Value));

        EntryNumbers().Matches(first).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(stored.Take(50));
        EntryNumbers().Matches(second).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(stored.Skip(50).Take(50));
        first.ShouldContain("Added a term of the common language");
        first.ShouldNotContain(">glossary-term.created<", customMessage: "codes are for the export and the API");
        first.ShouldContain("nothing is missing");
        first.ShouldNotContain("Newest entries");
        second.ShouldContain("Newest entries");
    }

    [Theory]
    [InlineData("agreement-element-check.created", "Ticked an element of an agreement's checklist")]
    [InlineData("glossary-term.updated", "Changed a term of the common language")]
    [InlineData("cost-item.created", "Added a cost item")]
    [InlineData("action-item.deleted", "Removed an action item")]
    [InlineData("invitation.accepted", "Accepted an invitation")]
    [InlineData("sign-in.succeeded", "Signed in")]
    public void Actions_read_as_what_people_did(string action, string words) =>
        AuditWords.Action(action).ShouldBe(words);

    [Theory]
    [InlineData("Status,StatusChangedAt,UpdatedAt", "Changed: status")]
    [InlineData("DueOn,OwnerUserId,UpdatedAt", "Changed: due on, owner")]
    [InlineData("BaselineFrom,BaselineTo,BaselineValue,UpdatedAt", "Changed: baseline from, baseline to, baseline value")]
    [InlineData("UpdatedAt", "")]
    [InlineData("", "")]
    public void Changed_fields_read_as_words_without_the_bookkeeping(string detail, string words) =>
        AuditWords.Fields(detail).ShouldBe(words);

    [GeneratedRegex("<tr>\\s*<td>(\\d+)</td>")]
    private static partial Regex EntryNumbers();

    [GeneratedRegex("href=\"([^\"]+)\">Older entries</a>")]
    private static partial Regex OlderLink();

    private static AuditEntry Expect(List<AuditEntry> entries, string action, string entityType, Guid entityId, Guid? partnershipId, Person? by)
    {
        var entry = entries.Where(e => e.Action == action && e.EntityId == entityId.ToString()).ShouldHaveSingleItem($"{action} {entityId}");
        entry.EntityType.ShouldBe(entityType);
        entry.PartnershipId.ShouldBe(partnershipId, action);
        if (by is not null)
        {
            entry.UserId.ShouldBe(by.UserId, action);
        }
        return entry;
    }

    private async Task<Guid> InviteAsync(HttpClient steward, SeededPartnership p, string email)
    {
        await Ok(steward.SubmitFormAsync($"/partnerships/{p.Id}/members?handler=Invite", new()
        {
            ["Invite.Email"] = email,
            ["Invite.Organization"] = p.Partners[1].ToString(),
            ["Invite.Role"] = "viewer",
            ["Invite.Level"] = "frontline",
        }));
        return await app.ReadAsync(db => db.Invitations.Where(i => i.PartnershipId == p.Id && i.Email == email).Select(i => i.Id).SingleAsync());
    }

    private static async Task Ok(Task<HttpResponseMessage> submit)
    {
        var response = await submit;
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", await response.ErrorSummaryAsync()));
    }

    /// <summary>Comma-separated property names, or nothing: never a value.</summary>
    [GeneratedRegex("^([A-Z][A-Za-z]*(,[A-Z][A-Za-z]*)*)?$")]
    private static partial Regex FieldNames();
}
