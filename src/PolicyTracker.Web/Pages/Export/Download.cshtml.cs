using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Export;

/// <summary>
/// <c>/Export/Download?format=...</c> with the Export page's filters: the file itself. Every format but PDF is written
/// straight to the response as it is read from the database; a PDF is printed whole first, so a failed print is
/// answered with its reason rather than half a file.
/// </summary>
[EnableRateLimiting(RateLimits.Export)]
public sealed class DownloadModel(ReportExporter exporter, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, string[] subject, string[] topic, string[] status, string[] kind, CancellationToken ct)
    {
        if (!ExportFormats.TryParse(format, out var chosen))
        {
            return BadRequest($"Unknown format '{format}'; the formats are: {string.Join(", ", ExportFormats.Names)}.");
        }

        if (!ReportFilter.TryParse(subject, topic, status, kind, out var filter, out var error))
        {
            return BadRequest(error ?? "Unknown filter.");
        }

        var fileName = ExportFormats.FileName(chosen, time.GetUtcNow());
        if (chosen != ExportFormat.Pdf)
        {
            return new ExportFileResult(chosen, fileName, (body, token) => exporter.WriteAsync(chosen, filter, body, token));
        }

        if (!exporter.CanPrintPdf)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, "PDF needs Chromium on the server; open the HTML report and print it from the browser instead.");
        }

        try
        {
            var pdf = await exporter.PrintPdfAsync(filter, ct);
            return File(pdf, ExportFormats.ContentType(ExportFormat.Pdf), fileName);
        }
        catch (PdfPrintException ex)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, ex.Message);
        }
    }
}
