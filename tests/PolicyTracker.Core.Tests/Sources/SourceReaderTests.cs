using System.Text;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Sources;

public sealed class SourceReaderTests
{
    [Fact]
    public void Read_Utf8Bom_DroppedFromText()
    {
        // Arrange
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Café policy.\n")];

        // Act
        var document = SourceReader.Read("a.txt", bytes);

        // Assert
        Assert.Equal("Café policy.\n", document.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16Bom_DecodedAsUtf16(bool bigEndian)
    {
        // Arrange
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("Résumé of our policy.")];

        // Act
        var document = SourceReader.Read("a.txt", bytes);

        // Assert
        Assert.Equal("Résumé of our policy.", document.Text);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">")]
    public void Read_LegacyHtmlWithMetaCharset_DecodedByDeclaration(string meta)
    {
        // Arrange
        var html = $"<html><head>{meta}</head><body><p>Caf\u00e9 \u201cpolicy\u201d</p></body></html>";
        var bytes = CodePagesEncoding("windows-1252").GetBytes(html);

        // Act
        var document = SourceReader.Read("a.html", bytes);

        // Assert
        Assert.Equal("Café “policy”", document.Text);
    }

    [Fact]
    public void Read_InvalidUtf8Text_Refused()
    {
        // Arrange
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" policy")];

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read("a.txt", bytes));

        // Assert
        Assert.Equal("not valid UTF-8 and declares no encoding (save it as UTF-8)", error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8HtmlWithoutDeclaration_Refused()
    {
        // Arrange
        byte[] bytes = [.. Encoding.ASCII.GetBytes("<p>Caf"), 0xE9, .. Encoding.ASCII.GetBytes("</p>")];

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read("a.html", bytes));

        // Assert
        Assert.StartsWith("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.pdf", "unknown file type '.pdf' (PolicyTracker reads .txt, .md, .html and .htm)")]
    [InlineData("README", "a file without an extension (PolicyTracker reads .txt, .md, .html and .htm)")]
    public void Read_UnknownExtension_Refused(string fileName, string reason)
    {
        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read(fileName, Encoding.UTF8.GetBytes("text")));

        // Assert
        Assert.Equal(reason, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t \n")]
    [InlineData("\uFEFF\n")]
    public void Read_EmptyOrWhitespaceOnly_Refused(string content)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(content);

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read("a.md", bytes));

        // Assert
        Assert.Equal("the file is empty", error.Message);
    }

    [Fact]
    public void Read_NulBytes_RefusedAsBinary()
    {
        // Arrange
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read("image.txt", bytes));

        // Assert
        Assert.Equal("binary content, not text", error.Message);
    }

    [Fact]
    public void Read_ManyControlCharacters_RefusedAsBinary()
    {
        // Arrange
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read("a.txt", bytes));

        // Assert
        Assert.Equal("binary content, not text", error.Message);
    }

    [Fact]
    public void Read_OverLimit_RefusedWithSizes()
    {
        // Arrange
        var bytes = new byte[(int)(25.3 * 1024 * 1024)];
        bytes.AsSpan().Fill((byte)'a');

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read("a.txt", bytes));

        // Assert
        Assert.Equal("the file is 25.3 MB, over the 20 MB limit", error.Message);
    }

    [Fact]
    public void Read_JustOverLimit_SizeNeverReadsAsTheLimit()
    {
        // Arrange
        var bytes = new byte[2048 + 1];
        bytes.AsSpan().Fill((byte)'a');

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceReader.Read("a.txt", bytes, maxBytes: 2048));

        // Assert
        Assert.Equal("the file is 2.001 KB, over the 2 KB limit", error.Message);
    }

    [Theory]
    [InlineData("a.TXT", SourceFormat.Text)]
    [InlineData("a.markdown", SourceFormat.Markdown)]
    [InlineData("a.htm", SourceFormat.Html)]
    [InlineData("a.pdf", null)]
    public void FormatFor_Extension_MapsToFormat(string fileName, SourceFormat? expected)
    {
        // Act
        var format = SourceReader.FormatFor(fileName);

        // Assert
        Assert.Equal(expected, format);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
