using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The version of everything a list shows, which the caches of rendered pages and of claim totals are keyed by: every
/// ingest that adds or replaces a source writes a version row (a replace that only removes claims too), new claims get
/// higher ids, and every tag, review, accept, reject or account change writes an audit entry. Three index lookups,
/// with no count: counting 100,000 claims on every request would cost more than the caches save on PostgreSQL. Read
/// from the database on each request, so a change made through another instance or a command counts at once.
/// </summary>
public static class DataVersion
{
    public static async Task<string> ReadAsync(PolicyDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.Database.SqlQueryRaw<Stamp>(
                """
                SELECT (SELECT COALESCE(MAX("Id"), 0) FROM "SourceVersions") AS "MaxVersionId",
                       (SELECT COALESCE(MAX("Id"), 0) FROM "Claims") AS "MaxClaimId",
                       (SELECT COALESCE(MAX("Id"), 0) FROM "AuditEntries") AS "MaxAuditId"
                """)
            .SingleAsync(ct);
        return $"{version.MaxVersionId}.{version.MaxClaimId}.{version.MaxAuditId}";
    }

    private sealed record Stamp(long MaxVersionId, long MaxClaimId, long MaxAuditId);
}
