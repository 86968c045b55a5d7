using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Joinery.Core.Formalize;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Formalize;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class FormalizeApiTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    /// <summary>Partner 0 (behavioral health): a steward; partner 1 (primary care): a planner and a viewer.</summary>
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Planner, MemberLevel.Manager, partner: 1)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Url(SeededPartnership p, string rest) => $"/api/v1/partnerships/{p.Id}/{rest}";

    private static object Service(SeededPartnership p, string name = "Co-located consults", bool part2 = false, string? function = null) => new
    {
        name,
        description = "Same-day consults after a warm handoff.",
        deliveredBy = p.Partners[0],
        billedBy = p.Partners[1],
        site = "Main clinic",
        payers = new[] { "medicare", "medicaid", "sliding-fee" },
        scope = "contract",
        involvesPart2 = part2,
        associateFunction = function,
        associateOrganization = function is null ? (Guid?)null : p.Partners[1],
    };

    private static async Task<string> CreateAgreementAsync(HttpClient api, SeededPartnership p, string type, string status, string title = "An agreement") =>
        (await api.PostJsonAsync(Url(p, "agreements"), new { type, title, status }, HttpStatusCode.Created)).Text("id");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, SeededPartnership p, string agreementId, byte[] content, string name, string field = "file")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, field, name);
        return await api.PostAsync(Url(p, $"agreements/{agreementId}/document"), form);
    }

    private Task<T> CountAsync<T>(Func<Joinery.Core.Data.JoineryDb, Task<T>> query) => app.ReadAsync(query);

    [Fact]
    public async Task A_member_adds_changes_and_removes_a_service_and_each_change_is_audited()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.First(MemberRole.Planner));
        var checkpoint = await app.AuditCheckpointAsync();

        var id = (await api.PostJsonAsync(Url(p, "services"), Service(p), HttpStatusCode.Created)).Text("id");
        var list = await api.GetJsonAsync(Url(p, "services"));
        var service = list.GetProperty("services").EnumerateArray().Single();
        await api.PutJsonAsync(Url(p, $"services/{id}"), Service(p, "Consults and follow-up", part2: true), HttpStatusCode.OK);
        var changed = (await api.GetJsonAsync(Url(p, "services"))).GetProperty("services").EnumerateArray().Single();
        var deleted = await api.DeleteAsync(Url(p, $"services/{id}"));

        service.Text("deliveredBy").ShouldNotBeNullOrEmpty();
        service.Text("scope").ShouldBe("contract");
        service.GetProperty("payers").EnumerateArray().Select(x => x.GetString()).ShouldBe(["medicare", "medicaid", "sliding-fee"]);
        changed.Text("name").ShouldBe("Consults and follow-up");
        changed.GetProperty("involvesPart2").GetBoolean().ShouldBeTrue();
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetJsonAsync(Url(p, "services"))).GetProperty("services").GetArrayLength().ShouldBe(0);
        (await app.AuditSinceAsync(checkpoint)).Select(a => a.Action).ShouldBe(["service.created", "service.updated", "service.deleted"]);
    }

    [Fact]
    public async Task Bad_service_input_gets_a_problem_naming_each_field_and_saves_nothing()
    {
        var p = await PartnershipAsync();
        var other = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);

        var empty = await api.PostJsonAsync(Url(p, "services"), new { }, HttpStatusCode.BadRequest);
        var wrong = await api.PostJsonAsync(Url(p, "services"), new
        {
            name = "Consults\u202Etxt.exe",
            description = new string('x', 2001),
            deliveredBy = other.Partners[0],
            billedBy = Guid.NewGuid(),
            payers = new[] { "medicare", "bitcoin" },
            scope = "column-iv",
            associateFunction = "billing",
        }, HttpStatusCode.BadRequest);
        var huge = await api.PostJsonAsync(Url(p, "services"), new { name = new string('n', 201), deliveredBy = p.Partners[0], billedBy = p.Partners[0], scope = "direct" },
            HttpStatusCode.BadRequest);
        var missing = await api.PutAsync(Url(p, $"services/{Guid.NewGuid()}"), JsonContent(Service(p)));

        empty.ErrorFields().ShouldBe(["name", "deliveredBy", "billedBy", "scope"], ignoreOrder: true);
        wrong.ErrorFields().ShouldBe(["name", "description", "deliveredBy", "billedBy", "payers", "scope", "associateOrganization"], ignoreOrder: true);
        huge.ErrorFields().ShouldBe(["name"]);
        (await missing.ReadProblemAsync(HttpStatusCode.NotFound)).ToString().ShouldNotContain(p.Name);
        (await CountAsync(db => db.Set<Service>().CountAsync(s => s.PartnershipId == p.Id))).ShouldBe(0);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Viewers_read_services_finances_and_agreements_but_cannot_change_them()
    {
        var p = await PartnershipAsync();
        var viewer = await app.ApiAsync(p.First(MemberRole.Viewer));

        (await viewer.GetJsonAsync(Url(p, "services"))).GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await viewer.GetJsonAsync(Url(p, "finances"))).GetProperty("canRecord").GetBoolean().ShouldBeFalse();
        (await viewer.GetJsonAsync(Url(p, "agreements"))).GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        await viewer.PostJsonAsync(Url(p, "services"), Service(p), HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, "finances"), new { category = "it", description = "x", organization = p.Partners[0], amount = 1, period = "yearly" }, HttpStatusCode.Forbidden);
        await viewer.PostJsonAsync(Url(p, "agreements"), new { type = "mou", title = "MOU", status = "draft" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Finances_combine_annualised_cost_items_with_the_contributions_ledger_into_each_partners_stake()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        await api.PostJsonAsync(Url(p, "finances"), new { category = "staff", description = "Consultant contract", organization = p.Partners[1], amount = 1000.25m, period = "monthly", fromMonth = "2026-01", toMonth = "2026-12" }, HttpStatusCode.Created);
        await api.PostJsonAsync(Url(p, "finances"), new { category = "it", description = "Registry licence", organization = p.Partners[1], amount = 2400, period = "yearly" }, HttpStatusCode.Created);
        var training = (await api.PostJsonAsync(Url(p, "finances"), new { category = "training", description = "Handoff training", organization = p.Partners[0], amount = 1850.50m, period = "one-off" }, HttpStatusCode.Created)).Text("id");
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/contributions", new { organization = p.Partners[0], kind = "space", description = "Office", value = 9600 }, HttpStatusCode.Created);

        var view = await api.GetJsonAsync(Url(p, "finances"));
        var stakes = view.GetProperty("totals").EnumerateArray().ToDictionary(t => Guid.Parse(t.Text("organizationId")));

        view.GetProperty("items").GetArrayLength().ShouldBe(3);
        stakes[p.Partners[1]].GetProperty("annualCosts").GetDecimal().ShouldBe(12003.00m + 2400m);
        stakes[p.Partners[1]].GetProperty("total").GetDecimal().ShouldBe(14403.00m);
        stakes[p.Partners[0]].GetProperty("oneOffCosts").GetDecimal().ShouldBe(1850.50m);
        stakes[p.Partners[0]].GetProperty("contributions").GetDecimal().ShouldBe(9600m);
        stakes[p.Partners[0]].GetProperty("total").GetDecimal().ShouldBe(11450.50m);
        (stakes[p.Partners[0]].GetProperty("share").GetDouble() + stakes[p.Partners[1]].GetProperty("share").GetDouble()).ShouldBe(1.0, 0.0001);

        (await api.DeleteAsync(Url(p, $"finances/{training}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetJsonAsync(Url(p, "finances"))).GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_cost_item_that_pays_for_a_contribution_counts_it_once_as_the_payers_cost()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var consultant = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/contributions",
            new { organization = p.Partners[0], kind = "staff-fte", description = "Consultant two days a week", value = 38000, fte = 0.4 }, HttpStatusCode.Created)).Text("id");
        await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/contributions", new { organization = p.Partners[0], kind = "equipment", description = "Shelving", value = 4500 }, HttpStatusCode.Created);
        var before = (await api.GetJsonAsync(Url(p, "finances"))).GetProperty("totals").EnumerateArray().ToDictionary(t => Guid.Parse(t.Text("organizationId")));

        await api.PostJsonAsync(Url(p, "finances"), new { category = "staff", description = "Contract payment for the consultant", organization = p.Partners[1], amount = 3150m, period = "monthly", contribution = consultant },
            HttpStatusCode.Created);
        var view = await api.GetJsonAsync(Url(p, "finances"));
        var stakes = view.GetProperty("totals").EnumerateArray().ToDictionary(t => Guid.Parse(t.Text("organizationId")));
        var item = view.GetProperty("items").EnumerateArray().Single();

        before[p.Partners[0]].GetProperty("contributions").GetDecimal().ShouldBe(42500m);
        stakes[p.Partners[0]].GetProperty("contributions").GetDecimal().ShouldBe(4500m, "the consultant is counted as the cost of the partner who pays");
        stakes[p.Partners[0]].GetProperty("contributionsPaidByCosts").GetDecimal().ShouldBe(38000m);
        stakes[p.Partners[1]].GetProperty("annualCosts").GetDecimal().ShouldBe(37800m);
        stakes.Values.Sum(t => t.GetProperty("total").GetDecimal()).ShouldBe(42300m, "4,500 + 37,800: the consultant once");
        item.GetProperty("paysFor").Text("contributionId").ShouldBe(consultant);
        item.GetProperty("paysFor").Text("description").ShouldBe("Consultant two days a week");
    }

    [Fact]
    public async Task A_cost_item_cannot_pay_for_another_partnerships_contribution_or_one_that_does_not_exist()
    {
        var p = await PartnershipAsync();
        var other = await PartnershipAsync();
        var theirs = (await (await app.ApiAsync(other.Steward)).PostJsonAsync($"/api/v1/partnerships/{other.Id}/contributions",
            new { organization = other.Partners[0], kind = "staff-fte", description = "Their consultant", value = 10000 }, HttpStatusCode.Created)).Text("id");
        var api = await app.ApiAsync(p.Steward);
        object Cost(string contribution) => new { category = "staff", description = "Consultant", organization = p.Partners[1], amount = 100m, period = "monthly", contribution };

        var foreign = await api.PostJsonAsync(Url(p, "finances"), Cost(theirs), HttpStatusCode.BadRequest);
        var missing = await api.PostJsonAsync(Url(p, "finances"), Cost(Guid.NewGuid().ToString()), HttpStatusCode.BadRequest);

        foreign.ErrorFields().ShouldBe(["contribution"]);
        missing.ErrorFields().ShouldBe(["contribution"]);
        foreign.GetProperty("errors").GetProperty("contribution")[0].GetString().ShouldBe("There is no such contribution in this partnership's ledger; choose one from the list or none.");
        (await CountAsync(db => db.Set<CostItem>().CountAsync(c => c.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_cost_items_get_a_problem_per_field_and_save_nothing()
    {
        var p = await PartnershipAsync();
        var other = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);

        var empty = await api.PostJsonAsync(Url(p, "finances"), new { }, HttpStatusCode.BadRequest);
        var wrong = await api.PostJsonAsync(Url(p, "finances"), new
        {
            category = "yachts",
            description = "Desk\u2066s",
            organization = other.Partners[0],
            amount = -5,
            period = "weekly",
            fromMonth = "2026-13",
            toMonth = "someday",
        }, HttpStatusCode.BadRequest);
        var backwards = await api.PostJsonAsync(Url(p, "finances"), new { category = "it", description = "x", organization = p.Partners[0], amount = 5, period = "monthly", fromMonth = "2026-06", toMonth = "2026-01" }, HttpStatusCode.BadRequest);
        var malformed = await api.PostAsync(Url(p, "finances"), new StringContent("{\"amount\": \"lots\"", System.Text.Encoding.UTF8, "application/json"));
        var missing = await api.DeleteAsync(Url(p, $"finances/{Guid.NewGuid()}"));

        empty.ErrorFields().ShouldBe(["category", "description", "organization", "amount", "period"], ignoreOrder: true);
        wrong.ErrorFields().ShouldBe(["category", "description", "organization", "amount", "period", "fromMonth", "toMonth"], ignoreOrder: true);
        backwards.ErrorFields().ShouldBe(["toMonth"]);
        await malformed.ReadProblemAsync(HttpStatusCode.BadRequest);
        await missing.ReadProblemAsync(HttpStatusCode.NotFound);
        (await CountAsync(db => db.Set<CostItem>().CountAsync(c => c.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_register_lists_the_required_agreements_derived_from_the_services_with_their_reasons()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        await api.PostJsonAsync(Url(p, "services"), Service(p, "Opioid treatment referral", part2: true), HttpStatusCode.Created);
        await api.PostJsonAsync(Url(p, "services"), Service(p, "Shared registry", function: "registry-hosting"), HttpStatusCode.Created);
        var mou = await CreateAgreementAsync(api, p, "mou", "in-review", "Memorandum of understanding");

        var register = await api.GetJsonAsync(Url(p, "agreements"));
        var required = register.GetProperty("required").EnumerateArray().ToDictionary(r => r.Text("type"));

        required.Keys.ShouldBe(["mou", "qsoa", "baa"], ignoreOrder: true);
        required["mou"].Text("agreementId").ShouldBe(mou);
        required["mou"].GetProperty("inForce").GetBoolean().ShouldBeFalse();
        required["qsoa"].GetProperty("missing").GetBoolean().ShouldBeTrue();
        required["qsoa"].Text("reason").ShouldContain("Opioid treatment referral");
        required["baa"].GetProperty("services").EnumerateArray().Select(s => s.GetString()).ShouldBe(["Shared registry"]);
        var agreement = register.GetProperty("agreements").EnumerateArray().Single();
        agreement.Text("status").ShouldBe("in-review");
        agreement.GetProperty("parties").GetArrayLength().ShouldBe(2);
        agreement.GetProperty("checklistTotal").GetInt32().ShouldBe(20);
    }

    [Fact]
    public async Task Bad_agreement_input_gets_a_problem_per_field_and_saves_nothing()
    {
        var p = await PartnershipAsync();
        var other = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);

        var empty = await api.PostJsonAsync(Url(p, "agreements"), new { }, HttpStatusCode.BadRequest);
        var wrong = await api.PostJsonAsync(Url(p, "agreements"), new { type = "handshake", title = "MOU\u200F", status = "pending", effectiveOn = "2026-05-01", expiresOn = "2026-04-01", parties = new[] { other.Partners[0] } }, HttpStatusCode.BadRequest);
        var id = await CreateAgreementAsync(api, p, "mou", "draft");
        var element = await api.PostJsonAsync(Url(p, $"agreements/{id}/elements"), new { code = "permitted-uses", done = true }, HttpStatusCode.BadRequest);
        var signatory = await api.PostJsonAsync(Url(p, $"agreements/{id}/signatories"), new { name = "", organization = other.Partners[0], signedOn = TestClock.Day(3) }, HttpStatusCode.BadRequest);
        var wordDate = await api.PostJsonAsync(Url(p, $"agreements/{id}/signatories"), new { name = "Dana Example", organization = p.Partners[0], signedOn = "yesterday" }, HttpStatusCode.BadRequest);
        var wordNumber = await api.PutJsonAsync(Url(p, $"agreements/{id}"), new { title = "MOU", noticeDays = "ninety" }, HttpStatusCode.BadRequest);
        var farDate = await api.PutJsonAsync(Url(p, $"agreements/{id}"), new { title = "MOU", effectiveOn = "1999-12-31", noticeDays = 731 }, HttpStatusCode.BadRequest);
        var elsewhere = await api.PostJsonAsync($"/api/v1/partnerships/{other.Id}/agreements/{id}/elements", new { code = "parties" }, HttpStatusCode.NotFound);

        empty.ErrorFields().ShouldBe(["type", "title"], ignoreOrder: true);
        wrong.ErrorFields().ShouldBe(["type", "title", "status", "expiresOn", "parties"], ignoreOrder: true);
        element.ErrorFields().ShouldBe(["code"]);
        signatory.ErrorFields().ShouldBe(["name", "organization", "signedOn"], ignoreOrder: true);
        // A value of the wrong JSON type is refused before any rule runs, naming the field and not repeating the value.
        wordDate.ErrorFields().ShouldBe(["signedOn"]);
        wordNumber.ErrorFields().ShouldBe(["noticeDays"]);
        wordNumber.ToString().ShouldNotContain("ninety");
        farDate.ErrorFields().ShouldBe(["effectiveOn", "noticeDays"], ignoreOrder: true);
        elsewhere.ToString().ShouldNotContain(p.Name);
        (await CountAsync(db => db.Set<Agreement>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(1);
        (await CountAsync(db => db.Set<AgreementElementCheck>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(0);
        (await CountAsync(db => db.Set<AgreementSignatory>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_checklist_element_is_ticked_with_a_note_and_the_reviewer_and_signatories_and_dates_are_kept()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.First(MemberRole.Planner));
        var id = await CreateAgreementAsync(api, p, "baa", "in-review", "Business associate agreement");

        await api.PostJsonAsync(Url(p, $"agreements/{id}/elements"), new { code = "report-breaches", done = true, note = "Section 4.2: 30 days." }, HttpStatusCode.OK);
        await api.PostJsonAsync(Url(p, $"agreements/{id}/signatories"), new { name = "Grace Example", title = "CEO", organization = p.Partners[1], signedOn = TestClock.Day(-43) }, HttpStatusCode.Created);
        await api.PutJsonAsync(Url(p, $"agreements/{id}"), new { title = "Business associate agreement", status = "signed", effectiveOn = TestClock.Day(-43), expiresOn = TestClock.Day(686), noticeDays = 60, notes = "Counsel reviewed." }, HttpStatusCode.OK);
        var details = await api.GetJsonAsync(Url(p, $"agreements/{id}"));

        var element = details.GetProperty("checklist").EnumerateArray().Single(e => e.Text("code") == "report-breaches");
        element.GetProperty("done").GetBoolean().ShouldBeTrue();
        element.Text("note").ShouldBe("Section 4.2: 30 days.");
        element.Text("reviewedBy").ShouldBe(p.First(MemberRole.Planner).Name);
        details.GetProperty("summary").GetProperty("checklistDone").GetInt32().ShouldBe(1);
        details.GetProperty("summary").Text("noticeOn").ShouldBe(TestClock.Day(686 - 60));
        details.GetProperty("summary").GetProperty("inForce").GetBoolean().ShouldBeTrue();
        details.GetProperty("signatories").EnumerateArray().Single().Text("name").ShouldBe("Grace Example");
    }

    [Fact]
    public async Task A_pdf_is_stored_in_the_database_and_downloaded_only_as_an_attachment_with_the_sniffed_type_and_both_are_audited()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var id = await CreateAgreementAsync(api, p, "mou", "draft");
        var content = Documents.Pdf("memorandum");
        var checkpoint = await app.AuditCheckpointAsync();

        var upload = await UploadAsync(api, p, id, content, "../Dana's <MOU> draft.pdf");
        var download = await api.GetAsync(Url(p, $"agreements/{id}/document"));

        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("Dana_s _MOU_ draft.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var stored = await app.ReadAsync(db => db.Set<AgreementDocument>().SingleAsync(d => d.AgreementId == Guid.Parse(id)));
        stored.Size.ShouldBe(content.Length);
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        stored.UploadedByUserId.ShouldBe(p.Steward.UserId);
        var audit = await app.AuditSinceAsync(checkpoint);
        audit.Select(a => a.Action).ShouldBe(["agreement-document.created", "agreement-document.downloaded"]);
        audit.ShouldAllBe(a => !a.Detail.Contains("Dana") && !a.Detail.Contains("MOU"));
    }

    [Fact]
    public async Task A_new_upload_replaces_the_previous_document_and_a_docx_gets_the_word_content_type()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var id = await CreateAgreementAsync(api, p, "baa", "draft");

        (await UploadAsync(api, p, id, Documents.Pdf(), "first.pdf")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await UploadAsync(api, p, id, Documents.Docx(), "second.pdf")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var download = await api.GetAsync(Url(p, $"agreements/{id}/document"));

        download.Content.Headers.ContentType!.MediaType.ShouldBe(DocumentSniffer.Docx);
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("second.docx");
        (await CountAsync(db => db.Set<AgreementDocument>().CountAsync(d => d.AgreementId == Guid.Parse(id)))).ShouldBe(1);
    }

    [Fact]
    public async Task A_zip_bomb_dressed_as_a_docx_and_a_pdf_with_script_or_embedded_files_are_refused_with_415_saying_why()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var id = await CreateAgreementAsync(api, p, "mou", "draft");

        var bomb = await UploadAsync(api, p, id, Documents.ZipBomb(megabytes: 60), "mou.docx");
        var lyingBomb = await UploadAsync(api, p, id, Documents.ZipBomb(megabytes: 60, lie: true), "mou.docx");
        var script = await UploadAsync(api, p, id, Documents.PdfWith("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"), "mou.pdf");
        var embedded = await UploadAsync(api, p, id, Documents.PdfWith("<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>"), "mou.pdf");
        var launch = await UploadAsync(api, p, id, Documents.PdfWith("<< /Type /Catalog /OpenAction << /S /Launch /F (calc.exe) >> >>"), "mou.pdf");

        (await bomb.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).Text("detail").ShouldContain("50 MB");
        (await lyingBomb.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).Text("detail").ShouldContain("Word document");
        (await script.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).Text("detail").ShouldContain("JavaScript");
        (await embedded.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).Text("detail").ShouldContain("embedded files");
        (await launch.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).Text("detail").ShouldContain("starts another program");
        (await CountAsync(db => db.Set<AgreementDocument>().CountAsync(d => d.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_site_can_lower_the_document_limit_with_Uploads_MaxDocumentMegabytes()
    {
        var p = await PartnershipAsync();
        await using var strict = app.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxDocumentMegabytes", "1"));
        var api = strict.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(p.Steward.UserId));
        var id = await CreateAgreementAsync(api, p, "mou", "draft");
        var twoMegabytes = new byte[2 * 1024 * 1024];
        "%PDF-"u8.CopyTo(twoMegabytes);

        var refused = await UploadAsync(api, p, id, twoMegabytes, "mou.pdf");

        (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString()
            .ShouldBe("The file is larger than 1 MB.");
    }

    [Fact]
    public async Task Uploads_that_are_not_a_pdf_or_a_macro_free_docx_are_refused_with_415_and_empty_or_huge_ones_with_400()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var id = await CreateAgreementAsync(api, p, "mou", "draft");

        var html = await UploadAsync(api, p, id, "<html><script>alert(1)</script></html>"u8.ToArray(), "mou.pdf");
        var macros = await UploadAsync(api, p, id, Documents.Docx(macros: true), "mou.docx");
        var zip = await UploadAsync(api, p, id, Documents.Docx(withDocument: false), "mou.docx");
        var json = await api.PostAsync(Url(p, $"agreements/{id}/document"), JsonContent(new { file = "JVBERi0=" }));
        var noField = await UploadAsync(api, p, id, Documents.Pdf(), "mou.pdf", field: "document");
        var empty = await UploadAsync(api, p, id, [], "mou.pdf");
        var big = new byte[AgreementDocument.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var huge = await UploadAsync(api, p, id, big, "mou.pdf");
        var elsewhere = await UploadAsync(api, p, Guid.NewGuid().ToString(), Documents.Pdf(), "mou.pdf");
        var bigger = new byte[11 * 1024 * 1024];
        "%PDF-"u8.CopyTo(bigger);
        var tooBig = await UploadAsync(api, p, id, bigger, "mou.pdf");

        foreach (var response in new[] { html, macros, zip, json })
        {
            (await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType)).Text("detail").ShouldNotBeNullOrWhiteSpace();
        }
        (await noField.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["file"]);
        (await empty.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["file"]);
        (await huge.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("10 MB");
        (await tooBig.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("10 MB");
        await elsewhere.ReadProblemAsync(HttpStatusCode.NotFound);
        (await CountAsync(db => db.Set<AgreementDocument>().CountAsync(d => d.PartnershipId == p.Id))).ShouldBe(0);
        await (await api.GetAsync(Url(p, $"agreements/{id}/document"))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_formalize_gate_is_met_only_when_every_required_agreement_is_signed_or_in_force_and_not_expired()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);

        var none = await api.RoadmapCriterionAsync(p.Id, "agreements-in-force");
        var mou = await CreateAgreementAsync(api, p, "mou", "draft");
        var draft = await api.RoadmapCriterionAsync(p.Id, "agreements-in-force");
        await api.PutJsonAsync(Url(p, $"agreements/{mou}"), new { title = "MOU", status = "in-force", expiresOn = "2099-12-31" }, HttpStatusCode.OK);
        var inForce = await api.RoadmapCriterionAsync(p.Id, "agreements-in-force");
        await api.PostJsonAsync(Url(p, "services"), Service(p, "Registry", function: "registry-hosting"), HttpStatusCode.Created);
        var baaMissing = await api.RoadmapCriterionAsync(p.Id, "agreements-in-force");
        await CreateAgreementAsync(api, p, "baa", "signed");
        var bothSigned = await api.RoadmapCriterionAsync(p.Id, "agreements-in-force");
        await api.PutJsonAsync(Url(p, $"agreements/{mou}"), new { title = "MOU", status = "in-force", effectiveOn = "2020-01-01", expiresOn = "2021-01-01" }, HttpStatusCode.OK);
        var expired = await api.RoadmapCriterionAsync(p.Id, "agreements-in-force");

        none.Text("status").ShouldBe("not-started");
        draft.Text("status").ShouldBe("not-met");
        draft.Text("evidence").ShouldContain("MOU is draft");
        inForce.Text("status").ShouldBe("met");
        baaMissing.Text("status").ShouldBe("not-met");
        baaMissing.Text("evidence").ShouldContain("BAA missing");
        bothSigned.Text("status").ShouldBe("met");
        expired.Text("status").ShouldBe("not-met");
    }

    [Fact]
    public async Task Health_signals_warn_of_renewal_notice_expired_agreements_in_force_and_part2_services_without_part2_terms()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var today = TestClock.Today;
        await api.PostJsonAsync(Url(p, "services"), Service(p, "Opioid treatment referral", part2: true), HttpStatusCode.Created);
        var expiring = await CreateAgreementAsync(api, p, "mou", "in-force", "Expiring MOU");
        await api.PutJsonAsync(Url(p, $"agreements/{expiring}"), new { title = "Expiring MOU", status = "in-force", expiresOn = today.AddDays(20).ToString("yyyy-MM-dd"), noticeDays = 30 }, HttpStatusCode.OK);
        var lapsed = await CreateAgreementAsync(api, p, "lease", "signed", "Lapsed lease");
        await api.PutJsonAsync(Url(p, $"agreements/{lapsed}"), new { title = "Lapsed lease", status = "signed", expiresOn = today.AddDays(-1).ToString("yyyy-MM-dd") }, HttpStatusCode.OK);
        await CreateAgreementAsync(api, p, "qsoa", "draft", "Part 2 terms");

        var signals = await SignalsAsync(p);

        signals["agreement-expiring"].Evidence.Single().Id.ShouldBe(Guid.Parse(expiring));
        signals["agreement-expired"].Severity.ShouldBe(Severity.Critical);
        signals["agreement-expired"].Evidence.Single().Id.ShouldBe(Guid.Parse(lapsed));
        signals["part2-without-terms"].Evidence.Single().Label.ShouldBe("Opioid treatment referral");
        signals.Values.ShouldAllBe(s => s.Link == $"/partnerships/{p.Id}/agreements");

        var qsoa = (await api.GetJsonAsync(Url(p, "agreements"))).GetProperty("agreements").EnumerateArray().Single(a => a.Text("type") == "qsoa").Text("id");
        await api.PutJsonAsync(Url(p, $"agreements/{qsoa}"), new { title = "Part 2 terms", status = "signed" }, HttpStatusCode.OK);
        (await SignalsAsync(p)).ShouldNotContainKey("part2-without-terms");
    }

    private async Task<Dictionary<string, HealthSignal>> SignalsAsync(SeededPartnership p) =>
        await app.ActingAsAsync(p.Steward, async services =>
            (await services.GetRequiredService<PartnershipHealth>().SignalsAsync(p.Id))!.Where(s => s.Code.StartsWith("agreement", StringComparison.Ordinal) || s.Code.StartsWith("part2", StringComparison.Ordinal))
                .ToDictionary(s => s.Code));
}
