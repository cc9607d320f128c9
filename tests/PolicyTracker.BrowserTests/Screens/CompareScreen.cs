using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The topics-by-sources grid at <c>/Compare?subject=...</c>.</summary>
public sealed class CompareScreen(IPage page)
{
    public IPage Page => page;

    public ILocator SourceHeaders => page.Locator(".compare-grid thead th").Locator("xpath=self::th[position() > 2]");

    public ILocator DisputedCells => page.Locator("td.cell-disputed");

    public ILocator Row(string topic) => page.Locator($"tr[id='topic-{topic}']");

    public async Task<CompareScreen> OpenAsync(string subject)
    {
        await page.GotoAsync("/Compare?subject=" + Uri.EscapeDataString(subject));
        return this;
    }
}
