using System.ComponentModel.DataAnnotations;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Options;

public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>
    /// What an upload's form holds besides its files: the token, the chosen source and date, and each part's headers.
    /// Part of <see cref="MaxUploadBytes"/>, so a full upload of files at the size limit is never refused for its form.
    /// </summary>
    public const long FormOverheadBytes = 64 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = SourceReader.DefaultMaxBytes;

    /// <summary>
    /// How long reading one file may take before it is refused: a bound on whatever the markup guard does not foresee.
    /// A real page at the size limit reads in a few seconds.
    /// </summary>
    [Range(0.001, 3600)]
    public double ReadTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// The most files the <c>ingest</c> command stores in one transaction; 1 stores each file in a transaction of its
    /// own. A batch also ends at <see cref="BatchBytes"/>, and when the files after it are not read yet.
    /// </summary>
    [Range(1, 1000)]
    public int BatchFiles { get; set; } = 32;

    /// <summary>A batch ends once its files hold this many bytes; a larger file is a batch of its own.</summary>
    [Range(1, long.MaxValue)]
    public long BatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How many files the <c>ingest</c> command reads and extracts at once while it stores the ones before them; 0 for
    /// one per core.
    /// </summary>
    [Range(0, 64)]
    public int Readers { get; set; }

    /// <summary>How many files one upload in the browser may hold; an upload with more is refused whole.</summary>
    [Range(1, 1000)]
    public int MaxFilesPerUpload { get; set; } = 20;

    /// <summary>
    /// The most an upload's request body may be: every file at the size limit, plus the form. Saturates rather than
    /// overflows for a size limit near <see cref="long.MaxValue"/>.
    /// </summary>
    public long MaxUploadBytes
    {
        get
        {
            // Validation reads every property, this one too, before it refuses a count below 1.
            var files = Math.Max(1, MaxFilesPerUpload);
            return MaxFileBytes > (long.MaxValue - FormOverheadBytes) / files ? long.MaxValue : (MaxFileBytes * files) + FormOverheadBytes;
        }
    }
}
