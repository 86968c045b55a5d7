using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Support;

/// <summary>
/// A walk through every page handler and API route of a partnership's workspace: records of every
/// feature to fill the routes' ids, and a valid request for each handler. The cross-tenant test and
/// the archive test both walk it, so a new route is covered by both.
/// </summary>
public sealed class WorkspaceWalk(JoineryApp app)
{
    /// <summary>
    /// The steward's own requests run in an order where each is valid: a round is opened before it is
    /// answered, the published mission is acknowledged before a new draft unpublishes it, the steward's
    /// reopened expectations list is edited before it is submitted (which shows the lists again, so
    /// pairing and agreeing work), the open pulse round is answered, then closed, before the next is
    /// opened, and members are removed; then the partners end the partnership, plan a service's
    /// transition and archive it.
    /// </summary>
    public static int StewardOrder(PageHandler handler) => handler.Name switch
    {
        "Item" or "EditItem" => -4,
        "DeleteItem" => -3,
        "Submit" => -2,
        "OpenRound" or "Acknowledge" or "UpdateSignatory" => -1,
        "RemoveCelebration" => 0,
        "Remove" or "Close" or "RemoveItem" or "RemoveTraining" or "RemoveSource" or "RemoveSignatory" => 1,
        "Open" => 2,
        "End" => 3,
        "Transition" => 4,
        "Archive" => 5,
        _ => 0,
    };

    /// <summary>
    /// API routes outside any partnership (no <c>{id}</c>): the walks cannot try them against a
    /// partnership, so each is named here on purpose and tested on its own.
    /// </summary>
    public static readonly string[] ApiRoutesOutsidePartnerships = ["GET /api/v1/me", "GET /api/v1/me/inbox", "GET /api/v1/partnerships/"];

    /// <summary>
    /// Handlers that name records by id in their form fields rather than in the route or a handler
    /// parameter: a record that is not the partnership's own is refused as a form error on its field.
    /// </summary>
    public static readonly string[] RecordIdsInForm = ["POST /Expectations/Index?handler=Pair", "POST /Expectations/Index?handler=Agree"];

    /// <summary>The partnership's API routes; fails on a route outside <c>/partnerships/{id}</c> not named in <see cref="ApiRoutesOutsidePartnerships"/>.</summary>
    public static IReadOnlyList<ApiRoute> PartnershipApiRoutes(JoineryApp app)
    {
        var routes = Routes.Api(app);
        routes.Where(r => !r.Template.Contains("{id", StringComparison.Ordinal)).Select(r => r.ToString())
            .ShouldBe(ApiRoutesOutsidePartnerships, ignoreOrder: true, "an API route the partnership walks skip: give it an {id} or name it (and test it) here");
        var inside = routes.Where(r => r.Template.Contains("{id", StringComparison.Ordinal)).ToList();
        inside.ShouldAllBe(r => r.Template.StartsWith("/api/v1/partnerships/{id:guid}", StringComparison.Ordinal));
        return inside;
    }

