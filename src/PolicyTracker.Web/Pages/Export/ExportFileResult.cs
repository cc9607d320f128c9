using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Hosting;

namespace PolicyTracker.Web.Pages.Export;

/// <summary>
/// An export written straight into the response body as it is produced, so a 100,000-claim CSV never sits in memory.
/// The HTML report opens in the browser (inline); the other formats download as files.
/// </summary>
internal sealed class ExportFileResult(ExportFormat format, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = ExportFormats.ContentType(format);
        var disposition = new ContentDispositionHeaderValue(format == ExportFormat.Html ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        if (format == ExportFormat.Html)
        {
            // The report quotes untrusted sources; it is escaped already, and this keeps it from running or fetching
            // anything even if an escape were ever missed. Only its own inline stylesheet is allowed.
            response.Headers.ContentSecurityPolicy =
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; " + SecurityHeaders.FrameAncestors;
        }

        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
