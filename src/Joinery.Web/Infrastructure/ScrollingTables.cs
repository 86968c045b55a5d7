using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// Every table scrolls sideways in its own box when it is wider than the screen (a tablet held
/// upright), so nothing is clipped and the page itself never scrolls sideways. One place for every
/// page, instead of a wrapper each page has to remember.
/// </summary>
[HtmlTargetElement("table")]
public sealed class ScrollingTables : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.PreElement.AppendHtml("<div class=\"table-scroll\">");
        output.PostElement.AppendHtml("</div>");
    }
}
