using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The providers matrix and its charts at <c>/Providers</c>.</summary>
public sealed class ProvidersScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Matrix => page.Locator("#matrix");

    public ILocator Charts => page.Locator("#charts");

    public ILocator SubjectHeaders => page.Locator(".provider-matrix thead th[data-subject]");

    public ILocator Families => page.Locator(".provider-matrix tbody[data-family]");

    /// <summary>Cells that state a value (not "no statement found").</summary>
    public ILocator StatedCells => page.Locator(".provider-matrix td.mx-cell:not(.mx-none)");

    public async Task<ProvidersScreen> OpenAsync(string query = "")
    {
        await page.GotoAsync("/Providers" + query);
        return this;
    }

    public async Task<IReadOnlyList<string>> SubjectsAsync() =>
        [.. (await SubjectHeaders.EvaluateAllAsync<string[]>("ths => ths.map(th => th.dataset.subject)"))];

    public async Task SortByNameAsync()
    {
        await page.Locator("#sort-name").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task ShowOnlyFamilyAsync(string family)
    {
        await page.GetByRole(AriaRole.Checkbox, new() { Name = family, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
