using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Comparison;

/// <summary>
/// Builds the one <see cref="ProviderMatrix"/> the Providers page, its CSV and <c>/api/providers</c> present: from the
/// cached comparison, or, when source kinds are chosen, from a comparison of those sources' claims alone (as an export
/// filtered by kind is), since leaving sources out changes who disagrees.
/// </summary>
public sealed class ProviderMatrixQueries(PolicyDbContext db, ContradictionQueries comparisons, TopicCatalog catalog, TimeProvider time)
{
    public async Task<MatrixResult> BuildAsync(MatrixQuery query, ReportFilter kinds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(kinds);
        var comparison = await comparisons.CompareAsync(kinds, ct);

        // Read whole from the Kind index, as the Compare page does: a few thousand short rows at most.
        var sourceKinds = await db.Sources.AsNoTracking()
            .Select(s => new { s.Id, s.Kind })
            .ToDictionaryAsync(s => s.Id, s => s.Kind, ct);
        var matrix = ProviderMatrix.Build(comparison, sourceKinds, time.GetUtcNow(), query, catalog.Topics.Select(t => t.Key));
        return new MatrixResult(matrix, comparison.Subjects, kinds, sourceKinds);
    }
}
