using System.Diagnostics;
using System.Net;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Export;

/// <summary>
/// Runs only where the server can print: Chromium, and poppler's pdftotext to read the result. Both are installed by
/// scripts/install-test-deps.sh, so on CI it always runs; elsewhere it says what is missing instead of failing.
/// </summary>
public sealed class PdfFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public PdfFactAttribute()
    {
        var missing = new[] { Chromium, "/usr/bin/pdftotext", "/usr/bin/pdfinfo" }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"needs {string.Join(" and ", missing)}: run scripts/install-test-deps.sh";
        }
    }
}

public sealed class PdfExportTests(ReportApp app) : IClassFixture<ReportApp>
{
    [PdfFact]
    public async Task Pdf_Report_HasPagesWithTheReportsText()
    {
        // Act
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync("/Export/Download?format=pdf&subject=acme");

        // Assert
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var path = Path.Combine(app.Root, "report.pdf");
        await File.WriteAllBytesAsync(path, bytes);

        var info = await RunAsync("pdfinfo", path);
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // The summary, then a page break before the subject and another before the sources.
        Assert.True(pages >= 3, $"{pages} pages");
        var text = await RunAsync("pdftotext", "-layout", path, "-");
        var pageTexts = text.Split('\f');
        Assert.Contains("Comparison report", pageTexts[0], StringComparison.Ordinal);
        Assert.Contains("Summary", pageTexts[0], StringComparison.Ordinal);
        Assert.Contains(pageTexts.Skip(1), p => p.Contains("acme", StringComparison.Ordinal) && p.Contains("training.default", StringComparison.Ordinal));
        Assert.Contains("Confirmed by an editor", text, StringComparison.Ordinal);
        Assert.Contains("Acme trains on your chats unless you opt out.", text, StringComparison.Ordinal);
        Assert.Contains("Checked against the policy of 2025-09-28", text, StringComparison.Ordinal);
        Assert.Contains("Sources", pageTexts.Last(p => p.Trim().Length > 0), StringComparison.Ordinal);
    }

    [PdfFact]
    public async Task ExportPage_WithChromium_OffersPdf()
    {
        // Act
        var page = await app.GetDocumentAsync("/Export");

        // Assert
        Assert.NotNull(page.QuerySelector("button[name=format][value=pdf]"));
        Assert.Null(page.QuerySelector("#pdf-unavailable"));
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {error}");
        return output;
    }
}

public sealed class ExportPageTests(ReportApp app) : IClassFixture<ReportApp>
{
    [Fact]
    public async Task ExportPage_ListsEveryFilterAndFormat()
    {
        // Act
        var page = await app.GetDocumentAsync("/Export");

        // Assert
        Assert.Equal(["acme", "globex", "initech"], page.QuerySelectorAll("input[name=subject]").Select(i => i.GetAttribute("value")));
        Assert.Contains("training.default", page.QuerySelectorAll("input[name=topic]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["Unreviewed", "Verified", "Contradicted", "Disputed", "NotApplicable"], page.QuerySelectorAll("input[name=status]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["Article", "Guide", "OfficialPolicy"], page.QuerySelectorAll("input[name=kind]").Select(i => i.GetAttribute("value")));
        var formats = page.QuerySelectorAll("button[name=format]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Subset(formats.ToHashSet(), new HashSet<string?> { "html", "md", "csv", "json", "claimreview" });
        Assert.All(page.QuerySelectorAll("button[name=format]"), b => Assert.Equal("/Export/Download", b.GetAttribute("formaction")));
        Assert.Equal("get", page.QuerySelector("form.export-form")!.GetAttribute("method"));
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Export");
    }

    [Fact]
    public async Task ExportPage_Filtered_KeepsChoiceAndCountsScope()
    {
        // Act
        var page = await app.GetDocumentAsync("/Export?subject=acme&status=Verified&status=Contradicted");

        // Assert
        Assert.Equal(["acme"], page.QuerySelectorAll("input[name=subject][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["Verified", "Contradicted"], page.QuerySelectorAll("input[name=status][checked]").Select(i => i.GetAttribute("value")));
        Assert.Contains("In scope: 2 claims from 2 sources, 2 reviewed", System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("#scope-count")!.TextContent, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportPage_UnknownStatus_SaysSo()
    {
        // Act
        var page = await app.GetDocumentAsync("/Export?status=Maybe");

        // Assert
        Assert.Contains("unknown status 'Maybe'", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class NoChromiumExportTests(NoChromiumReportApp app) : IClassFixture<NoChromiumReportApp>
{
    [Fact]
    public async Task ExportPage_WithoutChromium_SaysPdfNeedsChromiumInsteadOfAButton()
    {
        // Act
        var page = await app.GetDocumentAsync("/Export");

        // Assert
        Assert.Null(page.QuerySelector("button[name=format][value=pdf]"));
        Assert.Contains("needs Chromium on the server", page.QuerySelector("#pdf-unavailable")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("button[name=format][value=html]"));
    }

    [Fact]
    public async Task DownloadPdf_WithoutChromium_ServiceUnavailableWithReason()
    {
        // Act
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync("/Export/Download?format=pdf");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("PDF needs Chromium", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
