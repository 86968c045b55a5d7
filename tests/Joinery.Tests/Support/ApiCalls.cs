using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Joinery.Tests.Support;

/// <summary>Short forms for the JSON calls the workspace tests make.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"POST {url}: {(text.Length > 600 ? text[..600] : text)}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected)
    {
        var response = await client.PutAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"PUT {url}: {(text.Length > 600 ? text[..600] : text)}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>The field names of a validation problem's errors.</summary>
    public static List<string> ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    public static async Task<JsonElement> RoadmapCriterionAsync(this HttpClient client, Guid partnershipId, string code) =>
        (await client.GetJsonAsync($"/api/v1/partnerships/{partnershipId}/roadmap")).GetProperty("phases").EnumerateArray()
            .SelectMany(p => p.GetProperty("criteria").EnumerateArray()).Single(c => c.Text("code") == code);
}
