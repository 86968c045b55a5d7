using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Joinery.Core.Formalize;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Joinery.Tests.Platform;

/// <summary>
/// The app on Kestrel, on a free loopback port. The TestServer behind <see cref="JoineryApp"/> has
/// no IHttpMaxRequestBodySizeFeature, so it enforces no request body limit at all; the limits are
/// Kestrel's, and only a real Kestrel shows what a client gets past them.
/// </summary>
public sealed class KestrelApp : IDisposable
{
    public KestrelApp()
    {
        App.UseKestrel(0);
        App.StartServer();
    }

    public JoineryApp App { get; } = new();

    public void Dispose() => App.Dispose();
}

/// <summary>
/// Forms and JSON bodies may be 1 MB; pages and routes that take a file, that file's limit and a
/// little more. Past the limit the API answers 413 with a problem detail and a page answers a 413
/// page, both saying what the limit is, and nothing is read or stored. Oversized requests are sent
/// with "Expect: 100-continue", as large uploads are: the server answers before the body is sent,
/// so the client reads the answer instead of a connection closed under it.
/// </summary>
public sealed class RequestLimitTests(KestrelApp kestrel) : IClassFixture<KestrelApp>
{
    private const int MB = 1024 * 1024;

    private JoineryApp App => kestrel.App;

