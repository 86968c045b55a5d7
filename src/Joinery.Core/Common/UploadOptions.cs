using System.ComponentModel.DataAnnotations;

namespace Joinery.Core.Common;

/// <summary>
/// Section <c>Uploads</c>: how large an attached agreement document may be. The server refuses a
/// body over 10 MB before reading it (the route's upload limit), so a site can lower the limit here,
/// not raise it.
/// </summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    [Range(1, 10, ErrorMessage = "Uploads:MaxDocumentMegabytes must be a whole number from 1 to 10.")]
    public int MaxDocumentMegabytes { get; set; } = 10;

    public int MaxDocumentBytes => MaxDocumentMegabytes * 1024 * 1024;
}
