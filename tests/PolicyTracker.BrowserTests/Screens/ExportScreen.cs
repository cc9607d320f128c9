using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The export choices at <c>/Export</c>.</summary>
public sealed class ExportScreen(IPage page)
{
    public IPage Page => page;

    public ILocator ScopeCount => page.Locator("#scope-count");

    public ILocator PdfUnavailable => page.Locator("#pdf-unavailable");

    public async Task<ExportScreen> OpenAsync(string query = "")
    {
        await page.GotoAsync("/Export" + query);
        return this;
    }

    public Task TickAsync(string group, string label) =>
        page.GetByRole(AriaRole.Group, new() { Name = group }).GetByLabel(label, new() { Exact = true }).CheckAsync();

    public async Task UpdateCountAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the count" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name });

    /// <summary>Opens the HTML report of the current choice in this tab.</summary>
    public async Task OpenHtmlReportAsync()
    {
        await Button("Open HTML report").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Downloads a format of the current choice and saves it at <paramref name="path"/>.</summary>
    public async Task<IDownload> DownloadAsync(string button, string path)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => Button(button).ClickAsync());
        await download.SaveAsAsync(path);
        return download;
    }
}
