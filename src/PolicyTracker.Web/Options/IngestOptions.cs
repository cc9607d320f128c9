using System.ComponentModel.DataAnnotations;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Options;

public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = SourceReader.DefaultMaxBytes;

    /// <summary>
    /// How long reading one file may take before it is refused: a bound on whatever the markup guard does not foresee.
    /// A real page at the size limit reads in a few seconds.
    /// </summary>
    [Range(0.001, 3600)]
    public double ReadTimeoutSeconds { get; set; } = 60;

    /// <summary>The one wording of the size limit, for files read from disk, uploads and fetched pages alike.</summary>
    public static string TooBig(long bytes, long limit) => $"file too big: {bytes} bytes, the limit is {limit}";
}
