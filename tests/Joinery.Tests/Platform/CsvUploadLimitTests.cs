using System.Net;
using System.Text;
using Joinery.Core.Glossary;
using Joinery.Core.Measures;
using Joinery.Tests.Support;

namespace Joinery.Tests.Platform;

/// <summary>
/// A CSV import larger than its limit is refused before it is read: the API answers 413 with a
/// problem that names the limit, the page names it on the file field, and nothing is imported. The
/// same import of a small file is accepted, so each refusal comes from the size alone.
/// </summary>
public sealed class CsvUploadLimitTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task An_over_size_glossary_import_is_refused_with_413_by_the_api_and_a_message_on_the_page_and_imports_nothing()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        var browser = await app.SignedInAsync(p.Steward);
        var url = $"/api/v1/partnerships/{p.Id}/glossary/import";
        var page = $"/partnerships/{p.Id}/glossary";
        var huge = OverSize("term,category\ncaseload,management\n", GlossaryCsv.MaxBytes);
        var before = await app.SnapshotAsync();

        var declared = await api.PostAsync(url, new StringContent(huge, Encoding.UTF8, "text/csv"));
        var streamed = await api.PostAsync(url, new UnknownLengthContent(huge));
        var uploaded = await UploadAsync(browser, page, huge);

        foreach (var response in new[] { declared, streamed })
        {
            (await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Text("detail").ShouldBe("The file is larger than 2 MB.");
        }
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await uploaded.ErrorSummaryAsync()).ShouldBe([new FieldError("file", "The file is larger than 2 MB.")]);
        (await app.SnapshotAsync()).ShouldBe(before);

        (await (await api.PostAsync(url, new StringContent("term,category\ncaseload,management\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync())
            .GetProperty("added").GetInt32().ShouldBe(1);
        (await UploadAsync(browser, page, "term,category\npanel,roles\n")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_over_size_measure_import_is_refused_with_413_by_the_api_and_a_message_on_the_page_and_imports_nothing()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        var browser = await app.SignedInAsync(p.Steward);
        var measure = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/measures",
            new { name = "Days to first visit", kind = "value", betterDirection = "down", unit = "days" }, HttpStatusCode.Created)).Text("id");
        var url = $"/api/v1/partnerships/{p.Id}/measures/{measure}/points/import";
        var page = $"/partnerships/{p.Id}/measures/{measure}";
        var huge = OverSize("period,value\n2025-01,14\n", MeasuresCsv.MaxBytes);
        var before = await app.SnapshotAsync();

        var declared = await api.PostAsync(url, new StringContent(huge, Encoding.UTF8, "text/csv"));
        var streamed = await api.PostAsync(url, new UnknownLengthContent(huge));
        var uploaded = await UploadAsync(browser, page, huge);

        foreach (var response in new[] { declared, streamed })
        {
            (await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Text("detail").ShouldBe("The file is larger than 1 MB.");
        }
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await uploaded.ErrorSummaryAsync()).ShouldBe([new FieldError("file", "The file is larger than 1 MB.")]);
        (await app.SnapshotAsync()).ShouldBe(before);

        (await (await api.PostAsync(url, new StringContent("period,value\n2025-01,14\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync())
            .GetProperty("added").GetInt32().ShouldBe(1);
        (await UploadAsync(browser, page, "period,value\n2025-02,12\n")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>A file one byte over the limit: a valid start, then a last line of padding.</summary>
    private static string OverSize(string start, int maxBytes) => start + new string('x', maxBytes + 1 - Encoding.UTF8.GetByteCount(start));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string page, string csv)
    {
        var token = await browser.AntiforgeryTokenAsync(page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "import.csv" },
        };
        return await browser.PostAsync($"{page}?handler=Import", content);
    }

    /// <summary>A body sent without a Content-Length (chunked), so the server can only find its size by reading.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(string text)
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new("text/csv");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
