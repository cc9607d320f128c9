using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>What one upload did, file by file, in the words the <c>ingest</c> command prints.</summary>
public sealed record UploadResult(IReadOnlyList<IngestOutcome> Files)
{
    public int StoredCount => Files.Count(f => f.Stored);

    public int RefusedCount => Files.Count - StoredCount;

    /// <summary>"3 files: 2 stored, 1 refused".</summary>
    public string Summary => $"{(Files.Count == 1 ? "1 file" : $"{Files.Count} files")}: {StoredCount} stored, {RefusedCount} refused";
}