    /// <summary>The partnership's page handlers, all under <c>partnerships/{id}</c>.</summary>
    public static async Task<List<PageHandler>> PartnershipHandlersAsync(JoineryApp app) =>
        (await Routes.PagesAsync(app)).Where(h => h.Template.StartsWith("partnerships/{id:guid}", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Reads that take a record's id only as an optional hint, and ignore one that is not the
    /// partnership's own (the page shows as without it): which records they take.
    /// </summary>
    public static readonly Dictionary<string, string> OptionalHints = new()
    {
        // "Agree on this pair" ticks the pair's items in the agreement form, when the pair is one of the partnership's own.
        ["GET /Expectations/Index"] = "agreeOn",
        // "Edit" opens a service's form in place, when the service is one of the partnership's own.
        ["GET /Formalize/Services"] = "edit",
    };

    /// <summary>True when the handler names a record of the partnership besides the partnership itself (in its route, a parameter or its form).</summary>
    public static bool NamesRecords(PageHandler handler, Dictionary<string, string> records) =>
        RouteParameters(handler.Template).Any(p => p != "id")
        || handler.Parameters.Except(RouteParameters(handler.Template)).Any(p => records.TryGetValue(p, out var value) && Guid.TryParse(value, out _))
        || RecordIdsInForm.Contains(handler.ToString());

    /// <summary>True when the API route names a record of the partnership besides the partnership itself.</summary>
    public static bool NamesRecords(ApiRoute route) => RouteParameters(route.Template).Any(p => p != "id");

    private static IEnumerable<string> RouteParameters(string template) =>
        Regex.Matches(template, "\\{(\\w+)").Select(m => m.Groups[1].Value);

    /// <summary>The handler's URL with the route filled from the records (no query parameters).</summary>
    public static string Url(PageHandler handler, Dictionary<string, string> records)
    {
        var path = "/" + Regex.Replace(handler.Template, "\\{(\\w+)(:[^}]*)?\\}", m => records[m.Groups[1].Value]);
        return handler.Name.Length == 0 ? path : $"{path}?handler={handler.Name}";
    }

    /// <summary>
    /// A successful answer to a request of the partnership's own member: 200, or a redirect within the
    /// partnership (post/redirect/get), never to sign-in, the refusal page or elsewhere. A redirect goes
    /// back to the handler's own section of the workspace unless <see cref="RedirectsElsewhere"/> says where.
    /// </summary>
    public static void ShouldSucceed(HttpResponseMessage response, PageHandler handler, Guid partnershipId)
    {
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], handler.ToString());
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return;
        }
        var location = response.Headers.Location.ShouldNotBeNull($"{handler}: a redirect without a Location");
        (!location.IsAbsoluteUri || location.Host == "localhost").ShouldBeTrue($"{handler} redirected to another site: {location}");
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0];
        path.ShouldNotStartWith("/account", Case.Insensitive, $"{handler} redirected to {location}");
        var section = RedirectsElsewhere.GetValueOrDefault(handler.ToString()) ?? Section(handler.Template);
        var expected = $"/partnerships/{partnershipId}{section}";
        (path == expected || (section.Length > 0 && path.StartsWith(expected + "/", StringComparison.Ordinal)))
            .ShouldBeTrue($"{handler} redirected to {location}, not within {expected}");
    }

    /// <summary>The section of the workspace a page belongs to: "/glossary" for "partnerships/{id:guid}/glossary/{termId:guid}", "" for the overview.</summary>
    private static string Section(string template)
    {
        var rest = template["partnerships/{id:guid}".Length..];
        var segment = rest.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return segment is null ? "" : "/" + segment;
    }

    /// <summary>Handlers whose success leads to another section of the workspace, and which one ("" is the overview).</summary>
    private static readonly Dictionary<string, string> RedirectsElsewhere = new()
    {
        // A phase move shows the partnership's overview with its new phase; ending it leads to closing it.
        ["POST /Partnerships/Phase"] = "",
        ["POST /Partnerships/Phase?handler=End"] = "/close",
    };

    /// <summary>The records of every workspace feature, then each brought to the state the read-only walks expect.</summary>
    public async Task<Dictionary<string, string>> ReadOnlyRecordsAsync(SeededPartnership victim)
    {
        var records = await RecordsAsync(victim);
        foreach (var contribution in WalkContributions.All)
        {
            await contribution.SettleForReadingAsync(app, victim);
        }
        return records;
    }

    /// <summary>Records of every workspace feature in the victim partnership (<see cref="IWalkContribution"/>), so routes with their ids can be tried.</summary>
    public async Task<Dictionary<string, string>> RecordsAsync(SeededPartnership victim)
    {
        // Pages that ask before a commitment (a sign-off, an endorsement) bind a ticked confirmation box.
        var records = new Dictionary<string, string> { ["confirm"] = "true" };
        foreach (var contribution in WalkContributions.All)
        {
            foreach (var (key, value) in await contribution.RecordsAsync(app, victim))
            {
                records.Add(key, value);
            }
        }
        return records;
    }

    /// <summary>A request a steward of the partnership could make: every field the handler binds is filled with a valid value.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient browser, PageHandler handler, SeededPartnership victim, Dictionary<string, string> records)
    {
        var path = "/" + Regex.Replace(handler.Template, "\\{(\\w+)(:[^}]*)?\\}", m => records[m.Groups[1].Value]);
        var url = handler.Name.Length == 0 ? path : $"{path}?handler={handler.Name}";
        var parameters = handler.Parameters.Where(p => !handler.Template.Contains("{" + p, StringComparison.Ordinal) && p != "file").ToList();
        var missing = parameters.Where(p => !records.ContainsKey(p)).ToList();
        missing.ShouldBeEmpty($"{handler}: teach the cross-tenant test how to fill these parameters");
        if (handler.Method == "GET")
        {
            var query = string.Concat(parameters.Select(p => $"&{p}={Uri.EscapeDataString(records[p])}"));
            return await browser.GetAsync(query.Length == 0 ? url : url.Contains('?', StringComparison.Ordinal) ? url + query : url + "?" + query[1..]);
        }
        var form = parameters.ToDictionary(p => p, p => records[p]);
        foreach (var (field, value) in FormFields(handler.Page, victim, records))
        {
            form[field] = value;
        }
        if (handler.Parameters.Contains("file"))
        {
            var token = await browser.AntiforgeryTokenAsync("/");
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(UploadFor(handler.Page))), "file", "upload.csv" },
            };
            return await browser.PostAsync(url, content);
        }
        return await browser.SubmitFormAsync(url, form);
    }

    private static string UploadFor(string page) => page switch
    {
        "/Measures/Details" => "period,value\n2025-12,14\n",
        "/Formalize/Agreement" => "%PDF-1.4\n%%EOF\n",
        _ => "term,category\ncaseload,management\n",
    };

    /// <summary>The form fields the page posts, valid for the victim's steward, from the feature that owns the page.</summary>
    private static Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) =>
        WalkContributions.All.SelectMany(c => c.FormFields(page, victim, records)).ToDictionary();

    public static HttpRequestMessage Request(string method, string template, Guid id, Dictionary<string, string>? records = null)
    {
        var url = Regex.Replace(template.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal), "\\{(\\w+)(:[^}]*)?\\}",
            m => records?.GetValueOrDefault(m.Groups[1].Value) ?? m.Value);
        url.ShouldNotContain("{", customMessage: $"{template}: teach the cross-tenant test how to fill the route's other parameters");
        var query = method == "GET" ? WalkContributions.All.Select(c => c.ApiQuery(template)).FirstOrDefault(q => q.Length > 0) : null;
        var request = new HttpRequestMessage(new HttpMethod(method), query is null ? url : $"{url}?{query}");
        if (method != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }
}
