using System.Globalization;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Web.Comparison;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Writes the providers matrix as CSV, one row per subject and topic in the order the page shows them, with the
/// claims CSV's conventions (<see cref="CsvFormat"/>). The matrix is small (subjects times topics), so it is built whole.
/// </summary>
public static class CsvMatrixWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "family", "topic", "subject", "value", "official", "agreeingSources", "sources", "claims", "otherValues", "verdict",
        "disputed", "selfContradiction", "changedRecently", "noStatement", "claimsUrl",
    ];

    public static async Task<string> WriteAsync(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var output = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = await CsvFormat.StartAsync(output, Columns))
        {
            foreach (var row in result.Matrix.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    csv.WriteField(row.Family);
                    csv.WriteField(row.Topic);
                    csv.WriteField(cell.Subject);
                    csv.WriteField(cell.Shown?.Value);
                    csv.WriteField(CsvFormat.Bool(cell.ShownIsOfficial));
                    csv.WriteField(cell.Agreeing);
                    csv.WriteField(cell.SourceCount);
                    csv.WriteField(cell.ClaimCount);
                    csv.WriteField(string.Join("; ", cell.Others.Select(Describe)));
                    csv.WriteField(cell.Verdict?.ToString());
                    csv.WriteField(CsvFormat.Bool(cell.Disputed));
                    csv.WriteField(CsvFormat.Bool(cell.SelfContradiction));
                    csv.WriteField(CsvFormat.Bool(cell.ChangedRecently));
                    csv.WriteField(CsvFormat.Bool(cell.NoStatement));
                    csv.WriteField(result.ClaimsUrl(cell));
                    await csv.NextRecordAsync();
                }
            }
        }

        return output.ToString();
    }

    /// <summary>An other value as "value (N sources, M official)", so one field holds all of them readably.</summary>
    private static string Describe(MatrixValue value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Value} ({value.Sources} sources, {value.OfficialSources} official)");
}
