using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Data;

/// <summary>
/// One version of a source: its bytes' hash, its text and claims, when it was observed and the date it states as its
/// own. Versions are numbered 1, 2, … in the order of <see cref="ObservedAt"/> (then of arrival), whatever order they
/// were ingested in; the last is the source's current version, whose claims are the rows in <c>Claims</c>.
/// </summary>
public sealed class SourceVersion
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>The version's place in date order, from 1; renumbered when an older version arrives late.</summary>
    public int Version { get; set; }

    public required string Sha256 { get; set; }

    public long ByteCount { get; set; }

    public int ClaimCount { get; set; }

    /// <summary>When the bytes were ingested or uploaded.</summary>
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>When the version was seen: the <c>--observed</c> date given at ingest, or the ingest itself.</summary>
    public DateTimeOffset ObservedAt { get; set; }

    /// <summary>The date the document gives itself ("Last updated", "Effective"), when it states one.</summary>
    public DateOnly? StatedDate { get; set; }

    /// <summary>The name of the file this version was read from (a source named with <c>--source</c> has many).</summary>
    public string? FileName { get; set; }

    public string? Title { get; set; }

    public SourceFormat? Format { get; set; }

    /// <summary>The extracted text, or null for a version stored before every version kept its text.</summary>
    public string? Text { get; set; }

    /// <summary>The version's claims as compact JSON (<see cref="VersionClaims"/>), or null where not kept.</summary>
    public string? Claims { get; set; }
}
