using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Joinery.Core.Common;

namespace Joinery.Core.Formalize;

/// <summary>
/// What the content of an upload is, a PDF or a Word document, and whether it is fit to keep and to
/// hand to every member: the type comes from the bytes, never from the name; a Word document must
/// be a real one that does not unpack into a bomb; a PDF must carry no script, embedded file or
/// launch action.
/// </summary>
public static class DocumentSniffer
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>What a document may unpack to, all its parts together; the upload itself is at most 10 MB.</summary>
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;

    /// <summary>More parts than a real document has (text, styles, settings and a few hundred pictures).</summary>
    public const int MaxDocxParts = 1000;

    public const string NotAccepted = "Only PDF and Word (.docx) documents can be attached; macro-enabled and other files cannot.";
    public const string DocxTooLarge = "The Word document unpacks to more than 50 MB; attach a smaller copy or a PDF.";
    public const string DocxDamaged = "The Word document is damaged or disguised (its parts do not match its index); save it again in Word and attach that.";
    public const string PdfScript = "The PDF contains JavaScript, which cannot be attached; save a copy without it (for example, print it to PDF) and attach that.";
    public const string PdfEmbedded = "The PDF contains embedded files or an action that starts another program, which cannot be attached; save a copy without them (for example, print it to PDF) and attach that.";
    public const string PdfUncheckable = "The PDF is encrypted or packed in a way that cannot be checked for scripts and embedded files; save an unprotected copy (for example, print it to PDF) and attach that.";
    public const string PdfTooLarge = "The PDF unpacks to more than 50 MB; attach a smaller copy.";

    public static readonly string DocxTooManyParts =
        $"The Word document has more than {MaxDocxParts} parts, more than a document needs; save it again in Word or attach a PDF.";

    /// <summary>The content type decided from the bytes, or null when they are not an acceptable PDF or Word document.</summary>
    public static string? Sniff(byte[] content) => Inspect(content).Value;

    /// <summary>The content type decided from the bytes, or why the file cannot be attached (field "file").</summary>
    public static Outcome<string> Inspect(byte[] content)
    {
        if (content.Length >= 5 && content.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return new PdfCheck().Problem(content) is { } pdfProblem ? Refused(pdfProblem) : Outcome<string>.Ok(Pdf);
        }
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
        {
            return Refused(NotAccepted);
        }
        return DocxProblem(content) is { } problem ? Refused(problem) : Outcome<string>.Ok(Docx);
    }

    /// <summary>A file name safe to show and to send back: letters, digits, dot, dash, underscore and space; the extension follows the content.</summary>
    public static string SafeName(string? name, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? "").Replace('\\', '/')));
        var clean = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ' ' or '.' ? c : '_').ToArray()).Trim(' ', '.');
        if (clean.Length == 0)
        {
            clean = "agreement";
        }
        if (clean.Length > 100)
        {
            clean = clean[..100];
        }
        return clean + (contentType == Pdf ? ".pdf" : ".docx");
    }

    private static Outcome<string> Refused(string message) => Outcome<string>.Invalid("file", message);

    /// <summary>A macro-free Word document: a zip with its content types and main part, a bounded number of parts, unpacking to at most <see cref="MaxUnpackedBytes"/>.</summary>
    private static string? DocxProblem(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxDocxParts)
            {
                return DocxTooManyParts;
            }
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || !names.Contains("word/document.xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return NotAccepted;
            }
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return DocxTooLarge;
            }
            if (UnpackedSizeProblem(content) is { } problem)
            {
                return problem;
            }
            using var reader = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open());
            return reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) ? NotAccepted : null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return NotAccepted;
        }
    }

    /// <summary>
    /// The sizes in a zip's index can lie, and .NET stops reading a part at the size the index gives,
    /// so a part declared small would pass unread. Each part is therefore found from the central
    /// directory and inflated from its own bytes, counting what comes out, until the limit.
    /// Zip64 and encrypted parts are refused: Word writes neither for a document under 10 MB.
    /// </summary>
    private static string? UnpackedSizeProblem(byte[] zip)
    {
        var end = -1;
        for (var i = zip.Length - 22; i >= Math.Max(0, zip.Length - 22 - ushort.MaxValue); i--)
        {
            if (U32(zip, i) == 0x06054b50)
            {
                end = i;
                break;
            }
        }
        if (end < 0)
        {
            return DocxDamaged;
        }
        var count = U16(zip, end + 10);
        var at = U32(zip, end + 16);
        var unpacked = 0L;
        for (var n = 0; n < count; n++)
        {
            if (at > zip.Length - 46 || U32(zip, at) != 0x02014b50)
            {
                return DocxDamaged;
            }
            var (flags, method, compressed, declared) = (U16(zip, at + 8), U16(zip, at + 10), U32(zip, at + 20), U32(zip, at + 24));
            var local = U32(zip, at + 42);
            if (local > zip.Length - 30 || U32(zip, local) != 0x04034b50 || (flags & 1) != 0)
            {
                return DocxDamaged;
            }
            var data = local + 30 + U16(zip, local + 26) + U16(zip, local + 28);
            if (data + compressed > zip.Length)
            {
                return DocxDamaged;
            }
            var budget = MaxUnpackedBytes - unpacked;
            var size = method switch
            {
                0 => compressed,
                8 => Inflate(new DeflateStream(new MemoryStream(zip, (int)data, (int)compressed, writable: false), CompressionMode.Decompress), budget),
                _ => -1,
            };
            if (size > budget)
            {
                return DocxTooLarge;
            }
            if (size != declared)
            {
                return DocxDamaged;
            }
            unpacked += size;
            at += 46 + U16(zip, at + 28) + U16(zip, at + 30) + U16(zip, at + 32);
        }
        return null;
    }

    /// <summary>Reads <paramref name="stream"/> to its end, or to one buffer past <paramref name="budget"/> bytes; how many bytes came out.</summary>
    private static long Inflate(Stream stream, long budget, List<byte[]>? keep = null)
    {
        using (stream)
        {
            var total = 0L;
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
                keep?.Add(buffer[..read]);
                if (total > budget)
                {
                    break;
                }
            }
            return total;
        }
    }

    private static int U16(byte[] bytes, long at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)at));

    private static long U32(byte[] bytes, long at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at));

    /// <summary>
    /// Looks through a PDF's syntax for the names that start script (/JS, /JavaScript, /XFA forms)
    /// or carry other programs (/EmbeddedFile, /EmbeddedFiles, /Launch), with #xx escapes decoded.
    /// Strings and comments are looked through too: a reader reaches objects by their offset, so
    /// anything may hide behind a stray "(" or "%". Objects packed in compressed object streams are
    /// unpacked (within the same 50 MB) and looked through; other streams' data, which may be binary,
    /// only for the longer names, since "/JS" turns up in binary data by chance (a JavaScript action
    /// names /JavaScript anyway). What cannot be unpacked cannot be checked, and is refused.
    /// </summary>
    private sealed class PdfCheck
    {
        private enum Part { File, ObjectStream, StreamData }

        private static readonly HashSet<string> Filters = new(StringComparer.Ordinal)
        {
            "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "LZWDecode", "LZW", "FlateDecode", "Fl", "RunLengthDecode", "RL",
            "CCITTFaxDecode", "CCF", "JBIG2Decode", "DCTDecode", "DCT", "JPXDecode", "Crypt",
        };

        private long _unpacked;

        public string? Problem(byte[] pdf) => Scan(pdf, Part.File);

        private string? Scan(ReadOnlySpan<byte> pdf, Part part)
        {
            var names = new List<string>();
            var i = 0;
            while (i < pdf.Length)
            {
                if (pdf[i] == '/')
                {
                    var name = ReadName(pdf, ref i);
                    if (name is "JavaScript" or "XFA" || (name == "JS" && part != Part.StreamData))
                    {
                        return PdfScript;
                    }
                    if (name is "EmbeddedFile" or "EmbeddedFiles" or "Launch")
                    {
                        return PdfEmbedded;
                    }
                    names.Add(name);
                    continue;
                }
                if (!IsRegular(pdf[i]))
                {
                    i++;
                    continue;
                }
                var start = i;
                while (i < pdf.Length && IsRegular(pdf[i]))
                {
                    i++;
                }
                var word = pdf[start..i];
                if (word.SequenceEqual("obj"u8))
                {
                    names.Clear();
                }
                else if (part == Part.File && word.SequenceEqual("stream"u8))
                {
                    // The data starts after the end of the line.
                    if (i < pdf.Length && pdf[i] == '\r')
                    {
                        i++;
                    }
                    if (i < pdf.Length && pdf[i] == '\n')
                    {
                        i++;
                    }
                    var length = pdf[i..].IndexOf("endstream"u8);
                    var end = length < 0 ? pdf.Length : i + length;
                    if (StreamProblem(pdf[i..end], names) is { } problem)
                    {
                        return problem;
                    }
                    names.Clear();
                    i = end;
                }
            }
            return null;
        }

        /// <summary>A stream that carries objects (an object stream: /Type /ObjStm, or /N with /First) is unpacked and read like the file; any other stream's data is read for the longer names.</summary>
        private string? StreamProblem(ReadOnlySpan<byte> data, List<string> dictionary)
        {
            if (!dictionary.Contains("ObjStm") && !(dictionary.Contains("N") && dictionary.Contains("First")))
            {
                return Scan(data, Part.StreamData);
            }
            var filters = dictionary.Where(Filters.Contains).ToList();
            if (filters.Count == 0)
            {
                return Scan(data, Part.ObjectStream);
            }
            if (filters.Count > 1 || filters[0] is not ("FlateDecode" or "Fl") || dictionary.Contains("DecodeParms") || dictionary.Contains("DP"))
            {
                return PdfUncheckable;
            }
            var chunks = new List<byte[]>();
            var budget = MaxUnpackedBytes - _unpacked;
            try
            {
                _unpacked += Inflate(new ZLibStream(new MemoryStream(data.ToArray(), writable: false), CompressionMode.Decompress), budget, chunks);
            }
            catch (InvalidDataException)
            {
                // Readers show what they could unpack of a damaged stream; so is it checked. Nothing at all: encrypted or not Flate.
                _unpacked += chunks.Sum(c => (long)c.Length);
                if (chunks.Count == 0)
                {
                    return PdfUncheckable;
                }
            }
            if (_unpacked > MaxUnpackedBytes)
            {
                return PdfTooLarge;
            }
            return Scan(chunks.SelectMany(c => c).ToArray(), Part.ObjectStream);
        }

        /// <summary>A name after its "/", with #xx escapes decoded; leaves <paramref name="i"/> after it.</summary>
        private static string ReadName(ReadOnlySpan<byte> pdf, ref int i)
        {
            var name = new StringBuilder();
            i++;
            while (i < pdf.Length && IsRegular(pdf[i]))
            {
                if (pdf[i] == '#' && i + 2 < pdf.Length && IsHex(pdf[i + 1]) && IsHex(pdf[i + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(pdf.Slice(i + 1, 2)), 16));
                    i += 3;
                    continue;
                }
                name.Append((char)pdf[i]);
                i++;
            }
            return name.ToString();
        }

        private static bool IsRegular(byte c) =>
            c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
                or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

        private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);
    }
}
