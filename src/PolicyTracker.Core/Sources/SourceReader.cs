namespace PolicyTracker.Core.Sources;

/// <summary>Turns a file's bytes into an <see cref="ExtractedDocument"/>, or refuses it with a reason.</summary>
public static class SourceReader
{
    /// <summary>The default size limit for one file: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The format a file name's extension stands for, or null when PolicyTracker does not read it.</summary>
    public static SourceFormat? FormatFor(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" or ".text" => SourceFormat.Text,
            ".md" or ".markdown" => SourceFormat.Markdown,
            ".html" or ".htm" => SourceFormat.Html,
            _ => null,
        };

    /// <summary>Reads a file; throws <see cref="SourceRejectedException"/> with a one-line reason when it cannot.</summary>
    public static ExtractedDocument Read(string fileName, byte[] bytes, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var format = FormatFor(fileName)
            ?? throw new SourceRejectedException($"unknown file type '{Path.GetExtension(fileName)}'");
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return new ExtractedDocument(text, [new TextBlock(BlockKind.Paragraph, new(0, text.Length))], format, null);
    }
}
