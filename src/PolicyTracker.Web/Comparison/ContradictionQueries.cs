using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Comparison;

/// <summary>
/// Loads the stored claims and builds the one <see cref="ComparisonModel"/> the pages, the exports and the API present.
/// The comparison reads every claim, so it is kept in <see cref="ComparisonCache"/> and rebuilt only when the stored
/// claims have changed.
/// </summary>
public sealed class ContradictionQueries(PolicyDbContext db, ComparisonCache cache)
{
    /// <summary>The comparison of the claims as stored now.</summary>
    public async Task<ComparisonModel> CompareAsync(CancellationToken ct)
    {
        var stamp = await StampAsync(ct);
        return await cache.GetAsync(stamp, LoadAsync, ct);
    }

    /// <summary>
    /// The comparison of the claims an export covers. Contradictions are per subject and topic, so a filter on those
    /// alone only picks findings of the whole comparison and is cut from the cached one; a filter on status or source
    /// kind changes which claims disagree, so those claims are compared on their own.
    /// </summary>
    public async Task<ComparisonModel> CompareAsync(ReportFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return await CompareAsync(ct);
        }

        var changes = (await LoadChangesAsync(ct)).Where(c => filter.Includes(c.Subject, c.Topic)).ToList();
        if (filter.ByKeysOnly)
        {
            var all = await CompareAsync(ct);
            return ComparisonModel.Build([.. all.Claims.Where(c => filter.Includes(c.Subject, c.Topic))], changes);
        }

        var claims = await filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking())
            .Select(c => new ComparableClaim(c.Id, c.SourceId, c.Source!.FileName, c.Subject, c.Topic, c.Scope, c.Value))
            .ToListAsync(ct);
        return ComparisonModel.Build(claims, changes);
    }

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
    private async Task<ComparisonModel> LoadAsync(CancellationToken ct)
    {
        var names = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.FileName }).ToDictionaryAsync(s => s.Id, s => s.FileName, ct);
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

        return ComparisonModel.Build(claims, await LoadChangesAsync(ct), suggestions);

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

/// <summary>
/// A cheap fingerprint of the stored claims: the one data version a <see cref="ComparisonModel"/> is stamped with. A
/// different one means the comparison is stale.
/// </summary>
public sealed record ComparisonStamp(long MaxVersionId, long MaxClaimId, long Claims, long Pending);

/// <summary>
/// Holds the last comparison for the whole app. Readers pass the current <see cref="ComparisonStamp"/>;
/// when it differs from the cached one, one of them recomputes while the others wait for its result.
/// </summary>
public sealed class ComparisonCache : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Entry? current;

    public async Task<ComparisonModel> GetAsync(
        ComparisonStamp stamp, Func<CancellationToken, Task<ComparisonModel>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (current is { } hit && hit.Stamp == stamp)
        {
            return hit.Model;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Stamp == stamp)
            {
                return again.Model;
            }

            var model = await load(ct);
            current = new Entry(stamp, model);
            return model;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private sealed record Entry(ComparisonStamp Stamp, ComparisonModel Model);
}
