namespace PolicyTracker.Web.Watching;

/// <summary>
/// The content types a fetched page may have, each with the file extension that makes the ingestor read it in
/// that format. Anything else is refused before its body is read.
/// </summary>
public static class PageContentTypes
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/html"] = ".html",
        ["application/xhtml+xml"] = ".html",
        ["text/markdown"] = ".md",
        ["text/x-markdown"] = ".md",
        ["text/plain"] = ".txt",
    };

    /// <summary>What the request accepts, in the order the app prefers.</summary>
    public const string Accept = "text/html, application/xhtml+xml;q=0.9, text/markdown;q=0.9, text/plain;q=0.8";

    /// <summary>The extension for <paramref name="mediaType"/>, or null when the app does not read it.</summary>
    public static string? ExtensionFor(string? mediaType) =>
        mediaType is not null && Extensions.TryGetValue(mediaType, out var extension) ? extension : null;

    /// <summary>The file name a page is ingested under: the address's last path segment, with the extension its type implies.</summary>
    public static string FileName(Uri url, string extension)
    {
        ArgumentNullException.ThrowIfNull(url);
        var segment = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/')));
        var safe = new string(segment.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '.');
        return (safe.Length == 0 ? url.Host : safe[..Math.Min(safe.Length, 100)]) + extension;
    }
}
