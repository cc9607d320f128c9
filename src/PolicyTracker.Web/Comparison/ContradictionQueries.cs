using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Comparison;

/// <summary>
/// Loads the stored claims and builds the one <see cref="ComparisonModel"/> the pages, the exports and the API present.
/// The comparison reads every claim, so it is kept in <see cref="ComparisonCache"/> and rebuilt only when the
/// <see cref="DataVersion"/> has moved.
/// </summary>
public sealed class ContradictionQueries(PolicyDbContext db, ComparisonCache cache)
{
    /// <summary>The comparison of the claims as stored now.</summary>
    public async Task<ComparisonModel> CompareAsync(CancellationToken ct) => (await SnapshotAsync(ct)).Model;

    /// <summary>The comparison of the claims as stored now, with the sources' kinds and the views kept beside it.</summary>
    public async Task<ComparisonSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var version = await DataVersion.ReadAsync(db, ct);
        return await cache.GetAsync(version, LoadAsync, ct);
    }

    /// <summary>
    /// The comparison of the claims an export covers. Contradictions are per subject and topic, so a filter on those
    /// alone only picks findings of the whole comparison; a filter on status or source kind changes which claims
    /// disagree, so those claims are compared on their own.
    /// </summary>
    public async Task<ComparisonModel> CompareAsync(ReportFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return await CompareAsync(ct);
        }

        var snapshot = await SnapshotAsync(ct);
        if (filter.Statuses.Count == 0)
        {
            return Compare(snapshot, filter);
        }

        var claims = await filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking())
            .Select(c => new ComparableClaim(c.Id, c.SourceId, c.Source!.FileName, c.Subject, c.Topic, c.Scope, c.Value))
            .ToListAsync(ct);
        return ComparisonModel.Build(claims, ChangesIn(snapshot, filter));
    }

    /// <summary>
    /// The comparison of the claims <paramref name="filter"/> covers, cut from <paramref name="snapshot"/> in memory:
    /// the claims' subjects, topics and sources' kinds are all there, so no claim is read again. A status is not there;
    /// a filter on it is read from the database (<see cref="CompareAsync(ReportFilter, CancellationToken)"/>).
    /// </summary>
    public static ComparisonModel Compare(ComparisonSnapshot snapshot, ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Statuses.Count > 0)
        {
            throw new ArgumentException("a filter on status is compared from the database", nameof(filter));
        }

        var all = snapshot.Model;
        if (filter.IsEmpty)
        {
            return all;
        }

        var claims = all.Claims.Where(c => filter.Includes(c.Subject, c.Topic) && filter.Includes(snapshot.SourceKinds[c.SourceId]));
        return ComparisonModel.Build([.. claims], ChangesIn(snapshot, filter));
    }

    private static List<ClaimChange> ChangesIn(ComparisonSnapshot snapshot, ReportFilter filter) =>
        [.. snapshot.Model.Changes.Where(c => filter.Includes(c.Subject, c.Topic))];

    /// <summary>
    /// The typed changes between versions of the stored sources, which the comparison attaches to their subjects and
    /// topics as "changed over time". The one place they are loaded for comparing.
    /// </summary>
    private async Task<IReadOnlyList<ClaimChange>> LoadChangesAsync(CancellationToken ct)
    {
        var rows = await db.SourceChanges.AsNoTracking()
            .Select(c => new { Change = c, Name = c.Source!.FileName })
            .ToListAsync(ct);
        return [.. rows.Select(r => r.Change.ToChange(r.Name))];
    }

    /// <summary>
    /// Every claim's comparable fields, and those of the suggestions waiting. Only claims are compared: the query filter on
    /// <see cref="Claim"/> leaves suggestions out of every read that does not ask for them, this one included. Source names are read once per source rather than joined onto each claim, and the few
    /// distinct subjects, topics, scopes and values are shared instead of kept once per claim: at 100,000 claims that
    /// halves the time to load them and the memory the model holds, and the comparison's grouping hashes fewer strings.
    /// </summary>
    private async Task<ComparisonSnapshot> LoadAsync(CancellationToken ct)
    {
        var sources = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.FileName, s.Kind }).ToListAsync(ct);
        var names = sources.ToDictionary(s => s.Id, s => s.FileName);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = new List<ComparableClaim>();
        var rows = db.Claims.AsNoTracking()
            .Select(c => new { c.Id, c.SourceId, c.Subject, c.Topic, c.Scope, c.Value })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            claims.Add(new ComparableClaim(
                c.Id, c.SourceId, names[c.SourceId], Shared(c.Subject), Shared(c.Topic), Shared(c.Scope), Shared(c.Value)));
        }

        // Suggestions waiting are not compared, but kept beside the claims for the contradictions they would make.
        var suggestions = (await db.Claims.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Suggestion == SuggestionState.Pending)
                .Select(c => new { c.Id, c.SourceId, c.Subject, c.Topic, c.Scope, c.Value })
                .ToListAsync(ct))
            .Select(c => new ComparableClaim(c.Id, c.SourceId, names[c.SourceId], Shared(c.Subject), Shared(c.Topic), Shared(c.Scope), Shared(c.Value)))
            .ToList();

        return new ComparisonSnapshot(
            ComparisonModel.Build(claims, await LoadChangesAsync(ct), suggestions), sources.ToDictionary(s => s.Id, s => s.Kind));

        string Shared(string text)
        {
            if (!shared.TryGetValue(text, out var one))
            {
                shared[text] = one = text;
            }

            return one;
        }
    }
}

