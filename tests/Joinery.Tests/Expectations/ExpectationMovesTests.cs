using Joinery.Core.Expectations;

namespace Joinery.Tests.Expectations;

/// <summary>The entities of step 5 allow the legal moves and refuse the others, whatever door calls them.</summary>
public sealed class ExpectationMovesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Riverbend = Guid.NewGuid();
    private static readonly Guid Eastside = Guid.NewGuid();
    private static readonly Guid Author = Guid.NewGuid();

    private static ExpectationItem Item(Guid organization, string text = "Visits within 7 days.", Guid? partnership = null) =>
        ExpectationItem.Write(partnership ?? Partnership, organization, text, itemsInList: 0, listsShown: false, Author, Now);

    private static ExpectationSubmission Submission(Guid organization) =>
        ExpectationSubmission.Submit(Partnership, organization, itemsInList: 1, alreadySubmitted: false, Author, Now);

    private static AgreedExpectation Agreed() =>
        AgreedExpectation.Agree(Partnership, "A first visit within 7 days.", Author, null, null, listsShown: true, Author, Now);

    [Fact]
    public void An_item_is_written_on_a_draft_list_with_its_author_and_time()
    {
        var item = ExpectationItem.Write(Partnership, Riverbend, "Visits within 7 days.", itemsInList: 49, listsShown: false, Author, Now);

        (item.PartnershipId, item.OrganizationId, item.Text, item.CreatedByUserId).ShouldBe((Partnership, Riverbend, "Visits within 7 days.", Author));
        (item.CreatedAt, item.UpdatedAt).ShouldBe((Now, Now));
    }

    [Fact]
    public void An_item_is_not_written_once_the_lists_are_shown_on_a_full_list_or_without_text()
    {
        Should.Throw<InvalidOperationException>(() => ExpectationItem.Write(Partnership, Riverbend, "Late.", 0, listsShown: true, Author, Now));
        Should.Throw<InvalidOperationException>(() => ExpectationItem.Write(Partnership, Riverbend, "One too many.", ExpectationItem.ListMax, false, Author, Now));
        Should.Throw<InvalidOperationException>(() => ExpectationItem.Write(Partnership, Riverbend, "  ", 0, false, Author, Now));
    }

    [Fact]
    public void An_item_is_reworded_until_the_lists_are_shown_and_never_to_nothing()
    {
        var item = Item(Riverbend);

        item.Reword("Visits within 5 days.", listsShown: false, Now.AddHours(1));

        (item.Text, item.UpdatedAt, item.CreatedAt).ShouldBe(("Visits within 5 days.", Now.AddHours(1), Now));
        Should.Throw<InvalidOperationException>(() => item.Reword("Changed after the reveal.", listsShown: true, Now));
        Should.Throw<InvalidOperationException>(() => item.Reword("", listsShown: false, Now));
        item.Text.ShouldBe("Visits within 5 days.");
    }

    [Fact]
    public void An_item_may_go_from_a_draft_list_or_a_submitted_list_that_keeps_another_one()
    {
        var item = Item(Riverbend);

        Should.NotThrow(() => item.Withdraw(listSubmission: null, itemsInList: 1, listsShown: false));
        Should.NotThrow(() => item.Withdraw(Submission(Riverbend), itemsInList: 2, listsShown: false));
    }

    [Fact]
    public void An_item_may_not_go_once_the_lists_are_shown_nor_as_the_last_of_a_submitted_list()
    {
        var item = Item(Riverbend);

        Should.Throw<InvalidOperationException>(() => item.Withdraw(Submission(Riverbend), itemsInList: 3, listsShown: true));
        Should.Throw<InvalidOperationException>(() => item.Withdraw(Submission(Riverbend), itemsInList: 1, listsShown: false));
        Should.Throw<InvalidOperationException>(() => item.Withdraw(Submission(Eastside), itemsInList: 3, listsShown: false), "another partner's submission");
    }

    [Fact]
    public void A_list_is_submitted_once_and_only_with_an_item()
    {
        var submission = ExpectationSubmission.Submit(Partnership, Riverbend, itemsInList: 2, alreadySubmitted: false, Author, Now);

        (submission.OrganizationId, submission.SubmittedByUserId, submission.SubmittedAt).ShouldBe((Riverbend, Author, Now));
        Should.Throw<InvalidOperationException>(() => ExpectationSubmission.Submit(Partnership, Riverbend, 2, alreadySubmitted: true, Author, Now));
        Should.Throw<InvalidOperationException>(() => ExpectationSubmission.Submit(Partnership, Riverbend, 0, alreadySubmitted: false, Author, Now));
    }

    [Fact]
    public void A_pair_joins_two_shown_items_of_different_partners()
    {
        var ours = Item(Riverbend);
        var theirs = Item(Eastside);

        var pair = ExpectationPair.Pair(ours, theirs, ExpectationRelation.Conflicting, "Billing against free handoffs.", listsShown: true, Author, Now);

        (pair.PartnershipId, pair.FirstItemId, pair.SecondItemId).ShouldBe((Partnership, ours.Id, theirs.Id));
        (pair.Relation, pair.Note).ShouldBe((ExpectationRelation.Conflicting, "Billing against free handoffs."));
    }

    [Fact]
    public void A_pair_is_refused_before_the_lists_are_shown_for_one_item_one_partner_or_two_partnerships()
    {
        var ours = Item(Riverbend);
        var alsoOurs = Item(Riverbend, "Yearly physicals.");
        var theirs = Item(Eastside);
        var elsewhere = Item(Eastside, partnership: Guid.NewGuid());

        Should.Throw<InvalidOperationException>(() => ExpectationPair.Pair(ours, theirs, ExpectationRelation.Same, "", listsShown: false, Author, Now));
        Should.Throw<InvalidOperationException>(() => ExpectationPair.Pair(ours, ours, ExpectationRelation.Same, "", listsShown: true, Author, Now));
        Should.Throw<InvalidOperationException>(() => ExpectationPair.Pair(ours, alsoOurs, ExpectationRelation.Same, "", listsShown: true, Author, Now));
        Should.Throw<InvalidOperationException>(() => ExpectationPair.Pair(ours, elsewhere, ExpectationRelation.Same, "", listsShown: true, Author, Now));
    }

    [Fact]
    public void An_expectation_is_agreed_once_the_lists_are_shown_with_a_statement_and_an_owner()
    {
        var measure = Guid.NewGuid();

        var agreed = AgreedExpectation.Agree(Partnership, "A first visit within 7 days.", Author, measure, Today.AddMonths(3), listsShown: true, Author, Now);

        (agreed.Statement, agreed.OwnerUserId, agreed.MeasureId, agreed.ReevaluateOn).ShouldBe(("A first visit within 7 days.", Author, (Guid?)measure, (DateOnly?)Today.AddMonths(3)));
        (agreed.CreatedAt, agreed.UpdatedAt).ShouldBe((Now, Now));
        Should.Throw<InvalidOperationException>(() => AgreedExpectation.Agree(Partnership, "Too early.", Author, null, null, listsShown: false, Author, Now));
        Should.Throw<InvalidOperationException>(() => AgreedExpectation.Agree(Partnership, " ", Author, null, null, listsShown: true, Author, Now));
        Should.Throw<InvalidOperationException>(() => AgreedExpectation.Agree(Partnership, "Nobody's.", Guid.Empty, null, null, listsShown: true, Author, Now));
    }

    [Fact]
    public void Changing_an_agreed_expectation_keeps_a_statement_and_an_owner()
    {
        var agreed = Agreed();
        var owner = Guid.NewGuid();

        agreed.Change("A first visit within 10 days.", owner, null, Today, Now.AddDays(1));

        (agreed.Statement, agreed.OwnerUserId, agreed.ReevaluateOn, agreed.UpdatedAt).ShouldBe(("A first visit within 10 days.", owner, (DateOnly?)Today, Now.AddDays(1)));
        Should.Throw<InvalidOperationException>(() => agreed.Change("", owner, null, null, Now));
        Should.Throw<InvalidOperationException>(() => agreed.Change("Nobody's.", Guid.Empty, null, null, Now));
        agreed.Statement.ShouldBe("A first visit within 10 days.");
    }

    [Fact]
    public void An_agreed_expectation_is_redrawn_from_its_new_items_keeping_the_links_that_stay()
    {
        var agreed = Agreed();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (first, _) = agreed.DrawFrom([a, b, b], []);

        var (add, remove) = agreed.DrawFrom([b, c], first);

        first.Select(l => l.ItemId).ShouldBe([a, b]);
        first.ShouldAllBe(l => l.AgreedExpectationId == agreed.Id && l.PartnershipId == Partnership);
        add.Select(l => l.ItemId).ShouldBe([c]);
        remove.Select(l => l.ItemId).ShouldBe([a]);
    }

    [Fact]
    public void An_agreed_expectation_is_drawn_from_at_least_one_item_and_only_its_own_links()
    {
        var agreed = Agreed();
        var (others, _) = Agreed().DrawFrom([Guid.NewGuid()], []);

        Should.Throw<InvalidOperationException>(() => agreed.DrawFrom([], []));
        Should.Throw<InvalidOperationException>(() => agreed.DrawFrom([Guid.NewGuid()], others));
    }

    [Fact]
    public void A_pilot_review_records_its_period_and_once_held_its_summary()
    {
        var planned = PilotReview.Record(Partnership, Today.AddDays(-90), Today.AddDays(-1), null, "", Author, Now);
        var held = PilotReview.Record(Partnership, Today.AddDays(-90), Today.AddDays(-1), Today, "Waits fell.", Author, Now);

        (planned.PilotFrom, planned.PilotTo, planned.HeldOn, planned.Summary).ShouldBe((Today.AddDays(-90), Today.AddDays(-1), (DateOnly?)null, ""));
        planned.Change(Today.AddDays(-60), Today.AddDays(-1), Today.AddDays(-1), "Handoffs work.", Now.AddHours(2));
        (planned.PilotFrom, planned.HeldOn, planned.Summary, planned.UpdatedAt).ShouldBe((Today.AddDays(-60), (DateOnly?)Today.AddDays(-1), "Handoffs work.", Now.AddHours(2)));
        (held.HeldOn, held.Summary).ShouldBe(((DateOnly?)Today, "Waits fell."));
    }

    [Fact]
    public void A_pilot_review_refuses_a_backwards_period_a_review_before_the_pilot_or_in_the_future_and_a_summary_without_its_day()
    {
        var review = PilotReview.Record(Partnership, Today.AddDays(-90), Today.AddDays(-1), null, "", Author, Now);

        Should.Throw<InvalidOperationException>(() => review.Change(Today.AddDays(-1), Today.AddDays(-90), null, "", Now));
        Should.Throw<InvalidOperationException>(() => review.Change(Today.AddDays(-90), Today.AddDays(-1), Today.AddDays(-91), "", Now));
        Should.Throw<InvalidOperationException>(() => review.Change(Today.AddDays(-90), Today.AddDays(-1), Today.AddDays(1), "", Now));
        Should.Throw<InvalidOperationException>(() => review.Change(Today.AddDays(-90), Today.AddDays(-1), null, "Went well.", Now));
        Should.Throw<InvalidOperationException>(() => PilotReview.Record(Partnership, Today, Today.AddDays(-1), null, "", Author, Now));
        review.PilotFrom.ShouldBe(Today.AddDays(-90));
    }

    [Fact]
    public void An_evaluation_is_recorded_and_corrected_with_a_response_unless_the_expectation_was_met()
    {
        var review = PilotReview.Record(Partnership, Today.AddDays(-90), Today.AddDays(-1), null, "", Author, Now);
        var agreed = Agreed();
        var corrector = Guid.NewGuid();

        var evaluation = PilotEvaluation.Record(review, agreed, PilotResult.Met, "", Author, Now);
        evaluation.Correct(PilotResult.NotMet, "Move the consultant's hours.", corrector, Now.AddDays(1));

        (evaluation.ReviewId, evaluation.AgreedExpectationId, evaluation.PartnershipId).ShouldBe((review.Id, agreed.Id, Partnership));
        (evaluation.Result, evaluation.Response, evaluation.RecordedByUserId, evaluation.RecordedAt)
            .ShouldBe((PilotResult.NotMet, "Move the consultant's hours.", corrector, Now.AddDays(1)));
        Should.Throw<InvalidOperationException>(() => evaluation.Correct(PilotResult.PartlyMet, " ", Author, Now));
        Should.Throw<InvalidOperationException>(() => PilotEvaluation.Record(review, agreed, PilotResult.Changed, "", Author, Now));
        evaluation.Result.ShouldBe(PilotResult.NotMet);
    }

    [Fact]
    public void An_evaluation_joins_a_review_and_an_agreed_expectation_of_the_same_partnership()
    {
        var review = PilotReview.Record(Guid.NewGuid(), Today.AddDays(-90), Today.AddDays(-1), null, "", Author, Now);

        Should.Throw<InvalidOperationException>(() => PilotEvaluation.Record(review, Agreed(), PilotResult.Met, "", Author, Now));
    }
}
