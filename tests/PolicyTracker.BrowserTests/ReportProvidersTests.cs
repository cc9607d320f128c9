using PolicyTracker.BrowserTests.Infrastructure;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class ReportProvidersTests(BrowserFixture browser)
{
    [Fact]
    public async Task HtmlReport_ProvidersSideBySide_ShowsTheMatrixAndItsCharts()
    {
        // Arrange: the real policy histories beside the seed articles, so official policies and changes show.
        await PolicyHistories.IngestAsync(browser.App);
        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;

        // Act
        await page.GotoAsync("/Export/Download?format=html");

        // Assert: the matrix and the three charts, drawn, in the report the browser opened.
        var section = page.Locator("section#providers");
        Assert.Equal("Providers side by side", await section.Locator("h2").InnerTextAsync());
        Assert.True(await section.Locator("table.provider-matrix thead th[data-subject]").CountAsync() > 1, "fewer than two providers in the matrix");
        Assert.True(await section.Locator("table.provider-matrix .kind-official").CountAsync() > 0, "no official value in the matrix");
        Assert.Equal(["retention-chart", "stance-chart", "change-timeline"], await section.Locator("svg.chart").EvaluateAllAsync<string[]>("svgs => svgs.map(s => s.id)"));
        foreach (var svg in await section.Locator("svg.chart").AllAsync())
        {
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 50 }, $"{await svg.GetAttributeAsync("id")} is {box?.Width}x{box?.Height}");
        }

        Assert.Empty(dialogs);
        await section.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "report-providers.png") });
    }
}
