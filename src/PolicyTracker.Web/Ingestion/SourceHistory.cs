using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Keeps a source's stored changes in step with its versions. Core's <see cref="ChangeDetector"/> decides what
/// changed; this only loads the versions and writes what it says, inside the ingest's transaction.
/// </summary>
public sealed class SourceHistory(PolicyDbContext db)
{
    /// <summary>
    /// Compares every pair of consecutive versions of the source again and replaces its stored changes. Done whole on
    /// each new version: one that arrives late splits a pair in two, and renumbers every version after it.
    /// </summary>
    public async Task<IReadOnlyList<ClaimChange>> RebuildAsync(long sourceId, string sourceName, CancellationToken ct)
    {
        // Versions stored before versions kept their text and claims cannot be compared, and are passed over.
        var versions = await db.SourceVersions.AsNoTracking()
            .Where(v => v.SourceId == sourceId && v.Text != null && v.Claims != null)
            .OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.ObservedAt, v.Text, v.Claims })
            .ToListAsync(ct);
        var changes = ChangeDetector.Across(
            sourceName,
            [.. versions.Select(v => new VersionSnapshot(v.Version, v.ObservedAt, VersionClaims.Claims(v.Claims, v.Text!)))]);

        await db.SourceChanges.Where(c => c.SourceId == sourceId).ExecuteDeleteAsync(ct);
        db.SourceChanges.AddRange(changes.Select(c => SourceChange.From(sourceId, c)));
        await db.SaveChangesAsync(ct);
        return changes;
    }
}
