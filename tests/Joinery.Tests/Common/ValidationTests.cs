using Joinery.Core.Common;
using Joinery.Core.Partnerships;

namespace Joinery.Tests.Common;

public class ValidationTests
{
    [Fact]
    public void Text_is_trimmed_and_accepted()
    {
        var check = new Validation();

        check.Text("name", "the name", "  Riverbend Community Health  ", 200).ShouldBe("Riverbend Community Health");
        check.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_required_text_asks_for_it_by_its_label(string? value)
    {
        var check = new Validation();

        check.Text("name", "the organization's name", value, 200);

        check.IsValid.ShouldBeFalse();
        check.Errors["name"].ShouldBe(["Enter the organization's name."]);
    }

    [Fact]
    public void Missing_optional_text_is_fine()
    {
        var check = new Validation();

        check.Text("reason", "the reason", "", 200, required: false).ShouldBe("");
        check.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Text_at_the_limit_is_accepted_and_one_over_is_refused_with_the_limit_named()
    {
        var atLimit = new Validation();
        atLimit.Text("name", "the name", new string('a', 200), 200);
        atLimit.IsValid.ShouldBeTrue();

        var over = new Validation();
        over.Text("name", "the name", new string('a', 201), 200);
        over.Errors["name"].ShouldBe(["The name must be 200 characters or fewer."]);
    }

    [Theory]
    [InlineData("A1c > 9")]
    [InlineData("Screen ages < 18 first")]
    [InlineData("<script>alert(1)</script>")]
    public void Less_than_and_greater_than_are_plain_text_because_text_is_always_encoded_when_shown(string value)
    {
        var check = new Validation();

        check.Text("title", "the title", value, 200).ShouldBe(value);

        check.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Invoice\u202Efdp.exe")]
    [InlineData("\u202AEmbedded")]
    [InlineData("\u202BEmbedded")]
    [InlineData("Pop\u202C")]
    [InlineData("\u202DOverride")]
    [InlineData("\u2066Isolate")]
    [InlineData("\u2067Isolate")]
    [InlineData("\u2068Isolate")]
    [InlineData("Isolate\u2069")]
    [InlineData("Mark\u200E")]
    [InlineData("Mark\u200F")]
    [InlineData("Arabic\u061Cmark")]
    [InlineData("Dana\u200BWhitfield")]
    [InlineData("Dana\u200CWhitfield")]
    [InlineData("Dana\u200DWhitfield")]
    [InlineData("Dana\u2060Whitfield")]
    [InlineData("\uFEFFRiverbend")]
    public void Invisible_bidirectional_and_zero_width_characters_in_plain_text_are_refused(string value)
    {
        var check = new Validation();

        check.Text("name", "the name", value, 200);

        check.Errors["name"].ShouldBe(["The name contains invisible formatting characters (right-to-left or zero-width marks); remove them."]);
    }

    [Theory]
    [InlineData("Riverbend\0Health")]
    [InlineData("Riverbend\u001bHealth")]
    [InlineData("Riverbend\u0007")]
    public void Control_characters_in_plain_text_are_refused(string value)
    {
        var check = new Validation();

        check.Text("name", "the name", value, 200);

        check.Errors["name"].ShouldBe(["The name contains characters that are not allowed."]);
    }

    [Fact]
    public void Line_breaks_and_tabs_are_allowed_in_text()
    {
        var check = new Validation();

        check.Text("reason", "the reason", "first line\nsecond\tline", 200);

        check.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Prose_may_contain_markup_characters_because_it_is_always_encoded()
    {
        var check = new Validation();

        check.Prose("mission", "the mission", "Care for adults > 18 and children < 18.", 4000)
            .ShouldBe("Care for adults > 18 and children < 18.");
        check.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Prose_over_its_limit_is_refused()
    {
        var check = new Validation();

        check.Prose("mission", "the mission", new string('m', 4001), 4000);

        check.Errors["mission"].ShouldBe(["The mission must be 4000 characters or fewer."]);
    }

    [Theory]
    [InlineData("dana@riverbend.example", "dana@riverbend.example")]
    [InlineData("  Dana.Whitfield@Riverbend.Example ", "dana.whitfield@riverbend.example")]
    [InlineData("first+tag@clinic.example.org", "first+tag@clinic.example.org")]
    public void Email_is_trimmed_and_lower_cased(string value, string expected)
    {
        var check = new Validation();

        check.Email("email", value).ShouldBe(expected);
        check.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("dana@localhost")]
    [InlineData("Dana <dana@riverbend.example>")]
    [InlineData("dana whitfield@riverbend.example")]
    [InlineData("\"dana\"@riverbend.example")]
    [InlineData("dana@riverbend.example<script>")]
    [InlineData("@riverbend.example")]
    public void Malformed_email_is_refused_with_an_example(string value)
    {
        var check = new Validation();

        check.Email("email", value);

        check.Errors["email"].ShouldBe(["Enter an email address like name@example.org."]);
    }

    [Fact]
    public void Email_longer_than_254_characters_is_refused()
    {
        var check = new Validation();

        check.Email("email", new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".org");

        check.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Empty_email_asks_for_one()
    {
        var check = new Validation();

        check.Email("email", " ");

        check.Errors["email"].ShouldBe(["Enter an email address."]);
    }

    [Fact]
    public void Choice_accepts_kebab_text_and_lists_the_options_when_wrong()
    {
        var check = new Validation();

        check.Choice<MemberRole>("role", "a role", "Steward").ShouldBe(MemberRole.Steward);
        check.Choice<MemberRole>("role", "a role", "boss").ShouldBeNull();

        check.Errors["role"].ShouldBe(["Choose a role: steward, planner, clinician, viewer."]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_per_field()
    {
        var check = new Validation();

        check.Text("name", "the name", "", 200);
        check.Email("email", "nope");
        check.Choice<MemberLevel>("level", "a level", null);

        check.Errors.Keys.ShouldBe(["name", "email", "level"], ignoreOrder: true);
        check.Errors["level"].ShouldBe(["Choose a level."]);
    }
}
