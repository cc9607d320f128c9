using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Options;

/// <summary>How watched sources are fetched: the limits of one fetch, the schedule's pace and the hosts exempt from the guard.</summary>
public sealed class FetchOptions
{
    public const string SectionName = "Fetch";

    /// <summary>What every request says it is, so a site's operators can tell who fetched their page.</summary>
    public const string UserAgent = "PolicyTracker/1.0 (fetches privacy policies it was asked to watch)";

    /// <summary>Redirects followed per fetch, each checked like the first address.</summary>
    public const int MaxRedirects = 5;

    /// <summary>
    /// Host names or addresses fetched although they are not public (loopback, private networks): an intranet
    /// mirror, or the tests' local server. Matched against the address's host as written, or the address connected to.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long one fetch may take in all: every attempt, redirect and the body.</summary>
    [Range(0.1, 600)]
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts after the first when the server answers 5xx, 408 or 429 or the connection fails.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    /// <summary>How often the scheduler looks for due sources.</summary>
    [Range(1, 86_400)]
    public double PollSeconds { get; set; } = 60;

    /// <summary>Whether this instance fetches on schedule; <c>refresh</c> and adding a source fetch either way.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
