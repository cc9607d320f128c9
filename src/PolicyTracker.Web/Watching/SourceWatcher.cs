using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Operations;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Watching;

/// <summary>How one fetch of a watched source ended, in the ingest's wording (<see cref="IngestOutcome.Line"/>).</summary>
public sealed record FetchReport(string Name, FetchStatus Status, string Line, string? Error, PageValidators Validators)
{
    public bool Failed => Status == FetchStatus.Failed;
}

/// <summary>What adding an address did: the line to show, and whether the source is now watched.</summary>
public sealed record WatchResult(string Line, bool Watched);

/// <summary>
/// Watched sources: adding one (fetched straight away), removing one, and fetching one under a lease. Fetched bytes
/// go through <see cref="SourceIngestor"/> like any file, so versions and changes follow from there.
/// </summary>
public sealed class SourceWatcher(
    PolicyDbContext db,
    PageFetcher fetcher,
    SourceIngestor ingestor,
    TimeProvider time,
    IOptions<FetchOptions> fetch,
    IOptions<IngestOptions> ingest,
    AppMetrics metrics,
    ILogger<SourceWatcher> logger)
{
    private const int MaxErrorLength = 1000;

    /// <summary>Due sources fetched per pass; the next pass takes the rest.</summary>
    private const int BatchSize = 100;

    /// <summary>
    /// Long enough for the slowest fetch and ingest the limits allow, so a lease never runs out under a fetch still
    /// going; short enough that a source claimed by an instance that died is fetched again soon after.
    /// </summary>
    private TimeSpan LeaseDuration => fetch.Value.Timeout + TimeSpan.FromSeconds(ingest.Value.ReadTimeoutSeconds) + TimeSpan.FromMinutes(5);

    /// <summary>
    /// Fetches <paramref name="url"/> now and, when the page was stored, watches it every <paramref name="every"/>.
    /// <paramref name="by"/> names the editor who added it, for the history; null from the command line.
    /// </summary>
    public async Task<WatchResult> AddAsync(string url, TimeSpan every, string? name, string? by, CancellationToken ct)
    {
        var (address, problem) = WatchUrl.Parse(url);
        if (address is null)
        {
            return new($"refused {url}: {problem}", false);
        }

        name ??= WatchUrl.DefaultName(address);
        if (IngestAs.CheckSource(name) is { } badName)
        {
            return new($"refused {url}: {badName}", false);
        }

        var absolute = address.AbsoluteUri;
        if (await db.WatchedSources.AsNoTracking().FirstOrDefaultAsync(w => w.Name == name || w.Url == absolute, ct) is { } existing)
        {
            return new($"refused {url}: already watched as {existing.Name} ({existing.Url})", false);
        }

        var report = await FetchAndIngestAsync(name, address, PageValidators.None, by, ct);
        if (report.Failed)
        {
            // Nothing is watched that has never been read: the person adding it sees why at once and can fix the address.
            return new(report.Line, false);
        }

        var watched = new WatchedSource { Name = name, Url = absolute, IntervalSeconds = (long)every.TotalSeconds, AddedAt = time.GetUtcNow() };
        Record(watched, report);
        db.WatchedSources.Add(watched);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DatabaseProviders.IsUniqueViolation(ex))
        {
            return new($"refused {url}: already watched under that name or address", false);
        }

        return new($"{report.Line}; watched every {WatchInterval.Format(every)}", true);
    }

    /// <summary>Stops watching <paramref name="name"/>; the source and its versions stay. False when no source of that name is watched.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken ct) =>
        await db.WatchedSources.Where(w => w.Name == name).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The watched sources a pass may fetch: those named, or those due, that no instance holds.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> CandidatesAsync(string? name, bool dueOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.WatchedSources.AsNoTracking()
            .Where(w => name == null || w.Name == name)
            .Where(w => !dueOnly || (w.NextFetchAt <= now && (w.LeaseUntil == null || w.LeaseUntil < now)))
            .OrderBy(w => w.NextFetchAt)
            .Take(BatchSize)
            .Select(w => new { w.Id, w.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>
    /// Fetches one watched source if this call can claim it (due, when <paramref name="dueOnly"/>, and not held by
    /// another fetch), and records how it went. Null when the source was not claimed.
    /// </summary>
    public async Task<FetchReport?> FetchIfClaimedAsync(long id, bool dueOnly, CancellationToken ct)
    {
        if (await ClaimAsync(id, dueOnly, ct) is not { } lease)
        {
            return null;
        }

        var watched = await db.WatchedSources.AsNoTracking().SingleAsync(w => w.Id == id, ct);
        var report = await FetchAndIngestAsync(watched.Name, new Uri(watched.Url), new PageValidators(watched.ETag, watched.LastModified), null, ct);

        // Only the holder of the lease records: had it run out and another instance fetched since, that record stands.
        db.ChangeTracker.Clear();
        if (await db.WatchedSources.SingleOrDefaultAsync(w => w.Id == id && w.LeaseOwner == lease, ct) is { } held)
        {
            Record(held, report);
            await db.SaveChangesAsync(ct);
        }

        return report;
    }

    /// <summary>
    /// Claims a row with one conditional update: the database lets exactly one of several instances racing for it
    /// see one row changed (PostgreSQL re-checks the condition on the row the winner committed; SQLite has one writer).
    /// </summary>
    private async Task<string?> ClaimAsync(long id, bool dueOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? until = now + LeaseDuration;
        var lease = Guid.NewGuid().ToString("N");
        var claimed = await db.WatchedSources
            .Where(w => w.Id == id && (w.LeaseUntil == null || w.LeaseUntil < now) && (!dueOnly || w.NextFetchAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.LeaseUntil, until).SetProperty(w => w.LeaseOwner, lease), ct);
        return claimed == 1 ? lease : null;
    }

    private async Task<FetchReport> FetchAndIngestAsync(string name, Uri url, PageValidators validators, string? by, CancellationToken ct)
    {
        var page = await fetcher.FetchAsync(url, validators, ct);
        var report = page switch
        {
            FetchedPage.Page fetched => await IngestAsync(name, fetched, validators, by, ct),
            FetchedPage.NotModified => new FetchReport(name, FetchStatus.NotModified, $"unchanged {name}: not modified since the last fetch", null, validators),
            FetchedPage.Failed failed => Failure(name, failed.Reason, validators),
            _ => throw new InvalidOperationException($"unknown fetch result {page.GetType().Name}"),
        };
        if (report.Failed)
        {
            metrics.FetchFailed();
            logger.LogWarning("Fetch of {Source} from {Url} failed: {Reason}", name, url, report.Error);
        }
        else
        {
            logger.LogInformation("Fetched {Source} from {Url}: {Status}", name, url, report.Status);
        }

        return report;
    }

    private async Task<FetchReport> IngestAsync(string name, FetchedPage.Page page, PageValidators previous, string? by, CancellationToken ct)
    {
        IngestOutcome outcome;
        try
        {
            outcome = await ingestor.IngestAsync(page.FileName, page.Bytes, new IngestAs(name, By: by), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ingest rolled back; the source keeps its last version and the next fetch tries again.
            logger.LogError(ex, "Ingest of fetched {Source} failed", name);
            return Failure(name, IngestOutcome.Rejected.ServerError, previous);
        }

        var validators = new PageValidators(page.ETag, page.LastModified);
        return outcome switch
        {
            IngestOutcome.Added => new(name, FetchStatus.Added, outcome.Line, null, validators),
            IngestOutcome.NewVersion => new(name, FetchStatus.NewVersion, outcome.Line, null, validators),
            IngestOutcome.Unchanged => new(name, FetchStatus.Unchanged, outcome.Line, null, validators),
            IngestOutcome.Rejected rejected => new(name, FetchStatus.Failed, outcome.Line, rejected.Reason, previous),
            _ => throw new InvalidOperationException($"unknown ingest outcome {outcome.GetType().Name}"),
        };
    }

    private static FetchReport Failure(string name, string reason, PageValidators previous) =>
        new(name, FetchStatus.Failed, $"failed {name}: {reason}", reason, previous);

    /// <summary>Stores how a fetch went and when the next is due, and frees the lease.</summary>
    private void Record(WatchedSource watched, FetchReport report)
    {
        var now = time.GetUtcNow();
        watched.LastFetchAt = now;
        watched.LastStatus = report.Status;
        watched.LastError = report.Error is { } error && error.Length > MaxErrorLength ? error[..MaxErrorLength] : report.Error;
        watched.Failures = report.Failed ? watched.Failures + 1 : 0;
        watched.NextFetchAt = now + (report.Failed ? FetchBackoff.After(watched.Failures, watched.Interval, Random.Shared) : watched.Interval);
        watched.ETag = report.Validators.ETag;
        watched.LastModified = report.Validators.LastModified;
        watched.LeaseUntil = null;
        watched.LeaseOwner = null;
    }
}
