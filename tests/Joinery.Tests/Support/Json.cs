using System.Net;
using System.Text.Json;

namespace Joinery.Tests.Support;

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text.Length > 500 ? text[..500] : text);
        response.Content.Headers.ContentType.ShouldNotBeNull("the response has no Content-Type").MediaType
            .ShouldBe(expected == HttpStatusCode.OK ? "application/json" : "application/problem+json");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>Reads an RFC 9457 problem: the status, the content type and the status inside the body must agree.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ReadJsonAsync(expected);
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadJsonAsync();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static List<string> Texts(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.Text(property)).ToList();
}
