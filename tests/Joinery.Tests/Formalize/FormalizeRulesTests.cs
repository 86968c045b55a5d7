using System.Text;
using Joinery.Core.Formalize;

namespace Joinery.Tests.Formalize;

public sealed class FormalizeRulesTests
{
    [Fact]
    public void A_pdf_and_a_word_document_are_recognised_from_their_content()
    {
        DocumentSniffer.Sniff(Documents.Pdf()).ShouldBe(DocumentSniffer.Pdf);
        DocumentSniffer.Sniff(Documents.Docx()).ShouldBe(DocumentSniffer.Docx);
    }

    [Fact]
    public void Macro_enabled_documents_other_zips_text_and_truncated_zips_are_refused()
    {
        DocumentSniffer.Sniff(Documents.Docx(macros: true)).ShouldBeNull();
        DocumentSniffer.Sniff(Documents.Docx(withDocument: false)).ShouldBeNull();
        DocumentSniffer.Sniff(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")).ShouldBeNull();
        DocumentSniffer.Sniff("PK\u0003\u0004 not really a zip"u8.ToArray()).ShouldBeNull();
        DocumentSniffer.Sniff([]).ShouldBeNull();
        DocumentSniffer.Sniff("MZ\u0090\u0000"u8.ToArray()).ShouldBeNull();
    }

    [Fact]
    public void A_word_document_that_unpacks_to_more_than_50_MB_is_refused_whether_its_index_says_so_or_lies()
    {
        var honest = Documents.ZipBomb(megabytes: 60);
        var lying = Documents.ZipBomb(megabytes: 60, lie: true);

        honest.Length.ShouldBeLessThan(200_000, "the bomb is small on the wire");
        DocumentSniffer.Sniff(honest).ShouldBeNull();
        DocumentSniffer.Sniff(lying).ShouldBeNull();
        DocumentSniffer.Sniff(Documents.ZipBomb(megabytes: 1, lie: true)).ShouldBeNull();
        DocumentSniffer.Sniff(Documents.ZipBomb(megabytes: 40)).ShouldBe(DocumentSniffer.Docx);
    }

    [Fact]
    public void A_word_document_with_more_parts_than_a_document_needs_is_refused()
    {
        DocumentSniffer.Sniff(Documents.Docx(extraParts: 1_200)).ShouldBeNull();
        DocumentSniffer.Sniff(Documents.Docx(extraParts: 200)).ShouldBe(DocumentSniffer.Docx);
    }

    [Theory]
    [InlineData("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>")]
    [InlineData("<< /Type /Catalog /Names << /JavaScript 2 0 R >> >>")]
    [InlineData("<< /Type /Catalog /AA << /WC << /JS 2 0 R >> >> >>")]
    [InlineData("<< /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>")]
    [InlineData("<< /Type /Catalog /AcroForm << /XFA 2 0 R >> >>")]
    [InlineData("<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>")]
    [InlineData("<< /Type /Catalog /OpenAction << /S /Launch /F (calc.exe) >> >>")]
    [InlineData("<< /Type /Catalog /OpenAction 2 0 R >>", "<< /Type /EmbeddedFile /Subtype /application#2Fx-msdownload >>")]
    [InlineData("<< /Type /Catalog >> (", "<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>")]
    [InlineData("<< /Type /Catalog >>", "<< /Length 60 >>\nstream\n5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\nendstream")]
    public void A_pdf_with_javascript_embedded_files_or_launch_actions_is_refused(string catalog, string more = "<< /Type /Pages >>")
    {
        DocumentSniffer.Sniff(Documents.PdfWith(catalog, more)).ShouldBeNull();
    }

    [Fact]
    public void A_pdf_hiding_javascript_in_a_compressed_object_stream_is_refused()
    {
        DocumentSniffer.Sniff(Documents.PdfWithObjectStream("<< /S /JavaScript /JS (app.alert(1)) >>")).ShouldBeNull();
        DocumentSniffer.Sniff(Documents.PdfWithObjectStream("<< /Type /Page /Contents 4 0 R >>")).ShouldBe(DocumentSniffer.Pdf);
        DocumentSniffer.Sniff(Documents.PdfWith("<< /Type /Catalog >>",
            "<< /Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode /Length 15 >>\nstream\n3C3C2F4A533E3E>\nendstream")).ShouldBeNull();
    }

    [Fact]
    public void A_pdf_whose_text_mentions_javascript_or_whose_names_only_begin_like_it_is_accepted()
    {
        DocumentSniffer.Sniff(Documents.PdfWith("<< /Type /Catalog /Title (How JavaScript and Launch work) /JSON 2 0 R /Launcher 3 0 R >>"))
            .ShouldBe(DocumentSniffer.Pdf);
    }

    [Fact]
    public void A_file_name_loses_its_path_and_markup_and_takes_the_extension_of_its_content()
    {
        DocumentSniffer.SafeName("C:\\Users\\x\\..\\MOU <final>.exe", DocumentSniffer.Pdf).ShouldBe("MOU _final_.pdf");
        DocumentSniffer.SafeName("../../etc/passwd", DocumentSniffer.Docx).ShouldBe("passwd.docx");
        DocumentSniffer.SafeName("", DocumentSniffer.Pdf).ShouldBe("agreement.pdf");
        DocumentSniffer.SafeName(new string('a', 300) + ".pdf", DocumentSniffer.Pdf).Length.ShouldBe(104);
    }

    [Fact]
    public void Costs_are_annualised_monthly_times_twelve_yearly_as_is_and_one_off_apart()
    {
        FinancesWork.Annualised(100.50m, CostPeriod.Monthly).ShouldBe(1206.00m);
        FinancesWork.Annualised(2400m, CostPeriod.Yearly).ShouldBe(2400m);
        FinancesWork.Annualised(1850m, CostPeriod.OneOff).ShouldBe(0m);
    }

    private static ServiceView Service(string name, bool part2 = false, AssociateFunction function = AssociateFunction.None) =>
        new(Guid.NewGuid(), name, "", Guid.NewGuid(), "Riverbend", Guid.NewGuid(), "Eastside", "", [], HrsaScope.Referral, part2, function,
            function == AssociateFunction.None ? null : Guid.NewGuid(), function == AssociateFunction.None ? null : "Eastside", DateTimeOffset.UnixEpoch);

    private static AgreementSummary Agreement(AgreementType type, AgreementStatus status, bool inForce) =>
        new(Guid.NewGuid(), type, type.ToString(), status, null, null, null, [], false, 0, 0, inForce);

    [Fact]
    public void Every_partnership_needs_an_mou_part2_services_need_a_qsoa_and_business_associate_functions_need_a_baa()
    {
        RequiredAgreements.For([], []).Select(r => r.Type).ShouldBe([AgreementType.Mou]);

        var required = RequiredAgreements.For(
            [Service("Consults"), Service("Opioid treatment referral", part2: true), Service("Registry", function: AssociateFunction.RegistryHosting)],
            [Agreement(AgreementType.Mou, AgreementStatus.InForce, true), Agreement(AgreementType.Qsoa, AgreementStatus.Draft, false)]);

        required.Select(r => r.Type).ShouldBe([AgreementType.Mou, AgreementType.Qsoa, AgreementType.Baa]);
        required[0].InForce.ShouldBeTrue();
        required[1].Missing.ShouldBeFalse();
        required[1].InForce.ShouldBeFalse();
        required[1].Services.ShouldBe(["Opioid treatment referral"]);
        required[1].Reason.ShouldContain("Opioid treatment referral");
        required[2].Missing.ShouldBeTrue();
        required[2].Reason.ShouldContain("Registry (Eastside, registry hosting)");
    }

    [Fact]
    public void An_agreement_is_in_force_when_signed_or_in_force_and_not_past_expiry()
    {
        var today = new DateOnly(2026, 6, 1);
        Core.Formalize.Agreement.IsInForce(AgreementStatus.Signed, null, today).ShouldBeTrue();
        Core.Formalize.Agreement.IsInForce(AgreementStatus.InForce, today, today).ShouldBeTrue();
        Core.Formalize.Agreement.IsInForce(AgreementStatus.InForce, today.AddDays(-1), today).ShouldBeFalse();
        Core.Formalize.Agreement.IsInForce(AgreementStatus.InReview, null, today).ShouldBeFalse();
        Core.Formalize.Agreement.IsInForce(AgreementStatus.Terminated, null, today).ShouldBeFalse();
    }

    private static Core.Formalize.Agreement Baa(AgreementTerms terms) => Core.Formalize.Agreement.Record(Guid.Empty, AgreementType.Baa, terms, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_renewal_notice_date_is_the_given_date_or_the_notice_period_before_expiry()
    {
        var expires = new DateOnly(2027, 1, 31);
        Baa(new AgreementTerms("x", AgreementStatus.Signed, ExpiresOn: expires, NoticeDays: 30)).NoticeOn().ShouldBe(new DateOnly(2027, 1, 1));
        Baa(new AgreementTerms("x", AgreementStatus.Signed, ExpiresOn: expires)).NoticeOn().ShouldBe(expires.AddDays(-Core.Formalize.Agreement.DefaultNoticeDays));
        Baa(new AgreementTerms("x", AgreementStatus.Signed, ExpiresOn: expires, RenewalNoticeOn: new DateOnly(2026, 9, 1), NoticeDays: 30)).NoticeOn()
            .ShouldBe(new DateOnly(2026, 9, 1));
        Baa(new AgreementTerms("x", AgreementStatus.Draft)).NoticeOn().ShouldBeNull();
    }

    [Fact]
    public void The_checklists_have_the_twenty_mou_sections_and_the_required_baa_qsoa_and_dsa_elements_with_unique_codes()
    {
        AgreementChecklists.Mou.Count.ShouldBe(20);
        AgreementChecklists.Baa.Count.ShouldBe(12);
        AgreementChecklists.Qsoa.Select(e => e.Code).ShouldContain("bound-by-part2");
        AgreementChecklists.Qsoa.Select(e => e.Code).ShouldContain("resist-judicial");
        AgreementChecklists.Dsa.Count.ShouldBe(10);
        AgreementChecklists.For(AgreementType.Lease).ShouldBeEmpty();
        foreach (var list in new[] { AgreementChecklists.Mou, AgreementChecklists.Baa, AgreementChecklists.Qsoa, AgreementChecklists.Dsa })
        {
            list.Select(e => e.Code).ShouldBeUnique();
            list.ShouldAllBe(e => e.Code.Length <= AgreementElementCheck.CodeMax);
        }
    }
}
