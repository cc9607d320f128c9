using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The claims list at <c>/Claims</c>.</summary>
public sealed class ClaimsScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Rows => page.Locator("table.claims tbody tr");

    public ILocator ResultCount => page.Locator("#result-count");

    public async Task<ClaimsScreen> OpenAsync(string query = "")
    {
        await page.GotoAsync("/Claims" + query);
        return this;
    }

    public async Task FilterByTopicAsync(string topic)
    {
        await page.GetByLabel("Topic").SelectOptionAsync(topic);
        await ApplyAsync();
    }

    public async Task SearchAsync(string words)
    {
        await page.GetByLabel("Search quotes").FillAsync(words);
        await page.GetByLabel("Search quotes").PressAsync("Enter");
        await page.WaitForLoadStateAsync();
    }

    public async Task ApplyAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task<IReadOnlyList<string>> ColumnAsync(int index) =>
        [.. (await Rows.Locator($"td:nth-child({index + 1})").AllInnerTextsAsync()).Select(t => t.Trim())];
}
