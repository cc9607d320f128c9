using PolicyTracker.BrowserTests.Infrastructure;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class ReportProvidersTests(BrowserFixture browser)
{
    [Fact]
    public async Task HtmlReport_ProvidersSideBySide_ShowsTheMatrixAndItsCharts()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;

        // Act
        await page.GotoAsync("/Export/Download?format=html");

        // Assert: the matrix and the charts, drawn, in the report the browser opened. The seeds have one version
        // each, so the timeline says there is no change instead of drawing an empty axis.
        var section = page.Locator("section#providers");
        Assert.Equal("Providers side by side", await section.Locator("h2").InnerTextAsync());
        Assert.True(await section.Locator("table.provider-matrix tr[data-topic]").CountAsync() > 0);
        Assert.Equal(1, await section.Locator("svg#retention-chart").CountAsync());
        Assert.Equal(1, await section.Locator("svg#stance-chart").CountAsync());
        Assert.Equal(1, await section.Locator("figure#timeline svg, figure#timeline p.empty").CountAsync());
        foreach (var svg in await section.Locator("svg.chart").AllAsync())
        {
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 50 }, $"{await svg.GetAttributeAsync("id")} is {box?.Width}x{box?.Height}");
        }

        Assert.Empty(dialogs);
        await section.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "report-providers.png") });
    }
}