    [Fact]
    public void Every_page_and_route_is_limited_to_1_MB_except_those_that_take_a_file()
    {
        App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize.ShouldBe(MB);

        var raised = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
            .Select(e => $"{e.RoutePattern.RawText} {e.Metadata.GetMetadata<IRequestSizeLimitMetadata>()!.MaxRequestBodySize / 1024} KB")
            .ToList();

        raised.ShouldBe([
            "partnerships/{id:guid}/glossary 2112 KB",
            "partnerships/{id:guid}/measures/{measureId:guid} 1088 KB",
            "partnerships/{id:guid}/agreements/{agreementId:guid} 10304 KB",
            "/api/v1/partnerships/{id:guid}/glossary/import 2112 KB",
            "/api/v1/partnerships/{id:guid}/measures/{measureId:guid}/points/import 1088 KB",
            "/api/v1/partnerships/{id:guid}/agreements/{agreementId:guid}/document 10304 KB",
        ], ignoreOrder: true, customMessage: "only the pages and routes that take a file may take more than 1 MB");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    public async Task A_json_body_over_1_MB_is_refused_with_413_and_a_problem_detail_naming_the_limit(int megabytes)
    {
        var p = await App.APartnership().BuildAsync();
        var api = await ApiAsync(p.Steward, expectContinue: true);
        var before = await App.SnapshotAsync();

        var response = await api.PostAsync($"/api/v1/partnerships/{p.Id}/glossary", Json(megabytes * MB));

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.Text("title").ShouldBe("Too large");
        problem.Text("detail").ShouldBe("The request body is too large; the limit is 1 MB.");
        (await App.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_json_body_under_1_MB_is_read_and_refused_for_its_fields_not_its_size()
    {
        var p = await App.APartnership().BuildAsync();
        var api = await ApiAsync(p.Steward);

        var response = await api.PostAsync($"/api/v1/partnerships/{p.Id}/glossary", Json(900 * 1024));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("definition");
    }

    [Fact]
    public async Task A_form_over_1_MB_is_refused_with_a_413_page_naming_the_limit()
    {
        var p = await App.APartnership().BuildAsync();
        var browser = await SignedInAsync(p.Steward);
        var token = await browser.AntiforgeryTokenAsync("/");
        browser.DefaultRequestHeaders.ExpectContinue = true;
        var before = await App.SnapshotAsync();

        var response = await browser.PostAsync($"/partnerships/{p.Id}/phase", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.To", "plan"), new("Input.Reason", new string('x', 2 * MB))]));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<h1>Too large</h1>");
        page.ShouldContain("The request body is too large; the limit is 1 MB.");
        (await App.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_50_MB_document_sent_through_the_agreement_page_gets_a_page_saying_the_file_is_larger_than_10_MB()
    {
        var (p, agreementId) = await AgreementAsync();
        var browser = await SignedInAsync(p.Steward);
        var token = await browser.AntiforgeryTokenAsync("/");
        browser.DefaultRequestHeaders.ExpectContinue = true;

        var response = await browser.PostAsync($"/partnerships/{p.Id}/agreements/{agreementId}?handler=Document", Upload(token, 50 * MB));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<h1>Too large</h1>");
        page.ShouldContain("The file is larger than 10 MB.");
        (await App.ReadAsync(db => db.Set<AgreementDocument>().AnyAsync(d => d.AgreementId == agreementId))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_2_MB_document_is_attached_through_the_agreement_page_above_the_1_MB_form_limit()
    {
        var (p, agreementId) = await AgreementAsync();
        var browser = await SignedInAsync(p.Steward);
        var token = await browser.AntiforgeryTokenAsync("/");

        var response = await browser.PostAsync($"/partnerships/{p.Id}/agreements/{agreementId}?handler=Document", Upload(token, 2 * MB));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await App.ReadAsync(db => db.Set<AgreementDocument>().SingleAsync(d => d.AgreementId == agreementId))).Size.ShouldBe(2 * MB);
    }

    [Fact]
    public async Task A_glossary_import_of_1_5_MB_is_read_above_the_1_MB_limit_and_one_over_its_own_limit_is_refused()
    {
        var p = await App.APartnership().BuildAsync();
        var api = await ApiAsync(p.Steward);
        var import = $"/api/v1/partnerships/{p.Id}/glossary/import";
        var terms = Csv(3 * MB / 2);

        var taken = await api.PostAsync(import, new StringContent(terms, Encoding.UTF8, "text/csv"));
        api.DefaultRequestHeaders.ExpectContinue = true;
        var tooLarge = await api.PostAsync(import, new StringContent(Csv(3 * MB), Encoding.UTF8, "text/csv"));

        // Read and refused for its rows (a term too long), not for its size.
        (await taken.ReadProblemAsync(HttpStatusCode.BadRequest)).Text("title").ShouldNotBe("Too large");
        (await tooLarge.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Text("detail").ShouldBe("The file is larger than 2 MB.");
    }

    /// <summary>
    /// A client of the Kestrel server that keeps cookies and does not follow redirects. It waits for the
    /// server's answer to "Expect: 100-continue" as long as it takes (a loaded machine can be slower
    /// than the usual second), so an oversized body is never sent.
    /// </summary>
    private HttpClient Client()
    {
        var server = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            Expect100ContinueTimeout = TimeSpan.FromMinutes(2),
        })
        { BaseAddress = new Uri(server.Addresses.First()) };
    }

    private async Task<HttpClient> ApiAsync(Person person, bool expectContinue = false)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.CreateTokenAsync(person.UserId));
        client.DefaultRequestHeaders.ExpectContinue = expectContinue;
        return client;
    }

    private async Task<HttpClient> SignedInAsync(Person person)
    {
        var browser = Client();
        var response = await browser.SubmitFormAsync("/account/sign-in", "/account/sign-in",
            new() { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return browser;
    }

    private async Task<(SeededPartnership Partnership, Guid AgreementId)> AgreementAsync()
    {
        var p = await App.APartnership().BuildAsync();
        var agreementId = await App.ActingAsAsync(p.Steward, async services =>
        {
            var outcome = await services.GetRequiredService<RecordAgreement>().RunAsync(p.Id, new AgreementInput("mou", "Memorandum of understanding", "draft"));
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value;
        });
        return (p, agreementId);
    }

    /// <summary>A glossary term whose definition makes the JSON body about <paramref name="bytes"/> long.</summary>
    private static StringContent Json(int bytes) =>
        new(JsonSerializer.Serialize(new { term = "huddle", category = "management", definition = new string('x', bytes), status = "proposed" }),
            Encoding.UTF8, "application/json");

    /// <summary>A glossary CSV of about <paramref name="bytes"/>, its one term far too long.</summary>
    private static string Csv(int bytes) => "term,category,definition\nhuddle,management," + new string('x', bytes) + "\n";

    /// <summary>The agreement page's upload form: the antiforgery token and a PDF of <paramref name="bytes"/>.</summary>
    private static MultipartFormDataContent Upload(string token, int bytes)
    {
        var pdf = new byte[bytes];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        "\n%%EOF\n"u8.CopyTo(pdf.AsSpan(bytes - 7));
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "file", "mou.pdf" },
        };
    }
}
