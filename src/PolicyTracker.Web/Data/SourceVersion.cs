namespace PolicyTracker.Web.Data;

/// <summary>One accepted version of a source's bytes, kept after newer bytes replace them.</summary>
public sealed class SourceVersion
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    public Source? Source { get; set; }

    public int Version { get; set; }

    public required string Sha256 { get; set; }

    public long ByteCount { get; set; }

    public int ClaimCount { get; set; }

    public DateTimeOffset IngestedAt { get; set; }
}
