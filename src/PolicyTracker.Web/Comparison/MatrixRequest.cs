using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Comparison;

/// <summary>
/// The Providers page's query string, which <c>/api/providers</c> and the matrix CSV take too: <c>family</c>,
/// <c>subject</c> and <c>kind</c>, each repeatable or comma-separated (kinds in the export's words), and <c>sort</c>
/// (<c>claims</c>, the default, or <c>name</c>).
/// </summary>
public sealed class MatrixRequest
{
    public string[]? Family { get; set; }

    public string[]? Subject { get; set; }

    public string[]? Kind { get; set; }

    public string? Sort { get; set; }

    /// <summary>
    /// Reads the request into what the matrix shows (<paramref name="query"/>) and which source kinds are compared
    /// (<paramref name="kinds"/>, as an export filter so the comparison is built the way an export's is).
    /// </summary>
    public bool TryParse(out MatrixQuery query, out ReportFilter kinds, out string? error)
    {
        query = MatrixQuery.All;
        if (!ReportFilter.TryParse([], [], [], Kind ?? [], out kinds, out error))
        {
            return false;
        }

        MatrixSort sort;
        if (string.IsNullOrWhiteSpace(Sort))
        {
            sort = MatrixSort.Claims;
        }
        else if (!Enum.TryParse(Sort.Trim(), ignoreCase: true, out sort) || !Enum.IsDefined(sort))
        {
            error = $"unknown sort '{Sort}'; the sorts are: claims, name";
            return false;
        }

        query = new MatrixQuery(Words(Family), Words(Subject), sort);
        return true;
    }

    /// <summary>Families, subjects and kinds chosen now.</summary>
    public IReadOnlyList<string> Families => Words(Family);

    public IReadOnlyList<string> Subjects => Words(Subject);

    public IReadOnlyList<string> Kinds => Words(Kind);

    /// <summary>The Providers page (or its CSV) with these filters and <paramref name="sort"/> instead of the current sort.</summary>
    public string Url(string? sort = null, string? handler = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        pairs.AddRange(Families.Select(f => new KeyValuePair<string, string?>("family", f)));
        pairs.AddRange(Subjects.Select(s => new KeyValuePair<string, string?>("subject", s)));
        pairs.AddRange(Kinds.Select(k => new KeyValuePair<string, string?>("kind", k)));
        var chosenSort = sort ?? Sort;
        if (!string.IsNullOrWhiteSpace(chosenSort))
        {
            pairs.Add(new("sort", chosenSort.Trim().ToLowerInvariant()));
        }

        if (handler is not null)
        {
            pairs.Add(new("handler", handler));
        }

        return QueryHelpers.AddQueryString("/Providers", pairs);
    }

    /// <summary>
    /// Where a cell's claims are listed: the Claims page filtered to its subject and topic, and to the one source kind
    /// compared when exactly one is.
    /// </summary>
    public static string ClaimsUrl(string subject, string topic, ReportFilter kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["subject"] = subject, ["topic"] = topic };
        if (kinds.Kinds is [var kind])
        {
            query["kind"] = kind.ToString();
        }

        return QueryHelpers.AddQueryString("/Claims", query);
    }

    // Lower-case like subjects and topic keys, so "Training" and "training" choose the same family.
    private static string[] Words(string[]? values) =>
    [
        .. (values ?? [])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLower(CultureInfo.InvariantCulture))
            .Distinct(StringComparer.Ordinal),
    ];
}

/// <summary>One matrix, the comparison it was arranged from, and how its source kinds were chosen.</summary>
/// <param name="Matrix">What the page, the CSV and the API present.</param>
/// <param name="Subjects">Every subject the comparison knows, for choosing among them.</param>
/// <param name="Kinds">The source kinds compared (empty for all).</param>
/// <param name="SourceKinds">Each source's kind.</param>
public sealed record MatrixResult(ProviderMatrix Matrix, IReadOnlyList<SubjectCount> Subjects, ReportFilter Kinds, IReadOnlyDictionary<long, SourceKind> SourceKinds)
{
    public string ClaimsUrl(MatrixCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return MatrixRequest.ClaimsUrl(cell.Subject, cell.Topic, Kinds);
    }
}
