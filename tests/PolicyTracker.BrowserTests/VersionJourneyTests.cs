using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class VersionJourneyTests(BrowserFixture browser)
{
    private const string SourceName = "lovable-privacy-policy";

    [Fact]
    public async Task History_ToDiffToChanges_ShowsTheOptOutClauseAddedInTheSecondVersion()
    {
        // Arrange: Lovable's policy as recorded on two dates; the second adds an opt-out training clause.
        var folder = Path.Combine(RunningApp.RepositoryRoot, "tests", "versions", SourceName);
        foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            await browser.App.IngestAsync(file, "--source", SourceName, "--observed", Path.GetFileName(file)[..10]);
        }

        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;
        await page.GotoAsync("/Sources");
        await page.Locator("tbody tr").Filter(new() { HasText = SourceName }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.Locator("#history-link").ClickAsync();

        // Act: the history, then the two versions compared.
        var history = new HistoryScreen(page);
        Assert.Equal(2, await history.Versions.CountAsync());
        Assert.Contains("2025-09-30", await history.Current.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "source-history");

        var diff = await history.CompareAsync(1, 2);
        Assert.True(await diff.ChangedRows.CountAsync() > 0, "no changed line in the diff");
        Assert.True(await diff.AddedWords.CountAsync() > 0, "no added words marked");
        Assert.True(await diff.NewSideClaims.CountAsync() > 0, "the new version's claims are not marked");
        Assert.True(await diff.SummaryRows.CountAsync() > 0, "no typed change above the diff");
        await BrowserFixture.ScreenshotAsync(page, "source-diff", fullPage: false);
        await diff.ChangedClaims.First.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "source-diff-claims", fullPage: false);

        // A folded run opens without script.
        var fold = diff.Folds.First;
        await fold.Locator("summary").ClickAsync();
        Assert.True(await fold.EvaluateAsync<bool>("d => d.open"));

        var changes = await diff.OpenChangesAsync();

        // Assert
        Assert.True(await changes.Rows.CountAsync() > 0);
        var lovable = changes.Rows.Filter(new() { Has = page.Locator(".diff-link") }).Filter(new() { HasText = "2025-09-30" });
        Assert.True(await lovable.CountAsync() > 0, "the Changes page does not list the new version's change");
        await BrowserFixture.ScreenshotAsync(page, "changes");
        Assert.Empty(dialogs);
    }
}
