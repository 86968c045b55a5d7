using Joinery.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Joinery.BrowserTests;

/// <summary>Formalize: a service with Part 2 records, a cost, the agreements it makes required, a checklist tick and a PDF attached; axe on every page.</summary>
public sealed class FormalizeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_planner_records_a_service_a_cost_and_the_agreements_and_attaches_a_pdf_to_the_mou()
    {
        var partnershipId = Guid.Empty;
        await using var app = await JoineryServer.StartAsync(async a => partnershipId = await a.TwoPartnersAsync());
        var page = await browser.OpenPageAsync(app);
        await page.SignInAsync(People.Planner.Email);
        await page.OpenAsync($"/partnerships/{partnershipId}");

        await page.WorkspaceLink("Services").ClickToAsync();
        await page.GetByLabel("Name of the service").FillAsync("Opioid treatment referral");
        await page.GetByLabel("Delivered by").SelectOptionAsync(new SelectOptionValue { Label = People.Bh });
        await page.GetByLabel("Billed by").SelectOptionAsync(new SelectOptionValue { Label = People.Bh });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Medicaid" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Referral (column III)" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "This service involves Part 2 records" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the service" }).ClickToAsync();
        var catalog = page.GetByRole(AriaRole.Table, new() { Name = "The service catalog" });
        await Expect(catalog).ToContainTextAsync("Opioid treatment referral");
        await Expect(catalog).ToContainTextAsync("Referral (column III)");

        await page.WorkspaceLink("Finances").ClickToAsync();
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Training" });
        await page.GetByLabel("What", new() { Exact = true }).FillAsync("Warm handoff training");
        await page.GetByLabel("Paid by").SelectOptionAsync(new SelectOptionValue { Label = People.Pc });
        await page.GetByLabel("Amount in dollars and cents").FillAsync("1850.50");
        await page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = "One-off" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the cost" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = People.Pc }).First).ToContainTextAsync("$1,850.50");

        await page.WorkspaceLink("Agreements").ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("Draft for legal review.");
        var required = page.GetByRole(AriaRole.Region, new() { Name = "Required agreements not yet in force" });
        await Expect(required).ToContainTextAsync("MOU");
        await Expect(required).ToContainTextAsync("QSOA (Part 2 terms)");
        await Expect(required).ToContainTextAsync("Opioid treatment referral");
        await page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "MOU" });
        await page.GetByLabel("Title").FillAsync("Memorandum of understanding");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "In review" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Memorandum of understanding");

        var scope = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Scope of services" });
        await scope.GetByRole(AriaRole.Checkbox, new() { Name = "Covered" }).CheckAsync();
        await scope.GetByRole(AriaRole.Textbox).FillAsync("Section 3 lists the referral.");
        await scope.GetByRole(AriaRole.Button, new() { Name = "Save this element" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Required elements (1 of 20 reviewed)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Scope of services" })).ToContainTextAsync(People.Planner.Name);

        await page.GetByLabel("Attach a PDF or Word (.docx) file, at most 10 MB").SetInputFilesAsync(new FilePayload
        {
            Name = "memorandum.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach the document" }).ClickToAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download memorandum.pdf" })).ToBeVisibleAsync();

        await page.OpenAsync($"/partnerships/{partnershipId}/agreements");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Agreements" })).ToContainTextAsync("1 of 20");
    }
}
