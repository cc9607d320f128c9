using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Comparison;

/// <summary>Contradictions and corroborations among the stored claims, for the export and the pages.</summary>
public sealed class ContradictionQueries(PolicyDbContext db)
{
    public async Task<ComparisonResult> CompareAllAsync(CancellationToken ct)
    {
        var claims = await db.Claims.AsNoTracking()
            .Select(c => new ComparableClaim(c.Id, c.Source!.FileName, c.Subject, c.Topic, c.Scope, c.Value))
            .ToListAsync(ct);
        return ClaimComparer.Compare(claims);
    }
}
