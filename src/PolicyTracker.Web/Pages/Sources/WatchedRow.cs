using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>A watched source as the Sources page lists it: where from, how often, and how its last fetch went.</summary>
public sealed record WatchedRow(
    string Name, string Url, TimeSpan Interval, DateTimeOffset? LastFetchAt, FetchStatus? LastStatus, string? LastError,
    DateTimeOffset NextFetchAt, long? SourceId)
{
    public string Every => WatchInterval.Format(Interval);

    public string Status => FetchStatusText.For(LastStatus);

    public bool Failing => LastStatus == FetchStatus.Failed;

    public static async Task<IReadOnlyList<WatchedRow>> ListAsync(PolicyDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.WatchedSources.AsNoTracking()
            .OrderBy(w => w.Name)
            .Select(w => new
            {
                w.Name, w.Url, w.IntervalSeconds, w.LastFetchAt, w.LastStatus, w.LastError, w.NextFetchAt,
                SourceId = db.Sources.Where(s => s.FileName == w.Name).Select(s => (long?)s.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new WatchedRow(
            r.Name, r.Url, TimeSpan.FromSeconds(r.IntervalSeconds), r.LastFetchAt, r.LastStatus, r.LastError, r.NextFetchAt, r.SourceId))];
    }
}
