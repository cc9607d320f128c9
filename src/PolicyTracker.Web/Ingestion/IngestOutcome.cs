namespace PolicyTracker.Web.Ingestion;

/// <summary>What one ingest did to the database; exactly one of the four cases.</summary>
public abstract record IngestOutcome(string FileName)
{
    /// <summary>A new source was stored.</summary>
    public sealed record Added(string FileName, long SourceId, int ClaimCount) : IngestOutcome(FileName);

    /// <summary>New bytes replaced a source of the same name, its text and all its claims.</summary>
    public sealed record Replaced(string FileName, long SourceId, int Version, int ClaimCount) : IngestOutcome(FileName);

    /// <summary>The bytes were the ones already stored; nothing changed.</summary>
    public sealed record Unchanged(string FileName, long SourceId, int Version) : IngestOutcome(FileName);

    /// <summary>The file was refused and the database left as it was.</summary>
    public sealed record Rejected(string FileName, string Reason) : IngestOutcome(FileName);
}
