using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Joinery.Core.Feedback;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Joinery.Tests.Feedback;

/// <summary>
/// "Anonymous" means that nothing Joinery keeps names the writer: no row of any table written by
/// the post, and no log line. The writer has a name found nowhere else, so any trace would show.
/// Nor may anything kept point to the writer by its time or order: the item keeps only its day,
/// the audit trail gets no entry that would follow the writer's sign-in, and ids are random.
/// </summary>
public sealed class FeedbackAnonymityTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private async Task<(SeededPartnership Partnership, Person Writer)> ArrangeAsync()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, partner: 1).BuildAsync();
        var person = await PartnershipBuilder.CreatePersonAsync(app, p.Partners[1], name: $"Wren Quillfeather {app.Unique()}");
        var writer = await PartnershipBuilder.AddMemberAsync(app, p.Id, person, MemberRole.Viewer, MemberLevel.Frontline);
        return (p, writer);
    }

    [Fact]
    public async Task An_anonymous_post_through_either_door_writes_no_row_that_names_the_writer()
    {
        var (p, writer) = await ArrangeAsync();
        var browser = await app.SignedInAsync(writer);
        var api = await app.ApiAsync(writer);
        // The first use of a token stamps its last use; that happens here, before the post.
        await api.GetStringAsync($"/api/v1/partnerships/{p.Id}/feedback");

        var beforeWeb = await RowsAsync();
        var web = await browser.SubmitFormAsync($"/partnerships/{p.Id}/feedback", new()
        {
            ["Input.Kind"] = "negative",
            ["Input.Title"] = "Frontline staff hear about decisions last",
            ["Input.Body"] = "The new workflow started and the front desk found out from a patient.",
            ["Input.Anonymous"] = "true",
        });
        var afterWeb = await RowsAsync();
        var apiResponse = await api.PostAsJsonAsync($"/api/v1/partnerships/{p.Id}/feedback",
            new { kind = "negative", title = "Nobody asked the people who do the work", anonymous = true });
        var afterApi = await RowsAsync();

        web.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        apiResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        foreach (var (door, written) in new[] { ("web", afterWeb.Except(beforeWeb).ToList()), ("api", afterApi.Except(afterWeb).ToList()) })
        {
            written.Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)]).Distinct()
                .ShouldBe(["feedback_item"], customMessage: $"{door}: {string.Join('\n', written)}");
            foreach (var row in written)
            {
                row.ShouldNotContain(writer.UserId.ToString(), Case.Insensitive, door);
                row.ShouldNotContain(writer.OrganizationId.ToString(), Case.Insensitive, door);
                row.ShouldNotContain(writer.Email, Case.Insensitive, door);
                row.ShouldNotContain("Quillfeather", Case.Insensitive, door);
            }
        }
    }

    [Fact]
    public async Task An_anonymous_post_adds_nothing_to_the_audit_trail_after_the_writers_sign_in_while_later_answers_are_audited()
    {
        var (p, writer) = await ArrangeAsync();
        var beforeSignIn = await app.AuditCheckpointAsync();
        var browser = await app.SignedInAsync(writer);
        var signedIn = await app.AuditCheckpointAsync();

        var web = await browser.SubmitFormAsync($"/partnerships/{p.Id}/feedback", new()
        {
            ["Input.Kind"] = "negative",
            ["Input.Title"] = "Frontline staff hear about decisions last",
            ["Input.Anonymous"] = "true",
        });
        var afterPost = await app.AuditCheckpointAsync();
        var id = web.Headers.Location!.OriginalString.Split('/')[^1];
        await (await app.ApiAsync(p.Steward)).PutJsonAsync($"/api/v1/partnerships/{p.Id}/feedback/{id}/answer", new { answer = "We will share decisions at the huddle." }, HttpStatusCode.OK);

        web.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AuditSinceAsync(beforeSignIn)).ShouldContain(e => e.Action == "sign-in.succeeded" && e.UserId == writer.UserId, "the writer's sign-in is audited");
        afterPost.ShouldBe(signedIn, "the post must not extend the audit chain right after the writer's sign-in");
        var itemEntries = (await app.AuditSinceAsync(beforeSignIn)).Where(e => e.EntityId == id).ToList();
        itemEntries.ShouldNotBeEmpty("the steward's answer is audited as usual");
        itemEntries.ShouldAllBe(e => e.UserId == p.Steward.UserId && e.Action != "feedback-item.created");
        await app.AuditChainShouldBeIntactAsync();
    }

    [Fact]
    public async Task An_anonymous_item_keeps_only_the_day_it_was_posted()
    {
        var (p, writer) = await ArrangeAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 14, 14, 37, 22, 456, TimeSpan.Zero));
        await using var host = app.OnClock(clock);
        var api = JoineryApp.BrowserOf(host);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var token = await scope.ServiceProvider.GetRequiredService<Joinery.Core.Accounts.PersonalAccessTokens>().CreateAsync(writer.UserId, "feedback", 30);
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Value!.Secret);
        }

        var id = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/feedback",
            new { kind = "negative", title = "Nobody asked the people who do the work", anonymous = true }, HttpStatusCode.Created)).Text("id");
        var stored = await app.ReadAsync(db => db.Set<FeedbackItem>().AsNoTracking().SingleAsync(f => f.Id == Guid.Parse(id)));
        var listed = (await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/feedback")).EnumerateArray().Single(i => i.Text("id") == id);

        stored.PostedAt.ShouldBe(new DateTimeOffset(2026, 5, 14, 0, 0, 0, TimeSpan.Zero), "posted at 14:37:22.456, kept as the day only");
        stored.StatusChangedAt.ShouldBe(stored.PostedAt);
        listed.GetProperty("postedAt").GetDateTimeOffset().ShouldBe(stored.PostedAt);
        listed.GetProperty("waitingDays").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Anonymous_items_of_one_day_carry_random_ids_and_are_listed_by_them_not_in_the_order_they_were_posted()
    {
        var (p, writer) = await ArrangeAsync();
        var api = await app.ApiAsync(writer);
        var posted = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            posted.Add(Guid.Parse((await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/feedback",
                new { kind = "idea", title = $"Idea {i}", anonymous = true }, HttpStatusCode.Created)).Text("id")));
        }

        var listed = (await api.GetJsonAsync($"/api/v1/partnerships/{p.Id}/feedback")).EnumerateArray()
            .Select(i => Guid.Parse(i.Text("id"))).Where(posted.Contains).ToList();

        posted.ShouldAllBe(id => id.Version == 4, "a time-ordered id (Guid v7, sequential) would give the moment away");
        listed.ShouldBe(posted.Order().ToList());
    }

    [Fact]
    public async Task Nothing_in_the_logs_names_an_anonymous_writer()
    {
        var (p, writer) = await ArrangeAsync();
        var logs = new CapturedLogs();
        await using var logged = app.WithWebHostBuilder(builder => builder.ConfigureLogging(logs.AddTo));
        var browser = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await browser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = writer.Email, ["Input.Password"] = writer.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var api = logged.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(writer.UserId));
        logs.Clear();

        var web = await browser.SubmitFormAsync($"/partnerships/{p.Id}/feedback", new()
        {
            ["Input.Kind"] = "negative",
            ["Input.Title"] = "Frontline staff hear about decisions last",
            ["Input.Anonymous"] = "true",
        });
        var apiResponse = await api.PostAsJsonAsync($"/api/v1/partnerships/{p.Id}/feedback",
            new { kind = "negative", title = "Nobody asked the people who do the work", anonymous = true });
        var item = await browser.GetAsync(web.Headers.Location!.OriginalString);

        web.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        apiResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        item.StatusCode.ShouldBe(HttpStatusCode.OK);
        logs.Lines.ShouldNotBeEmpty("the capture must see the requests' logs");
        logs.Lines.ShouldContain(l => l.Contains("/feedback", StringComparison.Ordinal), "the capture must see these requests");
        foreach (var line in logs.Lines)
        {
            line.ShouldNotContain(writer.UserId.ToString(), Case.Insensitive);
            line.ShouldNotContain(writer.UserId.ToString("N"), Case.Insensitive);
            line.ShouldNotContain(writer.Email, Case.Insensitive);
            line.ShouldNotContain("Quillfeather", Case.Insensitive);
        }
    }

    /// <summary>Every row of every table of the model, as "table: value | value | …".</summary>
    private Task<HashSet<string>> RowsAsync() =>
        app.ReadAsync(async db =>
        {
            var rows = new HashSet<string>(StringComparer.Ordinal);
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT * FROM \"{table}\"";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        var values = Enumerable.Range(0, reader.FieldCount)
                            .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                        rows.Add($"{table}: {string.Join(" | ", values)}");
                    }
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return rows;
        });
}
