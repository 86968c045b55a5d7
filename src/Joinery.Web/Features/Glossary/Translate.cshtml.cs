using System.Net;
using System.Text;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Glossary;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Glossary;

/// <summary>Translating reads the glossary and saves nothing, so it works on an archived partnership too.</summary>
[OpenWhenArchived]
public sealed class TranslateModel(JoineryDb db, GlossaryWork glossary) : PartnershipPage(db)
{
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Audience { get; set; } = "primary-care";

    public Translation? Result { get; private set; }

    /// <summary>The pasted text, HTML-encoded, with each found term in a numbered mark; built in one piece so no layout whitespace creeps in.</summary>
    public IHtmlContent MarkedText()
    {
        var html = new StringBuilder();
        var at = 0;
        var number = 0;
        foreach (var m in Result!.Matches)
        {
            html.Append(WebUtility.HtmlEncode(Text![at..m.Start]))
                .Append("<mark title=\"").Append(WebUtility.HtmlEncode(m.Term)).Append("\">")
                .Append(WebUtility.HtmlEncode(Text.Substring(m.Start, m.Length)))
                .Append("<sup>").Append(++number).Append("</sup></mark>");
            at = m.Start + m.Length;
        }
        html.Append(WebUtility.HtmlEncode(Text![at..]));
        return new HtmlString(html.ToString());
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadPartnershipAsync(id, "glossary", cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "glossary", cancellationToken))
        {
            return NotFound();
        }
        var outcome = await glossary.TranslateAsync(id, Text, Audience, cancellationToken);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "");
            return Page();
        }
        Result = outcome.Value;
        return Page();
    }
}
