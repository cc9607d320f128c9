using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Comparison;

/// <summary>
/// Contradictions and corroborations among the stored claims, for the export, the pages and the API.
/// The comparison reads every claim, so it is kept in <see cref="ComparisonCache"/> and recomputed only
/// when the stored claims have changed.
/// </summary>
public sealed class ContradictionQueries(PolicyDbContext db, ComparisonCache cache)
{
    public async Task<ComparisonResult> CompareAllAsync(CancellationToken ct) => (await SnapshotAsync(ct)).Result;

    /// <summary>The comparison of the claims as stored now, with the facts it was computed from.</summary>
    public async Task<ComparisonSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var stamp = await StampAsync(ct);
        return await cache.GetAsync(stamp, LoadAsync, ct);
    }

    /// <summary>
    /// The comparison of the claims an export covers. Contradictions are per subject and topic, so a filter on those
    /// alone only picks findings of the whole comparison and is cut from the cached one; a filter on status or source
    /// kind changes which claims disagree, so those claims are compared on their own.
    /// </summary>
    public async Task<ComparisonSnapshot> SnapshotAsync(ReportFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return await SnapshotAsync(ct);
        }

        if (filter.ByKeysOnly)
        {
            var all = await SnapshotAsync(ct);
            return new ComparisonSnapshot([.. all.Claims.Where(c => filter.Includes(c.Subject, c.Topic))]);
        }

        var claims = await filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking())
            .Select(c => new ClaimFacts(c.Id, c.SourceId, c.Source!.FileName, c.Subject, c.Topic, c.Scope, c.Value))
            .ToListAsync(ct);
        return new ComparisonSnapshot(claims);
    }

    /// <summary>
    /// Every claim's facts, and those of the suggestions waiting. Only claims are compared: the query filter on
    /// <see cref="Claim"/> leaves suggestions out of every read that does not ask for them, this one included. Source names are read once per source rather than joined onto each claim, and the few
    /// distinct subjects, topics, scopes and values are shared instead of kept once per claim: at 100,000 claims that
    /// halves the time to load them and the memory the snapshot holds, and the comparison's grouping hashes fewer strings.
    /// </summary>
    private async Task<ComparisonSnapshot> LoadAsync(CancellationToken ct)
    {
        var names = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.FileName }).ToDictionaryAsync(s => s.Id, s => s.FileName, ct);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = new List<ClaimFacts>();
        var rows = db.Claims.AsNoTracking()
            .Select(c => new { c.Id, c.SourceId, c.Subject, c.Topic, c.Scope, c.Value })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            claims.Add(new ClaimFacts(
                c.Id, c.SourceId, names[c.SourceId], Shared(c.Subject), Shared(c.Topic), Shared(c.Scope), Shared(c.Value)));
        }

        // Suggestions waiting are not compared, but kept beside the claims for the contradictions they would make.
        var suggestions = (await db.Claims.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Suggestion == SuggestionState.Pending)
                .Select(c => new { c.Id, c.SourceId, c.Subject, c.Topic, c.Scope, c.Value })
                .ToListAsync(ct))
            .Select(c => new ClaimFacts(c.Id, c.SourceId, names[c.SourceId], Shared(c.Subject), Shared(c.Topic), Shared(c.Scope), Shared(c.Value)))
            .ToList();

        return new ComparisonSnapshot(claims, suggestions);

        string Shared(string text)
        {
            if (!shared.TryGetValue(text, out var one))
            {
                shared[text] = one = text;
            }

            return one;
        }
    }

    /// <summary>
    /// What changes whenever an ingest commits, in this process or in a command run beside it: every commit that
    /// adds or replaces a source writes a version row, and new claims always get higher ids (both keys autoincrement).
    /// The claim count catches claims removed without either, and the count of suggestions waiting changes with every
    /// accept or reject (each decides one). All four come from indexes (the last from the partial index of pending ids), so this costs well under a millisecond even at
    /// 100,000 claims. Quoted names and COALESCE read the same on SQLite and PostgreSQL.
    /// </summary>
    private Task<ComparisonStamp> StampAsync(CancellationToken ct) =>
        db.Database.SqlQueryRaw<ComparisonStamp>(
                """
                SELECT (SELECT COALESCE(MAX("Id"), 0) FROM "SourceVersions") AS "MaxVersionId",
                       (SELECT COALESCE(MAX("Id"), 0) FROM "Claims") AS "MaxClaimId",
                       (SELECT COUNT(*) FROM "Claims") AS "Claims",
                       (SELECT COUNT(*) FROM "Claims" WHERE "Suggestion" = 'Pending') AS "Pending"
                """)
            .SingleAsync(ct);
}

/// <summary>The fields of a stored claim the comparison and the Compare grid look at.</summary>
public sealed record ClaimFacts(long Id, long SourceId, string Source, string Subject, string Topic, string Scope, string Value);

/// <summary>A cheap fingerprint of the stored claims; a different one means the comparison is stale.</summary>
public sealed record ComparisonStamp(long MaxVersionId, long MaxClaimId, long Claims, long Pending);

/// <summary>
/// Holds the last comparison for the whole app. Readers pass the current <see cref="ComparisonStamp"/>;
/// when it differs from the cached one, one of them recomputes while the others wait for its result.
/// </summary>
public sealed class ComparisonCache : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Entry? current;

    public async Task<ComparisonSnapshot> GetAsync(
        ComparisonStamp stamp, Func<CancellationToken, Task<ComparisonSnapshot>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (current is { } hit && hit.Stamp == stamp)
        {
            return hit.Snapshot;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Stamp == stamp)
            {
                return again.Snapshot;
            }

            var snapshot = await load(ct);
            current = new Entry(stamp, snapshot);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private sealed record Entry(ComparisonStamp Stamp, ComparisonSnapshot Snapshot);
}
