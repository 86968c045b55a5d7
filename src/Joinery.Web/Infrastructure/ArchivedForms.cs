using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// On the pages of an archived partnership every form that would change it is shown disabled, so
/// nobody fills one in to be refused. One place for every page; the data context refuses the write
/// anyway (<see cref="ArchivedPartnerships"/>). Forms that post elsewhere (signing out), and forms
/// whose page or handler is <see cref="OpenWhenArchivedAttribute"/> (translating, removing a member), stay.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class ArchivedForms : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the form tag helper, which writes the action from asp-page-handler.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Cheapest first: most pages are not of an archived partnership, and then nothing else is looked at.
        if (ViewContext.ViewData["Partnership"] is not PartnershipView { IsArchived: true } partnership
            || !string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase)
            || (ViewContext.ViewData.Model is { } model
                && OpenWhenArchivedAttribute.IsOpen(model.GetType(), context.AllAttributes["asp-page-handler"]?.Value?.ToString())))
        {
            return;
        }
        var action = output.Attributes["action"]?.Value?.ToString() ?? "";
        if (action.Length > 0 && !action.StartsWith($"/partnerships/{partnership.Id}", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        output.PreContent.AppendHtml("<fieldset class=\"archived\" disabled>");
        output.PostContent.AppendHtml("</fieldset>");
    }
}
