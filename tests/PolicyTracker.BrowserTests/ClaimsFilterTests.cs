using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class ClaimsFilterTests(BrowserFixture browser)
{
    [Fact]
    public async Task Claims_TopicFilter_NarrowsListAndLandsInUrl()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var claims = await new ClaimsScreen(page).OpenAsync();
        var before = await claims.Rows.CountAsync();
        await BrowserFixture.ScreenshotAsync(page, "claims", fullPage: false);

        // Act
        await claims.FilterByTopicAsync("training.default");

        // Assert
        Assert.Contains("topic=training.default", page.Url, StringComparison.Ordinal);
        var topics = await claims.ColumnAsync(1);
        Assert.NotEmpty(topics);
        Assert.True(topics.Count < before, $"{topics.Count} rows after filtering, {before} before");
        Assert.All(topics, t => Assert.Equal("training.default", t));
        Assert.Equal("training.default", await page.GetByLabel("Topic").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "claims-filtered");
    }

    [Fact]
    public async Task Claims_SearchQuotes_OnlyQuotesWithTheWords()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var claims = await new ClaimsScreen(page).OpenAsync();

        // Act
        await claims.SearchAsync("opt out");

        // Assert
        Assert.Contains("q=opt+out", page.Url, StringComparison.Ordinal);
        var quotes = await claims.ColumnAsync(6);
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Contains("opt", q, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Compare_CellByKeyboard_OpensItsQuotes()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var compare = await new CompareScreen(page).OpenAsync("anthropic");
        Assert.True(await compare.DisputedCells.CountAsync() > 0);
        Assert.Contains("Official policy", await page.Locator(".legend-line").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "compare");
        var cell = compare.DisputedCells.First;
        var summary = cell.Locator("summary");

        // Act
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Assertions.Expect(cell.Locator("blockquote").First).ToBeVisibleAsync();
        Assert.Contains("disputed", await summary.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
