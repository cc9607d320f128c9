using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Options;

/// <summary>
/// How much the log file in the data folder may hold: a new file starts each day and whenever one reaches
/// <see cref="FileSizeLimitBytes"/>, and only the newest <see cref="RetainedFileCount"/> files are kept, so the
/// log never holds more than their product however busy the server is.
/// </summary>
public sealed class LogFileOptions
{
    public const string SectionName = "LogFile";

    /// <summary>The most one file holds; the next event starts a new file.</summary>
    [Range(4 * 1024L, 1024L * 1024 * 1024 * 1024)]
    public long FileSizeLimitBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How many files are kept, the current one included; older ones are deleted.</summary>
    [Range(1, 10_000)]
    public int RetainedFileCount { get; set; } = 10;
}
