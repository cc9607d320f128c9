using System.Diagnostics;
using System.Diagnostics.Metrics;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Operations;

/// <summary>
/// The app's own instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>: what an operator watches
/// across instances (ingest rate and time, failed fetches, page latency, the visitor cache's hits and misses).
/// <c>dotnet-counters monitor -n PolicyTracker.Web --counters PolicyTracker</c> reads them from a running process, and
/// an OpenTelemetry SDK exports them by adding the meter's name; the app itself ships no exporter.
/// The meter comes from the host's <see cref="IMeterFactory"/>, so each host (and each test app) has its own.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "PolicyTracker";

    private readonly Counter<long> ingests;
    private readonly Histogram<double> ingestDuration;
    private readonly Counter<long> fetchFailures;
    private readonly Histogram<double> pageDuration;
    private readonly Counter<long> pageCacheHits;
    private readonly Counter<long> pageCacheMisses;

    public AppMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        ingests = Meter.CreateCounter<long>(
            "policytracker.ingest.documents", "{document}", "Documents ingested, by outcome (added, new-version, unchanged, refused, failed)");
        ingestDuration = Meter.CreateHistogram<double>(
            "policytracker.ingest.duration", "s", "Time to ingest one document end to end: read, extract and store");
        fetchFailures = Meter.CreateCounter<long>(
            "policytracker.fetch.failures", "{fetch}", "Fetches of watched addresses that failed (the last good version is kept)");
        pageDuration = Meter.CreateHistogram<double>(
            "policytracker.page.duration", "s", "Time to answer a page, by page and whether the reader was signed in");
        pageCacheHits = Meter.CreateCounter<long>(
            "policytracker.page_cache.hits", "{request}", "Visitor pages served from the rendered-page cache");
        pageCacheMisses = Meter.CreateCounter<long>(
            "policytracker.page_cache.misses", "{request}", "Visitor pages the cache could serve but had to render");
    }

    public Meter Meter { get; }

    /// <summary>Records one file's ingest: its outcome (null when it failed) and its time from reading to stored.</summary>
    public void Ingested(IngestOutcome? outcome, TimeSpan elapsed)
    {
        var name = outcome switch
        {
            IngestOutcome.Added => "added",
            IngestOutcome.NewVersion => "new-version",
            IngestOutcome.Unchanged => "unchanged",
            IngestOutcome.Rejected => "refused",
            _ => "failed",
        };
        var tag = new KeyValuePair<string, object?>("outcome", name);
        ingests.Add(1, tag);
        ingestDuration.Record(elapsed.TotalSeconds, tag);
    }

    public void FetchFailed() => fetchFailures.Add(1);

    public void PageAnswered(string page, bool signedIn, TimeSpan elapsed) =>
        pageDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("page", page),
            new KeyValuePair<string, object?>("signed_in", signedIn));

    public void PageCacheHit(string page) => pageCacheHits.Add(1, new KeyValuePair<string, object?>("page", page));

    public void PageCacheMiss(string page) => pageCacheMisses.Add(1, new KeyValuePair<string, object?>("page", page));

    /// <summary>Runs <paramref name="ingest"/> and records its outcome and time, a failure too.</summary>
    public async Task<IngestOutcome> MeasureIngestAsync(Func<Task<IngestOutcome>> ingest)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        var started = Stopwatch.GetTimestamp();
        IngestOutcome? outcome = null;
        try
        {
            outcome = await ingest();
            return outcome;
        }
        finally
        {
            Ingested(outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
