using System.Globalization;
using System.Text;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Web.Comparison;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Writes the providers matrix as CSV, one row per subject and topic in the order the page shows them, with the
/// claims CSV's conventions: UTF-8 with a byte order mark, CRLF, RFC 4180 quoting and formula-looking fields
/// neutralised (<see cref="CsvClaimWriter.Field"/>). The matrix is small (subjects times topics), so it is built whole.
/// </summary>
public static class CsvMatrixWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "family", "topic", "subject", "value", "official", "agreeingSources", "sources", "claims", "otherValues", "verdict",
        "disputed", "selfContradiction", "changedRecently", "noStatement", "claimsUrl",
    ];

    public static string Write(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = CsvClaimWriter.Header(new StringBuilder(), Columns);
        foreach (var row in result.Matrix.Rows)
        {
            foreach (var cell in row.Cells)
            {
                CsvClaimWriter.Field(csv, row.Family).Append(',');
                CsvClaimWriter.Field(csv, row.Topic).Append(',');
                CsvClaimWriter.Field(csv, cell.Subject).Append(',');
                CsvClaimWriter.Field(csv, cell.Shown?.Value).Append(',');
                csv.Append(Bool(cell.ShownIsOfficial)).Append(',');
                csv.Append(cell.Agreeing.ToString(CultureInfo.InvariantCulture)).Append(',');
                csv.Append(cell.SourceCount.ToString(CultureInfo.InvariantCulture)).Append(',');
                csv.Append(cell.ClaimCount.ToString(CultureInfo.InvariantCulture)).Append(',');
                CsvClaimWriter.Field(csv, string.Join("; ", cell.Others.Select(Describe))).Append(',');
                CsvClaimWriter.Field(csv, cell.Verdict?.ToString()).Append(',');
                csv.Append(Bool(cell.Disputed)).Append(',');
                csv.Append(Bool(cell.SelfContradiction)).Append(',');
                csv.Append(Bool(cell.ChangedRecently)).Append(',');
                csv.Append(Bool(cell.NoStatement)).Append(',');
                CsvClaimWriter.Field(csv, result.ClaimsUrl(cell)).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>An other value as "value (N sources, M official)", so one field holds all of them readably.</summary>
    private static string Describe(MatrixValue value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Value} ({value.Sources} sources, {value.OfficialSources} official)");

    private static string Bool(bool value) => value ? "true" : "false";
}
