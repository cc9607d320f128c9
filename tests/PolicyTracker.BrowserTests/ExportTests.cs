using System.Diagnostics;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class ExportTests(BrowserFixture browser)
{
    [Fact]
    public async Task Export_TickSubject_OpensReportOfThatSubjectOnly()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;
        var export = await new ExportScreen(page).OpenAsync();
        await export.TickAsync("Subjects", "anthropic");
        await export.UpdateCountAsync();
        Assert.Contains("subject=anthropic", page.Url, StringComparison.Ordinal);
        Assert.Contains("Filters: subjects: anthropic", await export.ScopeCount.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "export");

        // Act
        await export.OpenHtmlReportAsync();

        // Assert
        Assert.Contains("/Export/Download?", page.Url, StringComparison.Ordinal);
        Assert.Contains("format=html", page.Url, StringComparison.Ordinal);
        Assert.Equal("Comparison report", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(["anthropic"], await page.Locator("section.subject h2").AllInnerTextsAsync());
        Assert.True(await page.Locator("article.contradiction").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("article.contradiction:not([data-subject=anthropic])").CountAsync());
        Assert.Empty(dialogs);
        await BrowserFixture.ScreenshotAsync(page, "report", fullPage: false);
        await page.Locator("article.contradiction").First.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "report-contradiction.png") });
    }

    [Fact]
    public async Task Export_DownloadPdf_PrintsTheReport()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var export = await new ExportScreen(page).OpenAsync();
        Assert.Equal(0, await export.PdfUnavailable.CountAsync());
        var pdf = Path.Combine(BrowserFixture.ScreenshotFolder, "report.pdf");

        // Act
        var download = await export.DownloadAsync("Download PDF", pdf);

        // Assert
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);

        // The first pages as pictures, to look at what the printer made of the report.
        if (File.Exists("/usr/bin/pdftoppm"))
        {
            using var render = Process.Start("/usr/bin/pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "3", pdf, Path.Combine(BrowserFixture.ScreenshotFolder, "report-pdf")])!;
            await render.WaitForExitAsync();
            Assert.Equal(0, render.ExitCode);
        }
    }

    [Fact]
    public async Task Export_DownloadCsv_SavesClaimsFile()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var export = await new ExportScreen(page).OpenAsync("?topic=training.default");
        var csv = Path.Combine(Path.GetTempPath(), $"policytracker-{Guid.NewGuid():N}.csv");

        // Act
        var download = await export.DownloadAsync("Download CSV", csv);

        // Assert
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllTextAsync(csv)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,source,", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",training.default,", l, StringComparison.Ordinal));
        File.Delete(csv);
    }
}
