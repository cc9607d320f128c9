using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The overview at <c>/</c>.</summary>
public sealed class OverviewScreen(IPage page)
{
    public IPage Page => page;

    public ILocator DisputedTopics => page.Locator("ol.disputed > li");

    public async Task<OverviewScreen> OpenAsync()
    {
        await page.GotoAsync("/");
        return this;
    }

    public Task<string> CountAsync(string id) => page.Locator($"#{id}").InnerTextAsync();

    public async Task<ContradictionsScreen> OpenFirstDisputedTopicAsync()
    {
        await DisputedTopics.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Contradictions\?"));
        return new ContradictionsScreen(page);
    }
}
