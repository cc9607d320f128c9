using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Data;

/// <summary>An ingested document, named by its file name; new bytes under the same name replace it.</summary>
public sealed class Source
{
    public long Id { get; set; }

    public required string FileName { get; set; }

    public string? Title { get; set; }

    public SourceFormat Format { get; set; }

    public SourceKind Kind { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes; tells a re-ingest of the same bytes apart.</summary>
    public required string Sha256 { get; set; }

    public long ByteCount { get; set; }

    /// <summary>The extracted plain text every claim's quote is a slice of.</summary>
    public required string Text { get; set; }

    /// <summary>1 for the first bytes ingested, one more each time new bytes replace them.</summary>
    public int Version { get; set; }

    public DateTimeOffset IngestedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<Claim> Claims { get; } = [];

    public List<SourceVersion> Versions { get; } = [];
}
