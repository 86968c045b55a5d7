using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Joinery.Tests.Formalize;

/// <summary>Small files the upload tests send: a PDF, a Word document, and look-alikes that must be refused.</summary>
internal static class Documents
{
    public static byte[] Pdf(string text = "agreement") => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    /// <summary>A PDF whose catalog (object 1) is the given dictionary, with one more object after it.</summary>
    public static byte[] PdfWith(string catalog, string more = "<< /Type /Pages /Kids [] /Count 0 >>") =>
        Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj\n{catalog}\nendobj\n2 0 obj\n{more}\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A PDF that keeps <paramref name="hidden"/> in a Flate-compressed object stream, where a plain byte search cannot see it.</summary>
    public static byte[] PdfWithObjectStream(string hidden)
    {
        var objects = Encoding.ASCII.GetBytes($"3 0 {hidden}");
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(objects);
        }
        using var pdf = new MemoryStream();
        pdf.Write(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /OpenAction 3 0 R >>\nendobj\n"));
        pdf.Write(Encoding.ASCII.GetBytes($"2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n"));
        pdf.Write(packed.ToArray());
        pdf.Write(Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        return pdf.ToArray();
    }

    public static byte[] Docx(bool macros = false, bool withDocument = true, int extraParts = 0)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", macros
                ? "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>"
                : "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            if (withDocument)
            {
                Write(zip, "word/document.xml", "<w:document/>");
            }
            if (macros)
            {
                Write(zip, "word/vbaProject.bin", "macro");
            }
            for (var i = 0; i < extraParts; i++)
            {
                Write(zip, $"word/media/image{i}.png", "png");
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A Word document whose word/document.xml is <paramref name="megabytes"/> MB of zeros: a few
    /// tens of kilobytes on the wire. With <paramref name="lie"/>, the zip's index (central directory
    /// and local header) claims the part is 13 bytes long.
    /// </summary>
    public static byte[] ZipBomb(int megabytes, bool lie = false)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(zeros);
            }
        }
        var bytes = stream.ToArray();
        if (lie)
        {
            var declared = (uint)megabytes * 1024 * 1024;
            for (var i = 0; i + 30 <= bytes.Length; i++)
            {
                var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
                var sizeAt = signature switch { 0x04034b50 => i + 22, 0x02014b50 => i + 24, _ => -1 };
                if (sizeAt > 0 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(sizeAt)) == declared)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(sizeAt), 13);
                }
            }
        }
        return bytes;
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
