using Joinery.Core.Accounts;

namespace Joinery.Tests.Accounts;

public class TrivialPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password2024!")]
    [InlineData("123456password")]
    [InlineData("P@ssword12345")]
    [InlineData("letmein!2024")]
    [InlineData("sunshine1987")]
    [InlineData("Welcome12345")]
    [InlineData("trustno1trustno1")]
    [InlineData("2024-Summer-2024")]
    public void Common_word_wrapped_in_digits_or_symbols_is_refused(string password)
    {
        TrivialPasswordValidator.Check(password, "person@example.org", "Alex Morgan")
            .ShouldBe("This password is on lists of commonly used passwords; choose a less predictable one.");
    }

    [Theory]
    [InlineData("abcdefghijklm")]
    [InlineData("qwertyuiopqwertyuiop")]
    [InlineData("asdfghjkl;'#")]
    [InlineData("ZYXWVUTSRQPON")]
    [InlineData("zxcvbnm12345")]
    [InlineData("asdfgh123456")]
    [InlineData("mnbvcxz98765")]
    public void Keyboard_or_alphabet_run_is_refused(string password)
    {
        TrivialPasswordValidator.Check(password, "person@example.org", "Alex Morgan")
            .ShouldBe("A run of keys or digits is easy to guess; choose a less predictable password.");
    }

    [Theory]
    [InlineData("1234567890123")]
    [InlineData("0987654321098")]
    [InlineData("314159265358979")]
    public void Password_of_digits_only_is_refused(string password)
    {
        TrivialPasswordValidator.Check(password, "person@example.org", "Alex Morgan").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababababab")]
    [InlineData("1111222233334444")]
    public void Password_of_few_repeated_characters_is_refused(string password)
    {
        TrivialPasswordValidator.Check(password, "person@example.org", "Alex Morgan")
            .ShouldBe("Choose a password with more different characters.");
    }

    [Fact]
    public void Password_containing_the_email_name_is_refused_whatever_its_case()
    {
        TrivialPasswordValidator.Check("violet-JMorgan-harbor", "jmorgan@example.org", "Alex Morgan")
            .ShouldBe("The password must not contain your email address.");
    }

    [Fact]
    public void Password_containing_part_of_the_persons_name_is_refused()
    {
        TrivialPasswordValidator.Check("lantern-holloway-94", "grace@example.org", "Grace Holloway")
            .ShouldBe("The password must not contain your name.");
    }

    [Fact]
    public void Short_name_parts_and_email_names_do_not_count_as_personal_information()
    {
        // Parts shorter than four letters would refuse far too many good passwords ("ann", "li").
        TrivialPasswordValidator.Check("violet-kettle-harbor-li", "li@example.org", "Li Ann").ShouldBeNull();
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("violet-kettle-harbor-41")]
    [InlineData("Riverbend-Demo-Walkthrough-26")]
    [InlineData("mango tractor lighthouse")]
    [InlineData("7 purple giraffes read novels")]
    public void Good_passphrase_passes(string password)
    {
        TrivialPasswordValidator.Check(password, "alex.morgan@example.org", "Alex Morgan").ShouldBeNull();
    }

    [Fact]
    public async Task Identity_sees_a_trivial_password_as_a_failure_with_its_reason()
    {
        var user = new User { DisplayName = "Alex Morgan", OrganizationId = Guid.NewGuid(), Email = "alex@example.org" };

        var result = await new TrivialPasswordValidator().ValidateAsync(null!, user, "password1234");

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("TrivialPassword");
    }

    [Fact]
    public async Task Identity_accepts_a_good_passphrase()
    {
        var user = new User { DisplayName = "Alex Morgan", OrganizationId = Guid.NewGuid(), Email = "alex@example.org" };

        var result = await new TrivialPasswordValidator().ValidateAsync(null!, user, "correct horse battery staple");

        result.Succeeded.ShouldBeTrue();
    }
}
