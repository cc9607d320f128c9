using System.ComponentModel.DataAnnotations;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Options;

public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = SourceReader.DefaultMaxBytes;
}
