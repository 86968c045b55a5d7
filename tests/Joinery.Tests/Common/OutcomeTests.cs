using Joinery.Core.Common;

namespace Joinery.Tests.Common;

public class OutcomeTests
{
    [Fact]
    public void Ok_carries_the_value_and_no_errors()
    {
        var outcome = Outcome<int>.Ok(42);

        outcome.Succeeded.ShouldBeTrue();
        outcome.Status.ShouldBe(OutcomeStatus.Ok);
        outcome.Value.ShouldBe(42);
        outcome.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Invalid_names_the_field_and_what_to_fix()
    {
        var outcome = Outcome<int>.Invalid("email", "Enter an email address.");

        outcome.Succeeded.ShouldBeFalse();
        outcome.Status.ShouldBe(OutcomeStatus.Invalid);
        outcome.Errors["email"].ShouldBe(["Enter an email address."]);
        outcome.FirstError.ShouldBe("Enter an email address.");
    }

    [Fact]
    public void First_error_is_the_first_message_of_the_first_field()
    {
        var outcome = Outcome<int>.Invalid(new Dictionary<string, string[]>
        {
            ["name"] = ["Enter the name.", "Second problem."],
            ["email"] = ["Enter an email address."],
        });

        outcome.FirstError.ShouldBe("Enter the name.");
    }

    [Theory]
    [InlineData(OutcomeStatus.NotFound, "No such partnership.")]
    [InlineData(OutcomeStatus.Forbidden, "Only stewards can add members.")]
    [InlineData(OutcomeStatus.Conflict, "Already a member.")]
    public void Failures_keep_their_status_and_message(OutcomeStatus status, string message)
    {
        var outcome = status switch
        {
            OutcomeStatus.NotFound => Outcome<string>.NotFound(message),
            OutcomeStatus.Forbidden => Outcome<string>.Forbidden(message),
            _ => Outcome<string>.Conflict("email", message),
        };

        outcome.Succeeded.ShouldBeFalse();
        outcome.Status.ShouldBe(status);
        outcome.FirstError.ShouldBe(message);
        outcome.Value.ShouldBeNull();
    }

    [Fact]
    public void Not_found_without_a_message_says_not_found()
    {
        Outcome<int>.NotFound().FirstError.ShouldBe("Not found.");
    }

    [Fact]
    public void A_failure_carried_to_another_type_keeps_status_and_errors()
    {
        var conflict = Outcome<Guid>.Conflict("email", "An account with the email a@b.org already exists.");

        var carried = conflict.As<string>();

        carried.Status.ShouldBe(OutcomeStatus.Conflict);
        carried.Errors["email"].ShouldBe(["An account with the email a@b.org already exists."]);
        carried.Value.ShouldBeNull();
    }
}
