using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class AnalystJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Overview_ToContradictionToClaimToSource_QuoteHighlightedInView()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;
        var overview = await new OverviewScreen(page).OpenAsync();
        Assert.NotEqual("0", await overview.CountAsync("contradiction-count"));
        await BrowserFixture.ScreenshotAsync(page, "overview");

        // Act: one click to the contradiction, one to a claim, one to its place in the source.
        var contradictions = await overview.OpenFirstDisputedTopicAsync();
        Assert.Equal(1, await contradictions.Findings.CountAsync());
        Assert.True(await ContradictionsScreen.Sides(contradictions.Findings.First).CountAsync() >= 2);
        await BrowserFixture.ScreenshotAsync(page, "contradiction");

        var (claim, claimId) = await contradictions.OpenFirstClaimAsync();
        var quote = await claim.QuoteInContext.InnerTextAsync();
        Assert.NotEmpty(quote);
        Assert.True(await claim.OtherClaims.CountAsync() > 0);
        await BrowserFixture.ScreenshotAsync(page, "claim");

        var source = await claim.ShowInSourceAsync();

        // Assert
        var highlight = source.Highlight(claimId);
        Assert.Equal($"claim-{claimId}", await source.TargetIdAsync());
        Assert.Equal("MARK", await highlight.EvaluateAsync<string>("e => e.tagName"));
        Assert.Contains(quote, await highlight.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await SourceScreen.IsInViewportAsync(highlight), "the highlighted quote is not scrolled into view");
        var outline = await highlight.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.Equal("solid", outline);
        await BrowserFixture.ScreenshotAsync(page, "source-highlight", fullPage: false);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task App_RunFromBuildOutput_ServesItsOwnStylesheet()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var (page, _) = session;
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        // Act
        await page.GotoAsync("/");

        // Assert
        Assert.Empty(failed);
        var navBackground = await page.Locator("a[aria-current=page]").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(27, 27, 27)", navBackground);
    }
}
