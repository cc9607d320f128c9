namespace PolicyTracker.Core.Versions;

/// <summary>How a claim differs between two consecutive versions of one source (CLAIMS.md, "Versions and changes").</summary>
public enum ChangeKind
{
    /// <summary>The newer version makes a claim the older one did not: <c>From</c> is null.</summary>
    Added,

    /// <summary>The older version made a claim the newer one no longer makes: <c>To</c> is null.</summary>
    Removed,

    /// <summary>Both versions make a claim on the same subject, topic and scope, with different values.</summary>
    Changed,
}

/// <summary>A claim as one version of a source makes it: the input to change detection.</summary>
/// <param name="Subject">The organisation the claim is about.</param>
/// <param name="Topic">The catalog topic.</param>
/// <param name="Scope">Whose data.</param>
/// <param name="Value">The normalised value.</param>
/// <param name="Quote">The exact text at <paramref name="Start"/>..<paramref name="End"/> in that version's text.</param>
/// <param name="Start">Where the quote starts in that version's text.</param>
/// <param name="End">Where the quote ends (exclusive).</param>
public sealed record VersionClaim(string Subject, string Topic, string Scope, string Value, string Quote, int Start, int End);

/// <summary>One side of a change: the version, when it was observed, and the value and quote it gives.</summary>
public sealed record ChangeSide(int Version, DateTimeOffset Observed, string Value, string Quote, int Start, int End);

/// <summary>
/// One typed change between consecutive versions of a source, keyed by subject, topic and scope. A change over time
/// is never a contradiction: the older side is no longer what the source says.
/// </summary>
/// <param name="Source">The source's file name.</param>
/// <param name="Subject">The organisation the claim is about.</param>
/// <param name="Topic">The catalog topic.</param>
/// <param name="Scope">Whose data.</param>
/// <param name="From">The older version's side, or null when the claim was added.</param>
/// <param name="To">The newer version's side, or null when the claim was removed.</param>
/// <param name="ToVersion">The newer of the two versions compared (also when <paramref name="To"/> is null).</param>
/// <param name="ToObserved">When the newer version was observed: the date the change is shown at.</param>
public sealed record ClaimChange(
    string Source,
    string Subject,
    string Topic,
    string Scope,
    ChangeSide? From,
    ChangeSide? To,
    int ToVersion,
    DateTimeOffset ToObserved)
{
    /// <summary>Whether the claim was added, removed or changed its value.</summary>
    public ChangeKind Kind => (From, To) switch
    {
        (null, _) => ChangeKind.Added,
        (_, null) => ChangeKind.Removed,
        _ => ChangeKind.Changed,
    };
}
