using Joinery.Core.Meetings;

namespace Joinery.Tests.Meetings;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void An_external_image_is_not_emitted_and_its_alt_text_stays_as_plain_text()
    {
        var html = SafeMarkdown.ToHtml("Before ![the *chart*](https://evil.example/p.png) after");

        html.ShouldNotContain("<img");
        html.ShouldNotContain("evil.example");
        html.ShouldContain("Before the chart after");
    }

    [Fact]
    public void A_reference_style_external_image_is_not_emitted()
    {
        var html = SafeMarkdown.ToHtml("See ![x][r] and ![r]\n\n[r]: https://evil.example/p.png \"tracking\"");

        html.ShouldNotContain("<img");
        html.ShouldNotContain("evil.example");
        html.ShouldContain("See x and r");
    }

    [Theory]
    [InlineData("![x](//evil.example/p.png)")]
    [InlineData("![x](/\\evil.example/p.png)")]
    [InlineData("![x](\\\\evil.example/p.png)")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("![x](HTTP://evil.example/p.png)")]
    [InlineData("![x](<https://evil.example/a b.png>)")]
    [InlineData("![x](/partnerships/00000000-0000-0000-0000-000000000000/agreements?handler=Document)")]
    [InlineData("[![x](https://evil.example/p.png)](https://example.org)")]
    public void Images_with_any_address_are_not_emitted_so_no_reader_fetches_anything_by_opening_the_minutes(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        html.ShouldNotContain("<img");
        html.ShouldNotContain("evil.example");
        html.ShouldContain("x");
    }

    [Fact]
    public void Raw_html_images_are_shown_as_text_not_loaded()
    {
        var html = SafeMarkdown.ToHtml("<img src=\"https://evil.example/p.png\">\n\nText <img src=https://evil.example/q.png> inline");

        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;img src=");
    }

    [Fact]
    public void Links_to_other_sites_are_kept_because_following_one_is_the_reader_s_choice()
    {
        var html = SafeMarkdown.ToHtml("[site](https://example.org/page) and <https://example.org/auto>");

        html.ShouldContain("<a href=\"https://example.org/page\">site</a>");
        html.ShouldContain("href=\"https://example.org/auto\"");
    }
}
