using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The sources list at <c>/Sources</c>.</summary>
public sealed class SourcesScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Rows => page.Locator("tbody tr");

    public async Task<SourcesScreen> OpenAsync()
    {
        await page.GotoAsync("/Sources");
        return this;
    }

    public async Task<SourceScreen> OpenSourceAsync(string fileName)
    {
        await Rows.Filter(new() { HasText = fileName }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Sources/\d+$"));
        return new SourceScreen(page);
    }
}
