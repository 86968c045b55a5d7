using System.ComponentModel.DataAnnotations;

namespace Joinery.Core.Common;

/// <summary>Section <c>Site</c>: <c>PublicUrl</c> is where people reach Joinery.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    public string? PublicUrl { get; set; }

    /// <summary>The public address with a trailing slash (http://127.0.0.1:5080/ when none is set).</summary>
    public Uri Root => TryRoot(out var root) ? root : throw new SettingException(Invalid);

    private string Invalid => $"Site:PublicUrl must be an absolute http or https address such as https://joinery.example.org, not '{PublicUrl}'.";

    private bool TryRoot(out Uri root)
    {
        var text = string.IsNullOrWhiteSpace(PublicUrl) ? "http://127.0.0.1:5080" : PublicUrl;
        return Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out root!) && (root.Scheme == Uri.UriSchemeHttp || root.Scheme == Uri.UriSchemeHttps);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TryRoot(out _))
        {
            yield return new ValidationResult(Invalid);
        }
    }
}

/// <summary>
/// Where people reach Joinery (<see cref="SiteOptions.PublicUrl"/>): links that leave the site, such as an
/// invitation mailed to someone, are built from it and never from the request's Host header.
/// </summary>
public sealed class PublicUrl(Uri root)
{
    /// <summary>An absolute link to a path of the site, e.g. <c>account/invitation?token=…</c>.</summary>
    public string Link(string pathAndQuery) => new Uri(root, pathAndQuery.TrimStart('/')).AbsoluteUri;
}
