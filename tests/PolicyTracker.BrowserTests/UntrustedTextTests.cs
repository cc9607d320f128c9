using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class UntrustedTextTests(BrowserFixture browser)
{
    [Fact]
    public async Task Source_TextWithScript_ShownAsTextNeverRun()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;
        var sources = await new SourcesScreen(page).OpenAsync();
        await BrowserFixture.ScreenshotAsync(page, "sources");

        // Act
        var source = await sources.OpenSourceAsync(RunningApp.ScriptSourceName);

        // Assert
        var text = await source.Text.InnerTextAsync();
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(2)>", text, StringComparison.Ordinal);
        Assert.Equal(0, await source.Text.Locator("script, img").CountAsync());
        Assert.Empty(dialogs);
        await BrowserFixture.ScreenshotAsync(page, "source-with-script");
    }

    [Fact]
    public async Task Source_Seed_EveryClaimHighlightedWithTopicOnHover()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var sources = await new SourcesScreen(page).OpenAsync();

        // Act
        var source = await sources.OpenSourceAsync("000_f3f3b7c157ad38f5.txt");

        // Assert
        var claimCount = int.Parse(await page.Locator("#source-claim-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(claimCount > 0);
        Assert.Equal(claimCount, await source.Text.Locator("mark.claim[id^=claim-]").CountAsync());
        var title = await source.Marks.First.GetAttributeAsync("title");
        Assert.Matches(@"^[a-z_]+\.[a-z_]+ = \S+", title);
        await BrowserFixture.ScreenshotAsync(page, "source", fullPage: false);
    }
}
