using System.Net;
using Joinery.Core.Formalize;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Tests.Formalize;

/// <summary>The services, finances and agreements pages as a browser without script uses them.</summary>
public sealed class FormalizePageTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<SeededPartnership> PartnershipAsync() => app.APartnership()
        .With(MemberRole.Steward, MemberLevel.Executive)
        .With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1)
        .BuildAsync();

    private static string Page(SeededPartnership p, string rest) => $"/partnerships/{p.Id}/{rest}";

    [Fact]
    public async Task A_service_added_on_the_page_shows_in_the_catalog_and_makes_the_qsoa_and_baa_required()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var response = await browser.SubmitFormAsync(Page(p, "services"), Page(p, "services"), new List<KeyValuePair<string, string>>
        {
            new("Input.Name", "Opioid treatment & registry"),
            new("Input.DeliveredBy", p.Partners[0].ToString()),
            new("Input.BilledBy", p.Partners[0].ToString()),
            new("Input.Payers", "medicaid"),
            new("Input.Payers", "grant"),
            new("Input.Scope", "referral"),
            new("Input.InvolvesPart2", "true"),
            new("Input.AssociateFunction", "registry-hosting"),
            new("Input.AssociateOrganization", p.Partners[1].ToString()),
        });
        var catalog = await browser.ReadPageAsync(Page(p, "services"));
        var register = await browser.ReadPageAsync(Page(p, "agreements"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        catalog.ShouldContain("Opioid treatment &amp; registry");
        catalog.ShouldContain("Medicaid, Grant");
        catalog.ShouldContain("Referral (column III)");
        catalog.ShouldContain("42 CFR Part 2");
        catalog.ShouldContain("business associate agreement (BAA) is needed");
        register.ShouldContain("Draft for legal review.");
        register.ShouldContain("Required agreements not yet in force");
        register.ShouldContain("QSOA (Part 2 terms)");
        register.ShouldContain("Opioid treatment &amp; registry");
    }

    [Fact]
    public async Task An_empty_service_form_shows_each_problem_linked_to_its_field_and_saves_nothing()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var response = await browser.SubmitFormAsync(Page(p, "services"), Page(p, "services"), new Dictionary<string, string> { ["Input.Name"] = "Consults\u202Etxt.exe" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Input_Name", "Input_DeliveredBy", "Input_BilledBy", "Input_Scope"], ignoreOrder: true);
        (await app.ReadAsync(db => db.Set<Service>().CountAsync(s => s.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_service_is_edited_through_the_edit_link_and_removed_with_its_button()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Consults",
            ["Input.DeliveredBy"] = p.Partners[0].ToString(),
            ["Input.BilledBy"] = p.Partners[1].ToString(),
            ["Input.Scope"] = "contract",
        };
        (await browser.SubmitFormAsync(Page(p, "services"), Page(p, "services"), fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await app.ReadAsync(db => db.Set<Service>().Where(s => s.PartnershipId == p.Id).Select(s => s.Id).SingleAsync());

        var form = await browser.ReadPageAsync(Page(p, $"services?edit={id}"));
        fields["Input.ServiceId"] = id.ToString();
        fields["Input.Name"] = "Same-day consults";
        var saved = await browser.SubmitFormAsync(Page(p, "services"), Page(p, "services"), fields);
        var afterEdit = await app.ReadAsync(db => db.Set<Service>().Where(s => s.PartnershipId == p.Id).Select(s => s.Name).ToListAsync());
        var removed = await browser.SubmitFormAsync(Page(p, "services"), Page(p, "services?handler=Delete"), new Dictionary<string, string> { ["serviceId"] = id.ToString() });

        Forms.InputValue(form, "Input_Name").ShouldBe("Consults");
        form.ShouldContain("Change the service");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterEdit.ShouldBe(["Same-day consults"]);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(db => db.Set<Service>().CountAsync(s => s.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_cost_is_recorded_on_the_finances_page_and_a_bad_amount_is_shown_next_to_its_field()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var fields = new Dictionary<string, string>
        {
            ["Input.Category"] = "staff",
            ["Input.Description"] = "Consultant contract",
            ["Input.Organization"] = p.Partners[1].ToString(),
            ["Input.Amount"] = "twelve",
            ["Input.Period"] = "monthly",
        };

        var bad = await browser.SubmitFormAsync(Page(p, "finances"), Page(p, "finances"), fields);
        fields["Input.Amount"] = "$1,000.50";
        var good = await browser.SubmitFormAsync(Page(p, "finances"), Page(p, "finances"), fields);
        var html = await browser.ReadPageAsync(Page(p, "finances"));

        (await bad.ErrorSummaryAsync()).Select(e => e.Field).ShouldBe(["Input_Amount"]);
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.ShouldContain("$1,000.50");
        html.ShouldContain("$12,006.00");
        html.ShouldContain("Each partner's stake");
    }

    [Fact]
    public async Task An_agreement_is_recorded_its_elements_ticked_and_a_pdf_attached_and_downloaded_from_the_details_page()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var created = await browser.SubmitFormAsync(Page(p, "agreements"), Page(p, "agreements"),
            new Dictionary<string, string> { ["Input.Type"] = "mou", ["Input.Title"] = "Memorandum", ["Input.Status"] = "in-review" });
        var details = created.Headers.Location!.OriginalString;
        var ticked = await browser.SubmitFormAsync(details, details + "?handler=Element",
            new Dictionary<string, string> { ["Element.Code"] = "scope", ["Element.Done"] = "true", ["Element.Note"] = "Section 3." });
        var token = await browser.AntiforgeryTokenAsync(details);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Documents.Pdf()), "file", "memorandum.pdf" },
        };
        var attached = await browser.PostAsync(details + "?handler=Document", content);
        var html = await browser.ReadPageAsync(details);
        var download = await browser.GetAsync(details + "?handler=Document");

        details.ShouldStartWith($"/partnerships/{p.Id}/agreements/");
        ticked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        attached.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.ShouldContain("Required elements (1 of 20 reviewed)");
        html.ShouldContain("value=\"Section 3.\"");
        html.ShouldContain("Download memorandum.pdf");
        html.ShouldContain("Draft for legal review.");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Documents.Pdf());
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_or_docx_is_refused_on_the_page_with_the_reason_next_to_the_file_field()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var created = await browser.SubmitFormAsync(Page(p, "agreements"), Page(p, "agreements"),
            new Dictionary<string, string> { ["Input.Type"] = "baa", ["Input.Title"] = "BAA", ["Input.Status"] = "draft" });
        var details = created.Headers.Location!.OriginalString;
        var token = await browser.AntiforgeryTokenAsync(details);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Documents.Docx(macros: true)), "file", "baa.docx" },
        };

        var response = await browser.PostAsync(details + "?handler=Document", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ErrorSummaryAsync()).ShouldBe([new FieldError("file", "Only PDF and Word (.docx) documents can be attached; macro-enabled and other files cannot.")]);
        (await app.ReadAsync(db => db.Set<AgreementDocument>().CountAsync(d => d.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_zip_bomb_dressed_as_a_docx_is_refused_on_the_page_with_the_reason_next_to_the_file_field()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var created = await browser.SubmitFormAsync(Page(p, "agreements"), Page(p, "agreements"),
            new Dictionary<string, string> { ["Input.Type"] = "mou", ["Input.Title"] = "MOU", ["Input.Status"] = "draft" });
        var details = created.Headers.Location!.OriginalString;
        var token = await browser.AntiforgeryTokenAsync(details);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Documents.ZipBomb(megabytes: 60)), "file", "mou.docx" },
        };

        var response = await browser.PostAsync(details + "?handler=Document", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var error = (await response.ErrorSummaryAsync()).ShouldHaveSingleItem();
        error.Field.ShouldBe("file");
        error.Message.ShouldContain("more than 50 MB");
        (await app.ReadAsync(db => db.Set<AgreementDocument>().CountAsync(d => d.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_typed_field_the_page_cannot_read_is_shown_next_to_the_field_without_its_value_and_nothing_is_saved()
    {
        var p = await PartnershipAsync();
        var browser = await app.SignedInAsync(p.Steward);
        var created = await browser.SubmitFormAsync(Page(p, "agreements"), Page(p, "agreements"),
            new Dictionary<string, string> { ["Input.Type"] = "mou", ["Input.Title"] = "MOU", ["Input.Status"] = "draft" });
        var details = created.Headers.Location!.OriginalString;

        // What a browser's date and number inputs never send, but a hand-made post can.
        var response = await browser.SubmitFormAsync(details, details, new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "Renamed MOU"),
            new("Input.Status", "signed"),
            new("Input.EffectiveOn", "31/02/2026"),
            new("Input.NoticeDays", "ninety"),
            new("Input.Parties", "not-a-partner-id"),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await response.ErrorSummaryAsync();
        errors.Select(e => e.Field).ShouldBe(["Input_EffectiveOn", "Input_NoticeDays", "Input_Parties"], ignoreOrder: true);
        errors.ShouldContain(new FieldError("Input_NoticeDays", "Enter a valid value for the notice period in days."));
        errors.ShouldAllBe(e => !e.Message.Contains("ninety") && !e.Message.Contains("31/02"));
        var agreement = await app.ReadAsync(db => db.Set<Agreement>().SingleAsync(a => a.PartnershipId == p.Id));
        (agreement.Title, agreement.Status, agreement.NoticeDays).ShouldBe(("MOU", AgreementStatus.Draft, (int?)null));
    }

    [Fact]
    public async Task Viewers_see_the_pages_without_forms_and_are_refused_when_they_post()
    {
        var p = await PartnershipAsync();
        var viewer = await app.SignedInAsync(p.First(MemberRole.Viewer));

        var services = await viewer.ReadPageAsync(Page(p, "services"));
        var finances = await viewer.ReadPageAsync(Page(p, "finances"));
        var agreements = await viewer.ReadPageAsync(Page(p, "agreements"));
        var post = await viewer.SubmitFormAsync(Page(p, "agreements"), Page(p, "agreements"),
            new Dictionary<string, string> { ["Input.Type"] = "mou", ["Input.Title"] = "MOU" });

        services.ShouldNotContain("Add the service");
        finances.ShouldNotContain("Record the cost");
        agreements.ShouldNotContain("Record the agreement");
        agreements.ShouldContain("Every partnership needs a memorandum of understanding");
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        (await app.ReadAsync(db => db.Set<Agreement>().CountAsync(a => a.PartnershipId == p.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_cost_recorded_on_the_page_as_paying_for_a_contribution_is_shown_on_both_pages_and_counted_once()
    {
        var p = await PartnershipAsync();
        var api = await app.ApiAsync(p.Steward);
        var consultant = (await api.PostJsonAsync($"/api/v1/partnerships/{p.Id}/contributions",
            new { organization = p.Partners[0], kind = "staff-fte", description = "Consultant two days a week", value = 38000 }, HttpStatusCode.Created)).Text("id");
        var browser = await app.SignedInAsync(p.Steward);

        var response = await browser.SubmitFormAsync(Page(p, "finances"), Page(p, "finances"), new Dictionary<string, string>
        {
            ["Input.Category"] = "staff",
            ["Input.Description"] = "Contract payment for the consultant",
            ["Input.Organization"] = p.Partners[1].ToString(),
            ["Input.Amount"] = "1000",
            ["Input.Period"] = "monthly",
            ["Input.Contribution"] = consultant,
        });
        var finances = await browser.ReadPageAsync(Page(p, "finances"));
        var ledger = await browser.ReadPageAsync(Page(p, "contributions"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        finances.ShouldContain("the stake counts it once: as the cost of the partner who pays");
        finances.ShouldContain("s contribution: Consultant two days a week");
        finances.ShouldContain("($38,000.00 paid for by cost items, counted there)");
        ledger.ShouldContain("Paid for by a cost item (");
        ledger.ShouldContain(": Contract payment for the consultant)");
    }
}
