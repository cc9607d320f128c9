using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Prints the HTML report to PDF with headless Chromium, the browser the report's print stylesheet is written for.
/// Offered only where the executable exists (<see cref="IsAvailable"/>). One print runs at a time: a browser takes
/// hundreds of megabytes, and the server has other work.
/// </summary>
public sealed class PdfPrinter(IOptions<ReportsOptions> options, ILogger<PdfPrinter> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public string ChromiumPath => options.Value.ChromiumPath;

    public bool IsAvailable => File.Exists(ChromiumPath);

    /// <summary>
    /// Writes the HTML with <paramref name="writeHtml"/> to a temp file, prints it, and returns the PDF as a stream
    /// that deletes its file when closed.
    /// </summary>
    public async Task<Stream> PrintAsync(Func<Stream, CancellationToken, Task> writeHtml, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writeHtml);
        if (!IsAvailable)
        {
            throw new PdfPrintException($"PDF needs Chromium on the server, and {ChromiumPath} does not exist (setting Reports:ChromiumPath).");
        }

        var folder = Directory.CreateTempSubdirectory("policytracker-pdf-").FullName;
        try
        {
            var html = Path.Combine(folder, "report.html");
            await using (var file = File.Create(html))
            {
                await writeHtml(file, ct);
            }

            var pdf = Path.Combine(folder, "report.pdf");
            await gate.WaitAsync(ct);
            try
            {
                await RunChromiumAsync(html, pdf, Path.Combine(folder, "profile"), ct);
            }
            finally
            {
                gate.Release();
            }

            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                throw new PdfPrintException("Chromium finished without writing the PDF.");
            }

            // Moved out of the work folder so the folder can go now and the PDF when its reader is done with it.
            var kept = Path.Combine(Path.GetTempPath(), $"policytracker-{Guid.NewGuid():N}.pdf");
            File.Move(pdf, kept);
            return new FileStream(kept, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task RunChromiumAsync(string html, string pdf, string profile, CancellationToken ct)
    {
        var start = new ProcessStartInfo(ChromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // A throwaway profile and no background traffic: the print reads one local file and nothing else.
        // --no-sandbox because servers and containers often run as root, where Chromium's sandbox refuses to start.
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--no-pdf-header-footer",
            $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        var watch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PdfPrintException($"Chromium at {ChromiumPath} could not be started: {ex.Message}", ex);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var timeout = TimeSpan.FromSeconds(options.Value.PdfTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            throw new PdfPrintException($"Chromium did not finish the PDF within {timeout.TotalSeconds:0} s (setting Reports:PdfTimeoutSeconds).");
        }

        if (process.ExitCode != 0)
        {
            string detail;
            lock (errors)
            {
                detail = errors.ToString().Trim();
            }

            logger.LogWarning("Chromium exited with {ExitCode} printing a report: {Errors}", process.ExitCode, detail);
            throw new PdfPrintException($"Chromium exited with code {process.ExitCode} while printing the PDF.");
        }

        logger.LogInformation("Printed a report to PDF in {Milliseconds} ms", watch.ElapsedMilliseconds);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's profile may still be settling; it is a temp folder, not worth failing a print over.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

/// <summary>Printing a PDF failed, with a reason a person can act on.</summary>
public sealed class PdfPrintException : Exception
{
    public PdfPrintException()
    {
    }

    public PdfPrintException(string message)
        : base(message)
    {
    }

    public PdfPrintException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
