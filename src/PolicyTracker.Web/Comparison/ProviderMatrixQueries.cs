using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Charts;
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
        return await BuildAsync(query, kinds, await comparisons.CompareAsync(kinds, ct), ct);
    }

    /// <summary>
    /// The matrix of a comparison already built for <paramref name="filter"/>, as the report has one: rows for the
    /// topics the filter names when it names any (else every catalog topic), columns for the subjects the comparison holds.
    /// </summary>
    public async Task<MatrixResult> BuildAsync(MatrixQuery query, ReportFilter filter, ComparisonModel comparison, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(comparison);

        // Read whole from the Kind index, as the Compare page does: a few thousand short rows at most.
        var sourceKinds = await db.Sources.AsNoTracking()
            .Select(s => new { s.Id, s.Kind })
            .ToDictionaryAsync(s => s.Id, s => s.Kind, ct);
        var topics = catalog.Topics.Select(t => t.Key).Where(t => filter.Topics.Count == 0 || filter.Topics.Contains(t, StringComparer.Ordinal));
        var matrix = ProviderMatrix.Build(comparison, sourceKinds, time.GetUtcNow(), query, topics);
        return new MatrixResult(matrix, comparison.Subjects, filter, sourceKinds);
    }

    /// <summary>The charts drawn from <paramref name="matrix"/>, with this app's topic catalog.</summary>
    public ProviderCharts Charts(ProviderMatrix matrix) => ProviderCharts.From(matrix, catalog);
}
