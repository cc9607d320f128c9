using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Security;

/// <summary>
/// How many requests of each costly kind one client (or one account, for sign-in) may make per window. The defaults
/// leave a person working normally far below every limit and stop a script long before it hurts the server.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>The length of every window; each limit below counts the requests in one window.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts from one client address, whichever accounts they name.</summary>
    [Range(1, 1_000_000)]
    public int SignInsPerClient { get; set; } = 60;

    /// <summary>Sign-in attempts naming one account, from whichever addresses; known and unknown addresses alike.</summary>
    [Range(1, 1_000_000)]
    public int SignInsPerAccount { get; set; } = 10;

    /// <summary>Exports other than PDF (HTML, Markdown, CSV, JSON, ClaimReview) from one client.</summary>
    [Range(1, 1_000_000)]
    public int ExportsPerClient { get; set; } = 60;

    /// <summary>PDF exports from one client: each starts a browser on the server.</summary>
    [Range(1, 1_000_000)]
    public int PdfExportsPerClient { get; set; } = 6;

    /// <summary>PDF exports in progress at once from all clients together; more are refused rather than queued.</summary>
    [Range(1, 100)]
    public int PdfExportsAtOnce { get; set; } = 2;

    /// <summary>Full-text searches (a <c>q</c> on the Claims page or <c>/api/claims</c>) from one client.</summary>
    [Range(1, 1_000_000)]
    public int SearchesPerClient { get; set; } = 300;

    /// <summary>Uploads of source files in the browser from one client: each may hold many files to read and extract.</summary>
    [Range(1, 1_000_000)]
    public int UploadsPerClient { get; set; } = 30;

    /// <summary>Addresses added to watch in the browser from one client: each makes the server fetch a page.</summary>
    [Range(1, 1_000_000)]
    public int WatchesPerClient { get; set; } = 20;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
