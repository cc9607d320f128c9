namespace PolicyTracker.Web.Data;

/// <summary>
/// An editor's decision on one contradiction, which is named by its subject and topic (CLAIMS.md). Being keyed by
/// those rather than by claim ids is what keeps a dismissal in place when the sources are ingested again.
/// A contradiction with no row is <see cref="ContradictionState.Open"/>.
/// </summary>
public sealed class ContradictionReview
{
    public long Id { get; set; }

    public required string Subject { get; set; }

    public required string Topic { get; set; }

    public ContradictionState State { get; set; } = ContradictionState.Open;

    /// <summary>Why it was dismissed; set only when <see cref="State"/> is <see cref="ContradictionState.Dismissed"/>.</summary>
    public DismissalReason? Reason { get; set; }

    public string? Note { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Concurrency token, as on <see cref="Claim.Revision"/>.</summary>
    public int Revision { get; set; }
}

public enum ContradictionState
{
    Open,
    Confirmed,
    Dismissed,
}

public enum DismissalReason
{
    /// <summary>The claims are about different plans or users after all.</summary>
    DifferentScope,

    /// <summary>The claims describe the practice at different times (an old policy and a new one).</summary>
    DifferentTime,

    /// <summary>The extractor misread at least one of the sentences.</summary>
    ExtractorMisread,
}
