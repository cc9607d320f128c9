using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Charts;
using PolicyTracker.Web.Components;
using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Comparison;

/// <summary>
/// Builds the one <see cref="ProviderMatrix"/> the Providers page, its CSV and <c>/api/providers</c> present: from the
/// cached comparison, or, when source kinds are chosen, from a comparison of those sources' claims alone (as an export
/// filtered by kind is), since leaving sources out changes who disagrees.
/// </summary>
public sealed class ProviderMatrixQueries(ContradictionQueries comparisons, TopicCatalog catalog, TimeProvider time)
{
    public async Task<MatrixResult> BuildAsync(MatrixQuery query, ReportFilter kinds, CancellationToken ct) =>
        (await ViewAsync(query, kinds, ct)).Result;

    /// <summary>
    /// The matrix and its charts for <paramref name="query"/> and the source kinds <paramref name="kinds"/> chooses,
    /// arranged and rendered once per comparison snapshot and day and shared by every reader, since they hold nothing
    /// per user: at 100,000 claims arranging a matrix takes tens of milliseconds, comparing one kind's claims on their
    /// own about a hundred, and rendering the whole matrix (half a megabyte of HTML) ten or more.
    /// </summary>
    public async Task<ProviderView> ViewAsync(MatrixQuery query, ReportFilter kinds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(kinds);
        var snapshot = await comparisons.SnapshotAsync(ct);
        var today = Today();
        return await snapshot.ViewAsync(new ViewKey(today, Describe(query, kinds)), async () =>
        {
            // One comparison per choice of kinds (seven at most), whatever families or subjects are shown from it.
            var comparison = await snapshot.ViewAsync(
                Describe(MatrixQuery.All, kinds),
                () => Task.FromResult(ContradictionQueries.Compare(snapshot, kinds)),
                CancellationToken.None);
            var result = Arrange(query, kinds, comparison, snapshot, today);
            var charts = Charts(result.Matrix);
            var matrixHtml = await StaticHtml.RenderAsync<ProviderMatrixTable>(
                StaticHtml.PageServices,
                new Dictionary<string, object?>
                {
                    [nameof(ProviderMatrixTable.Matrix)] = result.Matrix,
                    [nameof(ProviderMatrixTable.CellUrl)] = (Func<MatrixCell, string>)result.ClaimsUrl,
                });
            var chartsHtml = await StaticHtml.RenderAsync<ProviderChartFigures>(
                StaticHtml.PageServices, new Dictionary<string, object?> { [nameof(ProviderChartFigures.Charts)] = charts });
            return new ProviderView(result, charts, new HtmlString(matrixHtml), new HtmlString(chartsHtml));
        }, ct);
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
        var snapshot = await comparisons.SnapshotAsync(ct);
        return Arrange(query, filter, comparison, snapshot, Today());
    }

    /// <summary>The charts drawn from <paramref name="matrix"/>, with this app's topic catalog.</summary>
    public ProviderCharts Charts(ProviderMatrix matrix) => ProviderCharts.From(matrix, catalog);

    /// <summary>The day (UTC) a matrix is arranged for and kept for.</summary>
    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Recent is counted from the start of <paramref name="today"/> (UTC), the date the legend names, so a matrix is
    /// the same whenever in the day it is arranged and can be kept for the day.
    /// </summary>
    private MatrixResult Arrange(MatrixQuery query, ReportFilter filter, ComparisonModel comparison, ComparisonSnapshot snapshot, DateOnly today)
    {
        var topics = catalog.Topics.Select(t => t.Key).Where(t => filter.Topics.Count == 0 || filter.Topics.Contains(t, StringComparer.Ordinal));
        var now = new DateTimeOffset(today, TimeOnly.MinValue, TimeSpan.Zero);
        var matrix = ProviderMatrix.Build(comparison, snapshot.SourceKinds, now, query, topics);
        return new MatrixResult(matrix, comparison.Subjects, filter, snapshot.SourceKinds);
    }

    /// <summary>
    /// Everything that decides a matrix, as one query string: URL-encoded, so no family, subject or kind can run into
    /// the next, and in ordinal order, since the order they were asked in changes nothing.
    /// </summary>
    private static string Describe(MatrixQuery query, ReportFilter filter)
    {
        var pairs = query.Families.Select(f => new KeyValuePair<string, string?>("family", f))
            .Concat(query.Subjects.Select(s => new KeyValuePair<string, string?>("column", s)))
            .Concat(filter.ToQuery())
            .Append(new("sort", query.Sort.ToString()))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return QueryHelpers.AddQueryString("", pairs);
    }

    private sealed record ViewKey(DateOnly Day, string Query);
}

/// <summary>One matrix and the charts drawn from it, as the Providers page shows them.</summary>
/// <param name="Result">The matrix.</param>
/// <param name="Charts">Its charts.</param>
/// <param name="MatrixHtml">The matrix as <see cref="ProviderMatrixTable"/> renders it, each cell linking to its claims.</param>
/// <param name="ChartsHtml">The charts as <see cref="ProviderChartFigures"/> renders them.</param>
public sealed record ProviderView(MatrixResult Result, ProviderCharts Charts, HtmlString MatrixHtml, HtmlString ChartsHtml);
