using PolicyTracker.Core.Comparison;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Api;

/// <summary>
/// The providers matrix as <c>/api/providers</c> writes it: the subjects as columns, then the rows by topic family,
/// each cell as the matrix decided it.
/// </summary>
/// <param name="Subjects">The columns in order, each with its number of claims.</param>
/// <param name="RecentSince">A change on or after this date counts as recent (<c>YYYY-MM-DD</c>).</param>
/// <param name="Rows">One row per topic, grouped by family.</param>
public sealed record ProviderMatrixJson(IReadOnlyList<MatrixSubjectJson> Subjects, string RecentSince, IReadOnlyList<MatrixRowJson> Rows);

/// <summary>A column: a subject and how many claims are about it.</summary>
public sealed record MatrixSubjectJson(string Subject, int Claims);

/// <summary>A topic across the subjects, in column order.</summary>
public sealed record MatrixRowJson(string Family, string Topic, IReadOnlyList<MatrixCellJson> Cells);

/// <summary>A value a source gives: how many sources give it, how many of them are the provider's own policy.</summary>
public sealed record MatrixValueJson(string Value, int Sources, int OfficialSources);

/// <summary>
/// One subject and topic. <paramref name="Value"/> is what the provider's own policy states (<paramref name="Official"/>)
/// or else what most sources state, null with <paramref name="NoStatement"/> when no source states the topic;
/// <paramref name="Verdict"/> is the comparison's (<c>Disagree</c>, <c>Agree</c>, <c>OtherScope</c>, <c>Alone</c>) or null.
/// </summary>
public sealed record MatrixCellJson(
    string Subject,
    string? Value,
    bool Official,
    int AgreeingSources,
    int Sources,
    int Claims,
    IReadOnlyList<MatrixValueJson> OtherValues,
    string? Verdict,
    bool Disputed,
    bool SelfContradiction,
    bool ChangedRecently,
    bool NoStatement,
    string ClaimsUrl);

/// <summary>The one place the matrix becomes its JSON shape.</summary>
public static class ProviderMatrixJsonMapping
{
    public static ProviderMatrixJson AsDto(this MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var matrix = result.Matrix;
        return new ProviderMatrixJson(
            [.. matrix.Subjects.Select(s => new MatrixSubjectJson(s.Subject, s.Claims))],
            ChangeWords.Date(matrix.RecentSince),
            [.. matrix.Rows.Select(r => new MatrixRowJson(r.Family, r.Topic, [.. r.Cells.Select(c => c.AsDto(result))]))]);
    }

    private static MatrixCellJson AsDto(this MatrixCell cell, MatrixResult result) =>
        new(
            cell.Subject,
            cell.Shown?.Value,
            cell.ShownIsOfficial,
            cell.Agreeing,
            cell.SourceCount,
            cell.ClaimCount,
            [.. cell.Others.Select(v => new MatrixValueJson(v.Value, v.Sources, v.OfficialSources))],
            cell.Verdict?.ToString(),
            cell.Disputed,
            cell.SelfContradiction,
            cell.ChangedRecently,
            cell.NoStatement,
            result.ClaimsUrl(cell));
}
