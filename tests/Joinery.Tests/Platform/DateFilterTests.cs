using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Platform;

/// <summary>
/// Dates in query strings (filters of pages and API routes) at the ends of the calendar, or beyond
/// it, get a clear answer: a result or a 4xx that says what is wrong, never a 500. The filters are
/// found by reflection (bound GET properties and route handler parameters that are dates or are
/// named like one), so a new filter is covered without editing this test.
/// </summary>
[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class DateFilterTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private static readonly string[] Extremes =
        ["0001-01-01", "9999-12-31", "1900-01-01", "3000-12-31", "1899-12-31", "2025-02-30", "10000-01-01", "-0001-01-01", "0000-00-00"];

    private static readonly HashSet<string> DateNames = new(StringComparer.OrdinalIgnoreCase) { "from", "to", "since", "until", "before", "after", "date", "day", "month", "period" };

    private sealed record Filter(string Door, string Template, string Handler, IReadOnlyList<string> Names)
    {
        public override string ToString() => $"{Door} {Template}{(Handler.Length == 0 ? "" : $"?handler={Handler}")} [{string.Join(", ", Names)}]";
    }

    [Fact]
    public async Task Extreme_dates_in_every_date_filter_of_the_pages_and_the_api_answer_200_or_4xx_never_500()
    {
        var victim = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner, partner: 1).BuildAsync();
        var records = await new WorkspaceWalk(app).RecordsAsync(victim);
        var filters = await FiltersAsync();
        filters.Select(f => f.ToString()).ShouldBe([
            "page partnerships/{id:guid}/audit [From, To]",
            "page partnerships/{id:guid}/audit?handler=Csv [From, To]",
            "api /api/v1/partnerships/{id:guid}/audit [from, to]",
        ], ignoreOrder: true, customMessage: "a new date filter: check it answers extreme dates clearly, then add it here");
        var browser = await app.SignedInAsync(victim.Steward);
        var api = await app.ApiAsync(victim.Steward);

        foreach (var filter in filters)
        {
            var path = (filter.Door == "page" ? "/" : "") + Regex.Replace(filter.Template, "\\{(\\w+)(:[^}]*)?\\}", m => records[m.Groups[1].Value]);
            var queries = filter.Names.SelectMany(name => Extremes.Select(value => $"{name}={Uri.EscapeDataString(value)}")).ToList();
            if (filter.Names.Count == 2)
            {
                queries.Add($"{filter.Names[0]}=0001-01-01&{filter.Names[1]}=9999-12-31");
                queries.Add($"{filter.Names[0]}=9999-12-31&{filter.Names[1]}=0001-01-01");
            }
            foreach (var query in queries)
            {
                var url = filter.Handler.Length == 0 ? $"{path}?{query}" : $"{path}?handler={filter.Handler}&{query}";
                var response = await (filter.Door == "page" ? browser : api).GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();

                ((int)response.StatusCode).ShouldBeInRange(200, 499, $"GET {url}: {body[..Math.Min(body.Length, 300)]}");
                body.ShouldNotContain("Something went wrong", customMessage: $"GET {url}");
                if (filter.Door == "api" && response.StatusCode != HttpStatusCode.OK)
                {
                    response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", $"GET {url}");
                }
            }
        }
    }

    [Fact]
    public async Task Audit_dates_at_the_ends_of_the_calendar_leave_that_end_of_the_trail_open()
    {
        var p = await app.APartnership().BuildAsync();
        var api = await app.ApiAsync(p.Steward);
        var browser = await app.SignedInAsync(p.Steward);
        var audit = $"/api/v1/partnerships/{p.Id}/audit";
        var all = Ids(await api.GetJsonAsync(audit));
        all.Count.ShouldBeGreaterThan(0);

        Ids(await api.GetJsonAsync($"{audit}?from=0001-01-01&to=9999-12-31")).ShouldBe(all);
        Ids(await api.GetJsonAsync($"{audit}?to=9999-12-31")).ShouldBe(all);
        Ids(await api.GetJsonAsync($"{audit}?from=1900-01-01")).ShouldBe(all);
        Ids(await api.GetJsonAsync($"{audit}?from=3000-01-01")).ShouldBeEmpty();
        Ids(await api.GetJsonAsync($"{audit}?to=1900-12-31")).ShouldBeEmpty();

        var page = await browser.GetAsync($"/partnerships/{p.Id}/audit?from=0001-01-01&to=9999-12-31");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.ErrorSummaryAsync()).ShouldBeEmpty();
        var csv = await browser.GetAsync($"/partnerships/{p.Id}/audit?handler=Csv&to=9999-12-31");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(all.Count + 1);
    }

    private static List<long> Ids(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();

    private async Task<List<Filter>> FiltersAsync()
    {
        app.EnsureStarted();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var filters = new List<Filter>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() ?? await loader.LoadAsync(page, endpoint.Metadata);
                var bound = compiled.ModelTypeInfo?.GetProperties()
                    .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } && IsDate(p.Name, p.PropertyType))
                    .Select(p => p.Name).ToList() ?? [];
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    var names = bound.Concat(handler.Parameters.Where(p => IsDate(p.Name, p.ParameterType)).Select(p => p.Name)).ToList();
                    if (names.Count > 0)
                    {
                        filters.Add(new Filter("page", template, handler.Name ?? "", names));
                    }
                }
            }
            else if (template.StartsWith("/api", StringComparison.Ordinal)
                     && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                     && endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                var names = method.GetParameters()
                    .Where(p => p.Name is not null && !template.Contains("{" + p.Name, StringComparison.Ordinal) && IsDate(p.Name, p.ParameterType))
                    .Select(p => p.Name!).ToList();
                if (names.Count > 0)
                {
                    filters.Add(new Filter("api", template, "", names));
                }
            }
        }
        return filters;
    }

    private static bool IsDate(string name, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(DateOnly) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset)
            || (underlying == typeof(string) && DateNames.Contains(name));
    }
}
