using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class ProvidersTests(BrowserFixture browser)
{
    [Fact]
    public async Task Providers_SortFilterAndFollowACell_EndsAtThatCellsQuotes()
    {
        // Arrange: the real policy histories beside the seed articles, so official policies, disputes and changes show.
        await PolicyHistories.IngestAsync(browser.App);
        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;
        var providers = await new ProvidersScreen(page).OpenAsync();
        Assert.True(await providers.SubjectHeaders.CountAsync() > 1, "fewer than two providers in the matrix");
        await BrowserFixture.ScreenshotAsync(page, "providers-matrix", fullPage: false);
        await providers.Charts.ScrollIntoViewIfNeededAsync();
        await providers.Charts.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "providers-charts.png") });

        // Act: sort by name, then show the training family only.
        await providers.SortByNameAsync();
        var byName = await providers.SubjectsAsync();
        await providers.ShowOnlyFamilyAsync("training");

        // Assert
        Assert.Equal(byName.Order(StringComparer.Ordinal), byName);
        Assert.Contains("sort=name", page.Url, StringComparison.Ordinal);
        Assert.Equal(["training"], await providers.Families.EvaluateAllAsync<string[]>("bodies => bodies.map(b => b.dataset.family)"));
        Assert.Equal(byName, await providers.SubjectsAsync());

        // Act: follow the first cell that states something to its claims.
        var cell = providers.StatedCells.First;
        var subject = await cell.GetAttributeAsync("data-subject");
        var value = (await cell.Locator(".value").First.InnerTextAsync()).Trim();
        await cell.Locator("a.cell-link").ClickAsync();
        await page.WaitForLoadStateAsync();

        // Assert: the Claims page lists that subject's claims on the topic, and the shown value is among them.
        var claims = new ClaimsScreen(page);
        Assert.Contains("/Claims?subject=", page.Url, StringComparison.Ordinal);
        Assert.True(await claims.Rows.CountAsync() > 0, "the cell's claims page lists no claim");
        var rows = await claims.Rows.AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains(value, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains(subject!, r, StringComparison.Ordinal));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Providers_Keyboard_SkipLinkLeadsToTheMatrixAndTabReachesACell()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await new ProvidersScreen(page).OpenAsync();

        // Act: the second skip link (after "Skip to content") goes to the matrix; the next Tab lands in it.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var skip = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");

        // Assert
        Assert.Equal("Skip to the matrix", skip.Trim());
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.activeElement.closest('#matrix') !== null"),
            "Tab after the skip link does not land in the matrix");
        var cellLinks = await page.Locator(".provider-matrix td a.cell-link").CountAsync();
        var cells = await page.Locator(".provider-matrix td").CountAsync();
        Assert.Equal(cells, cellLinks);
    }
}
