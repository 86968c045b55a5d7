using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Joinery.Core.Meetings;

/// <summary>
/// Minutes and agendas are Markdown. Raw HTML is shown as text, and links keep only http, https,
/// mailto and relative addresses, so nothing written can run script in a reader's browser. Images
/// are not shown at all, only their alt text: an image loads as soon as the page opens, so an
/// outside address would tell its owner who read the minutes and when, and an address in Joinery
/// would make every reader's browser fetch it under their name (a download, audited as theirs).
/// Joinery keeps no pictures of its own for minutes to show.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseSoftlineBreakAsHardlineBreak().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        // Inline and reference-style images alike: the parser has resolved references by now.
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            image.ReplaceBy(new LiteralInline(AltText(image)), copyChildren: false);
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>An image's description as plain text: emphasis, code and nested images flattened.</summary>
    private static string AltText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container)
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                ContainerInline inner => AltText(inner),
                _ => "",
            });
        }
        return text.ToString();
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
