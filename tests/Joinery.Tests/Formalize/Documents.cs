using System.IO.Compression;
using System.Text;

namespace Joinery.Tests.Formalize;

/// <summary>Small files the upload tests send: a PDF, a Word document, and look-alikes that must be refused.</summary>
internal static class Documents
{
    public static byte[] Pdf(string text = "agreement") => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    public static byte[] Docx(bool macros = false, bool withDocument = true)
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
        }
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
