namespace PolicyTracker.Web.Watching;

/// <summary>What one fetch of an address brought back: a page, word that it has not changed, or why there is none.</summary>
public abstract record FetchedPage
{
    /// <summary>A page in a format the app reads; <paramref name="FileName"/> has the extension its content type implies.</summary>
    public sealed record Page(string FileName, byte[] Bytes, string? ETag, string? LastModified) : FetchedPage;

    /// <summary>The server answered 304: the page is the one stored last time.</summary>
    public sealed record NotModified : FetchedPage;

    public sealed record Failed(string Reason) : FetchedPage;
}

/// <summary>The validators of the page stored last, for a conditional request.</summary>
public sealed record PageValidators(string? ETag, string? LastModified)
{
    public static readonly PageValidators None = new(null, null);
}
