namespace PolicyTracker.Web.Data;

/// <summary>
/// A source fetched from an address on a schedule. Its versions are those of the <see cref="Source"/> named
/// <see cref="Name"/>; this row only says where to fetch it, when, and how the last fetch went.
/// </summary>
public sealed class WatchedSource
{
    public long Id { get; set; }

    /// <summary>The name of the source each fetch adds a version to (its <see cref="Source.FileName"/>).</summary>
    public required string Name { get; set; }

    public required string Url { get; set; }

    /// <summary>How long after a successful fetch the next one is due.</summary>
    public long IntervalSeconds { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public DateTimeOffset? LastFetchAt { get; set; }

    public FetchStatus? LastStatus { get; set; }

    /// <summary>Why the last fetch failed; null after a fetch that did not.</summary>
    public string? LastError { get; set; }

    /// <summary>Failed fetches in a row, which lengthen the back-off; 0 after a fetch that did not fail.</summary>
    public int Failures { get; set; }

    public DateTimeOffset NextFetchAt { get; set; }

    /// <summary>The validators of the last page stored, sent back so an unchanged page can answer 304.</summary>
    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    /// <summary>
    /// Until when one instance holds the fetch of this row. Claimed by a conditional update, so of several instances
    /// on one database exactly one fetches a due source; the expiry frees the row if that instance dies mid-fetch.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>A token for the claim in force, so only the instance that claimed the row records its result.</summary>
    public string? LeaseOwner { get; set; }

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
}

/// <summary>How a fetch ended. Stored by name; <see cref="FetchStatusText"/> has the words shown for each.</summary>
public enum FetchStatus
{
    Added,
    NewVersion,
    Unchanged,
    NotModified,
    Failed,
}
