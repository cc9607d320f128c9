using System.Text;
using System.Text.RegularExpressions;

namespace PolicyTracker.Core.Sources;

/// <summary>
/// Turns a file's bytes into a string: a byte order mark wins, then strict UTF-8, then (for HTML
/// only) the charset the page declares. Anything else is refused rather than guessed, because a
/// wrong guess would corrupt every quote taken from the source.
/// </summary>
internal static partial class TextDecoder
{
    private const int SniffLength = 8 * 1024;
    private const int MetaScanLength = 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    // Registered once, before the first look-up of a legacy code page such as windows-1252.
    private static readonly EncodingProvider CodePages = RegisterCodePages();

    /// <summary>Decodes <paramref name="bytes"/>; the byte order mark, if any, is not part of the result.</summary>
    public static string Decode(byte[] bytes, SourceFormat format)
    {
        string text;
        if (StartsWith(bytes, 0xFF, 0xFE) || StartsWith(bytes, 0xFE, 0xFF))
        {
            var encoding = bytes[0] == 0xFF ? StrictUtf16Le : StrictUtf16Be;
            text = DecodeStrict(encoding, bytes, 2, "not valid UTF-16 although it starts with a UTF-16 byte order mark");
        }
        else
        {
            // UTF-8 text never holds NUL bytes; binary files nearly always do, early on.
            if (bytes.AsSpan(0, Math.Min(bytes.Length, SniffLength)).Contains((byte)0))
            {
                throw new SourceRejectedException("binary content, not text");
            }

            text = StartsWith(bytes, 0xEF, 0xBB, 0xBF)
                ? DecodeStrict(StrictUtf8, bytes, 3, "not valid UTF-8 although it starts with a UTF-8 byte order mark")
                : DecodeUnmarked(bytes, format);
        }

        if (HasHighControlShare(text))
        {
            throw new SourceRejectedException("binary content, not text");
        }

        return text;
    }

    private static string DecodeUnmarked(byte[] bytes, SourceFormat format)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Fall through to the declared encoding below.
        }

        var declared = format == SourceFormat.Html ? DeclaredCharset(bytes) : null;
        if (declared is null)
        {
            throw new SourceRejectedException("not valid UTF-8 and declares no encoding (save it as UTF-8)");
        }

        var encoding = EncodingFor(declared)
            ?? throw new SourceRejectedException($"not valid UTF-8 and declares an unknown encoding '{declared}'");
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            throw new SourceRejectedException("declares UTF-8 but is not valid UTF-8");
        }

        return encoding.GetString(bytes);
    }

    private static string DecodeStrict(Encoding encoding, byte[] bytes, int skip, string failure)
    {
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SourceRejectedException(failure, ex);
        }
    }

    /// <summary>The charset named by a <c>meta</c> tag near the top of an HTML file, as a browser's pre-scan finds it.</summary>
    private static string? DeclaredCharset(byte[] bytes)
    {
        // Latin-1 maps every byte to one char, so the ASCII markup reads correctly whatever the encoding.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, MetaScanLength));
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static Encoding? EncodingFor(string name)
    {
        _ = CodePages;

        // Browsers read these labels as windows-1252 (WHATWG Encoding Standard); pages labelled
        // Latin-1 routinely contain curly quotes in the 0x80-0x9F range, which only windows-1252 has.
        var label = name.Trim().ToLowerInvariant() switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" => "windows-1252",
            var other => other,
        };

        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasHighControlShare(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SniffLength));
        var controls = 0;
        foreach (var c in sample)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\v'))
            {
                controls++;
            }
        }

        // A stray control character happens in real text; one in ten characters does not.
        return controls > 0 && controls * 10 >= sample.Length;
    }

    private static bool StartsWith(byte[] bytes, params ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);

    private static EncodingProvider RegisterCodePages()
    {
        var provider = CodePagesEncodingProvider.Instance;
        Encoding.RegisterProvider(provider);
        return provider;
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*(?<name>[A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