/// <summary>
/// One comparison and what holds for the same <see cref="DataVersion"/>: each source's kind, and the views worked
/// out from both (the Providers page's matrices and charts, rendered), each on first use. They hold nothing per user,
/// so every reader shares them, and they go when the version moves and a new snapshot replaces this one: one rule for
/// all of them. A write of sources or claims, kinds included, moves the version.
/// </summary>
public sealed class ComparisonSnapshot(ComparisonModel model, IReadOnlyDictionary<long, SourceKind> sourceKinds)
{
    // Views are keyed by what a request asks for, and a request can ask for any list of subjects: past this many, a
    // view is worked out for its request and not kept, so odd requests cannot fill the memory (a view of the whole
    // provider matrix at 100,000 claims holds about 1 MB of HTML).
    private const int MaxViews = 64;

    private readonly ConcurrentDictionary<object, Lazy<Task<object>>> views = new();

    public ComparisonModel Model => model;

    /// <summary>Each source's kind, as the matrix tells the provider's own policy from articles and guides.</summary>
    public IReadOnlyDictionary<long, SourceKind> SourceKinds => sourceKinds;

    /// <summary>
    /// The view <paramref name="key"/> names, made by <paramref name="make"/> once for this snapshot; readers asking
    /// for it meanwhile wait for that one rather than each making it. Keys must be equal by value. The view is made
    /// apart from any request, so a request that goes away leaves it to finish for the others.
    /// </summary>
    public async Task<T> ViewAsync<T>(object key, Func<Task<T>> make, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(make);
        if (!views.TryGetValue(key, out var kept))
        {
            if (views.Count >= MaxViews)
            {
                return await make();
            }

            kept = views.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await make()));
        }

        return (T)await kept.Value.WaitAsync(ct);
    }
}

/// <summary>
/// Holds the last comparison for the whole app. Readers pass the current <see cref="DataVersion"/>;
/// when it differs from the cached one, one of them recomputes while the others wait for its result.
/// </summary>
public sealed class ComparisonCache : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Entry? current;

    public async Task<ComparisonSnapshot> GetAsync(
        long version, Func<CancellationToken, Task<ComparisonSnapshot>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (current is { } hit && hit.Version == version)
        {
            return hit.Snapshot;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Version == version)
            {
                return again.Snapshot;
            }

            var snapshot = await load(ct);
            current = new Entry(version, snapshot);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private sealed record Entry(long Version, ComparisonSnapshot Snapshot);
}
