using System.Net;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Accounts;

/// <summary>People say what they do: their own job title on the profile, anyone's by a site administrator, shown beside their name.</summary>
public sealed class JobTitleTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<string> StoredTitleAsync(Person person) =>
        app.ReadAsync(db => db.Users.Where(u => u.Id == person.UserId).Select(u => u.JobTitle).SingleAsync());

    private static Task<HttpResponseMessage> SaveOwnAsync(HttpClient browser, string title) =>
        browser.SubmitFormAsync("/account/profile", "/account/profile?handler=JobTitle", new() { ["JobTitle"] = title });

    [Fact]
    public async Task A_person_sets_their_own_job_title_and_the_members_page_shows_it_beside_their_name()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Clinician, MemberLevel.Frontline, partner: 1).BuildAsync();
        var nurse = p.First(MemberRole.Clinician);
        var browser = await app.SignedInAsync(nurse);

        var saved = await SaveOwnAsync(browser, "  Care manager ");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredTitleAsync(nurse)).ShouldBe("Care manager");
        (await browser.ReadPageAsync("/account/profile")).ShouldContain("value=\"Care manager\"");
        var members = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}/members");
        members.ShouldContain($"{nurse.Name} <br /><span class=\"job-title\">Care manager</span>");

        (await SaveOwnAsync(browser, "")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a job title may be empty");
        (await StoredTitleAsync(nurse)).ShouldBe("");
    }

    [Fact]
    public async Task An_over_long_job_title_is_refused_with_a_message_and_never_cut()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);
        (await SaveOwnAsync(browser, "Medical assistant")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tooLong = new string('a', User.JobTitleMax) + "b";

        var refused = await SaveOwnAsync(browser, tooLong);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ErrorSummaryAsync()).ShouldBe([new FieldError("JobTitle", $"The job title must be {User.JobTitleMax} characters or fewer.")]);
        Forms.InputValue(await refused.Content.ReadAsStringAsync(), "JobTitle").ShouldBe(tooLong, "what was typed stays, to be shortened");
        (await StoredTitleAsync(p.Steward)).ShouldBe("Medical assistant");
    }

    [Fact]
    public async Task Markup_in_a_job_title_is_shown_as_text()
    {
        var p = await app.APartnership().BuildAsync();
        const string hostile = "<script>alert(1)</script> & \"nurse\"";
        (await SaveOwnAsync(await app.SignedInAsync(p.Steward), hostile)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var members = await (await app.SignedInAsync(p.Steward)).ReadPageAsync($"/partnerships/{p.Id}/members");

        members.ShouldNotContain("<script>alert(1)</script>");
        members.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;nurse&quot;");
    }

    [Fact]
    public async Task A_site_administrator_sets_anyones_job_title_and_the_users_list_shows_it()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).BuildAsync();
        var planner = p.First(MemberRole.Planner);
        var admin = await app.SignedInAsync(await PartnershipBuilder.CreatePersonAsync(app, p.Partners[0], isSiteAdmin: true));

        var saved = await admin.SubmitFormAsync("/admin/users", "/admin/users?handler=JobTitle",
            new() { ["userId"] = planner.UserId.ToString(), ["jobTitle"] = "Director of clinical operations" });
        var refused = await admin.SubmitFormAsync("/admin/users", "/admin/users?handler=JobTitle",
            new() { ["userId"] = planner.UserId.ToString(), ["jobTitle"] = new string('x', User.JobTitleMax + 1) });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await refused.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldBe($"The job title must be {User.JobTitleMax} characters or fewer.");
        (await StoredTitleAsync(planner)).ShouldBe("Director of clinical operations");
        (await admin.ReadPageAsync("/admin/users")).ShouldContain("Director of clinical operations");
    }

    [Fact]
    public async Task Only_a_site_administrator_changes_someone_elses_job_title()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).BuildAsync();
        var planner = p.First(MemberRole.Planner);

        var outcome = await app.ActingAsAsync(p.Steward, s => s.GetRequiredService<ChangeJobTitle>().RunAsync(planner.UserId, "Intern"));
        var steward = await app.SignedInAsync(p.Steward);
        var posted = await steward.SubmitFormAsync("/admin/users?handler=JobTitle", new() { ["userId"] = planner.UserId.ToString(), ["jobTitle"] = "Intern" });

        outcome.Status.ShouldBe(OutcomeStatus.Forbidden);
        posted.Headers.Location.ShouldNotBeNull().AbsolutePath.ShouldBe("/account/denied");
        (await StoredTitleAsync(planner)).ShouldBe("");
    }
}
