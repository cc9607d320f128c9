using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Overview_KeyboardOnly_SkipLinkThenNavigationThenDisputedTopic()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var overview = await new OverviewScreen(page).OpenAsync();

        // Act
        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var afterSkip = await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('href')");

        // Assert: the skip link comes first and lands in the content, where the first link is a disputed topic.
        Assert.Equal("Skip to content", first);
        Assert.StartsWith("/Contradictions?subject=", afterSkip, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Contradictions\?"));
        Assert.Equal(1, await new ContradictionsScreen(page).Findings.CountAsync());
        Assert.Equal(1, await overview.Page.Locator("article.finding:target").CountAsync());
    }
}
