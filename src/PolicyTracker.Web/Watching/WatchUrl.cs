using PolicyTracker.Web.Data.Configurations;

namespace PolicyTracker.Web.Watching;

/// <summary>What an address must be before it is requested, the first and every one redirected to.</summary>
public static class WatchUrl
{
    /// <summary>The address parsed, or why it cannot be fetched.</summary>
    public static (Uri? Url, string? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "the address is empty");
        }

        // On Linux "/privacy" parses as an absolute file:// address; a person who typed it meant a relative one.
        if (!text.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
        {
            return (null, $"'{text.Trim()}' is not an absolute address such as https://example.com/privacy");
        }

        return Problem(url) is { } problem ? (null, problem) : (url, null);
    }

    /// <summary>Why <paramref name="url"/> cannot be fetched, or null when it can be requested (the connector checks where it leads).</summary>
    public static string? Problem(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url switch
        {
            { IsAbsoluteUri: false } => "the address is not absolute",
            _ when url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps =>
                $"the scheme '{url.Scheme}' is not fetched; only http and https are",
            { UserInfo.Length: > 0 } => "the address holds a user name or password; credentials in addresses are refused",
            _ when url.AbsoluteUri.Length > WatchedSourceConfiguration.MaxUrlLength =>
                $"the address is longer than {WatchedSourceConfiguration.MaxUrlLength} characters",
            _ => null,
        };
    }

    /// <summary>The source name an address gets unless one is given: its host and path, e.g. <c>example.com/privacy</c>.</summary>
    public static string DefaultName(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var name = (url.Host + url.AbsolutePath).TrimEnd('/');
        return name.Length <= Ingestion.IngestAs.MaxSourceLength ? name : name[..Ingestion.IngestAs.MaxSourceLength];
    }
}
