using Joinery.Core.Formalize;

namespace Joinery.Tests.Formalize;

/// <summary>The agreement entities own their state: they take valid changes and refuse the ones the use cases must never make.</summary>
public sealed class AgreementEntityTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 16);

    private static Agreement Mou(AgreementTerms? terms = null) =>
        Agreement.Record(Guid.NewGuid(), AgreementType.Mou, terms ?? new AgreementTerms("Memorandum", AgreementStatus.Draft), Monday);

    [Fact]
    public void A_recorded_agreement_keeps_its_type_and_partnership_and_a_change_moves_its_terms_and_time()
    {
        var partnershipId = Guid.NewGuid();
        var agreement = Agreement.Record(partnershipId, AgreementType.Qsoa, new AgreementTerms("Part 2 terms", AgreementStatus.Draft), Monday);

        agreement.Change(new AgreementTerms("Part 2 terms, signed", AgreementStatus.Signed, Day, Day.AddYears(1), Day.AddMonths(10), 30, "Counsel agreed."), Monday.AddDays(2));

        agreement.PartnershipId.ShouldBe(partnershipId);
        agreement.Type.ShouldBe(AgreementType.Qsoa);
        agreement.Title.ShouldBe("Part 2 terms, signed");
        agreement.Status.ShouldBe(AgreementStatus.Signed);
        (agreement.EffectiveOn, agreement.ExpiresOn, agreement.RenewalNoticeOn, agreement.NoticeDays).ShouldBe((Day, Day.AddYears(1), Day.AddMonths(10), 30));
        agreement.Notes.ShouldBe("Counsel agreed.");
        agreement.CreatedAt.ShouldBe(Monday);
        agreement.UpdatedAt.ShouldBe(Monday.AddDays(2));
    }

    [Fact]
    public void An_agreement_refuses_terms_that_contradict_themselves_and_keeps_what_it_had()
    {
        var agreement = Mou();

        Should.Throw<ArgumentException>(() => agreement.Change(new AgreementTerms(" ", AgreementStatus.Draft), Monday));
        Should.Throw<ArgumentException>(() => agreement.Change(new AgreementTerms("x", AgreementStatus.Signed, Day, Day.AddDays(-1)), Monday));
        Should.Throw<ArgumentException>(() => agreement.Change(new AgreementTerms("x", AgreementStatus.Signed, null, Day, Day.AddDays(1)), Monday));
        Should.Throw<ArgumentOutOfRangeException>(() => agreement.Change(new AgreementTerms("x", AgreementStatus.Signed, NoticeDays: -1), Monday));
        Should.Throw<ArgumentOutOfRangeException>(() => agreement.Change(new AgreementTerms("x", AgreementStatus.Signed, NoticeDays: 731), Monday));
        Should.Throw<ArgumentException>(() => Agreement.Record(Guid.NewGuid(), AgreementType.Mou, new AgreementTerms("", AgreementStatus.Draft), Monday));

        agreement.Title.ShouldBe("Memorandum");
        agreement.Status.ShouldBe(AgreementStatus.Draft);
    }

    [Fact]
    public void An_agreement_may_take_effect_and_expire_on_the_same_day_with_notice_on_that_day()
    {
        var agreement = Mou(new AgreementTerms("One day", AgreementStatus.Signed, Day, Day, Day, 0));

        agreement.NoticeOn().ShouldBe(Day);
        Agreement.IsInForce(agreement.Status, agreement.ExpiresOn, Day).ShouldBeTrue();
        Agreement.IsInForce(agreement.Status, agreement.ExpiresOn, Day.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Only_elements_of_the_agreements_own_checklist_can_be_reviewed_and_a_review_records_the_latest_reviewer()
    {
        var mou = Mou();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Should.Throw<ArgumentException>(() => AgreementElementCheck.Review(mou, "report-breaches", true, "", first, Monday));
        var check = AgreementElementCheck.Review(mou, "parties", true, "Recitals name both boards.", first, Monday);
        check.Review(false, "The recitals changed.", second, Monday.AddDays(1));

        (check.AgreementId, check.PartnershipId, check.Code).ShouldBe((mou.Id, mou.PartnershipId, "parties"));
        check.Done.ShouldBeFalse();
        check.Note.ShouldBe("The recitals changed.");
        check.ReviewedByUserId.ShouldBe(second);
        check.ReviewedAt.ShouldBe(Monday.AddDays(1));
    }

    [Fact]
    public void A_signatory_needs_a_name_and_belongs_to_its_agreement()
    {
        var mou = Mou();
        var partner = Guid.NewGuid();

        Should.Throw<ArgumentException>(() => AgreementSignatory.Add(mou, "  ", "Director", partner, null));
        var signatory = AgreementSignatory.Add(mou, "Dana Example", "Director", partner, null);
        signatory.Change("Dana Example", "Chief executive", partner, Day);
        Should.Throw<ArgumentException>(() => signatory.Change("", "Chief executive", partner, Day));

        (signatory.AgreementId, signatory.PartnershipId).ShouldBe((mou.Id, mou.PartnershipId));
        (signatory.Name, signatory.Title, signatory.SignedOn).ShouldBe(("Dana Example", "Chief executive", (DateOnly?)Day));
    }

    [Fact]
    public void A_document_takes_its_size_and_fingerprint_from_its_content_and_refuses_empty_or_oversized_files()
    {
        var mou = Mou();
        var content = "%PDF-1.4\n%%EOF\n"u8.ToArray();

        var document = AgreementDocument.Attach(mou, "mou.pdf", "application/pdf", content, Guid.NewGuid(), Monday);

        document.Size.ShouldBe(content.Length);
        document.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        document.AgreementId.ShouldBe(mou.Id);
        Should.Throw<ArgumentOutOfRangeException>(() => AgreementDocument.Attach(mou, "empty.pdf", "application/pdf", [], Guid.NewGuid(), Monday));
        Should.Throw<ArgumentOutOfRangeException>(() =>
            AgreementDocument.Attach(mou, "huge.pdf", "application/pdf", new byte[AgreementDocument.MaxBytes + 1], Guid.NewGuid(), Monday));
    }
}
