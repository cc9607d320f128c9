using System.Globalization;

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
    /// <remarks>
    /// Checks run cheapest first: the extension, the size, then the bytes, then the decoded text,
    /// and last whether the reader found anything to read. Markup nested past what the HTML parser reads in
    /// linear time is refused while it is parsed; <paramref name="cancellationToken"/> can stop a parse between
    /// any two tokens, which is how a caller puts a time limit on reading.
    /// </remarks>
    public static ExtractedDocument Read(
        string fileName, byte[] bytes, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        var format = FormatFor(fileName) ?? throw new SourceRejectedException(UnknownTypeReason(fileName));
        if (bytes.LongLength > maxBytes)
        {
            throw new SourceRejectedException(TooLarge(bytes.LongLength, maxBytes));
        }

        if (bytes.Length == 0)
        {
            throw new SourceRejectedException("the file is empty");
        }

        var text = TextDecoder.Decode(bytes, format);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SourceRejectedException("the file is empty");
        }

        var document = format switch
        {
            SourceFormat.Markdown => MarkdownReader.Read(text, cancellationToken),
            SourceFormat.Html => HtmlReader.Read(text, cancellationToken),
            _ => PlainTextReader.Read(text),
        };

        return document.Blocks.Count == 0
            ? throw new SourceRejectedException("no readable text")
            : document;
    }

    /// <summary>Why a file of this name is not read: its extension is none PolicyTracker reads.</summary>
    public static string UnknownTypeReason(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName);
        var what = extension.Length == 0 ? "a file without an extension" : $"unknown file type '{extension}'";
        return $"{what} (PolicyTracker reads .txt, .md, .html and .htm)";
    }

    private static string TooLarge(long size, long limit)
    {
        var (limitValue, limitUnit) = Scale(limit);
        var (sizeValue, sizeUnit) = Scale(size);
        var decimals = sizeUnit == "bytes" ? 0 : 1;

        // A file just over the limit must not read as the limit itself ("20.0 MB, over the 20 MB limit").
        while (sizeUnit == limitUnit && decimals < 6 && Math.Round(sizeValue, decimals) <= limitValue)
        {
            decimals++;
        }

        var sizeFormat = decimals == 0 ? "0" : "0." + new string('0', decimals);
        var sizeText = Math.Round(sizeValue, decimals).ToString(sizeFormat, CultureInfo.InvariantCulture);
        var limitText = limitValue.ToString("0.#", CultureInfo.InvariantCulture);
        return $"the file is {sizeText} {sizeUnit}, over the {limitText} {limitUnit} limit";
    }

    private static (double Value, string Unit) Scale(long bytes)
    {
        const double Kilo = 1024;
        return bytes >= Kilo * Kilo ? (bytes / (Kilo * Kilo), "MB")
            : bytes >= Kilo ? (bytes / Kilo, "KB")
            : (bytes, "bytes");
    }
}
