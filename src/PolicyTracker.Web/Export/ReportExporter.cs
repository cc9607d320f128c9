using System.Text;

namespace PolicyTracker.Web.Export;

/// <summary>Writes one export in any format: the one entry point the Export page and the <c>export</c> command share.</summary>
public sealed class ReportExporter(JsonExporter json, CsvClaimWriter csv, ClaimReviewWriter claimReviews, ReportQuery reports, PdfPrinter pdf)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public bool CanPrintPdf => pdf.IsAvailable;

    /// <summary>Writes every format but PDF, which is printed first and copied after (see <see cref="PrintPdfAsync"/>).</summary>
    public async Task WriteAsync(ExportFormat format, ReportFilter filter, Stream output, CancellationToken ct)
    {
        switch (format)
        {
            case ExportFormat.Json:
                await json.ExportAsync(filter, output, ct);
                break;
            case ExportFormat.Csv:
                await csv.WriteAsync(filter, output, ct);
                break;
            case ExportFormat.ClaimReview:
                await claimReviews.WriteAsync(filter, output, ct);
                break;
            case ExportFormat.Html or ExportFormat.Markdown:
                await WriteReportAsync(format, filter, output, ct);
                break;
            case ExportFormat.Pdf:
                await using (var printed = await PrintPdfAsync(filter, ct))
                {
                    await printed.CopyToAsync(output, ct);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format");
        }
    }

    /// <summary>
    /// The HTML report printed to PDF, as a stream to copy out; printed in full before any byte is sent, so a failed
    /// print can still be answered with its reason instead of half a file.
    /// </summary>
    public Task<Stream> PrintPdfAsync(ReportFilter filter, CancellationToken ct) =>
        pdf.PrintAsync((file, token) => WriteReportAsync(ExportFormat.Html, filter, file, token), ct);

    private async Task WriteReportAsync(ExportFormat format, ReportFilter filter, Stream output, CancellationToken ct)
    {
        var report = await reports.BuildAsync(filter, ct);
        await using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        if (format == ExportFormat.Html)
        {
            await HtmlReportWriter.WriteAsync(report, writer, ct);
        }
        else
        {
            await MarkdownReportWriter.WriteAsync(report, writer, ct);
        }
    }
}
