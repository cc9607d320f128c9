using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The sources list at <c>/Sources</c>.</summary>
public sealed class SourcesScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Rows => page.Locator("#sources tbody tr");

    /// <summary>The upload form, shown to editors only.</summary>
    public ILocator UploadForm => page.Locator("#upload-form");

    /// <summary>"3 files: 2 stored, 1 refused".</summary>
    public ILocator UploadSummary => page.Locator("#upload-summary");

    /// <summary>One line per uploaded file, in the order they were chosen.</summary>
    public ILocator UploadResults => page.Locator("#upload-results li");

    /// <summary>Chooses <paramref name="files"/> in the file input and submits the upload form, as a person would.</summary>
    public async Task UploadAsync(params FilePayload[] files)
    {
        await page.GetByLabel("Files", new() { Exact = true }).SetInputFilesAsync(files);
        await UploadForm.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>The watched addresses, one row each with its last fetch and status.</summary>
    public ILocator WatchedRows => page.Locator("#watched tbody tr");

    /// <summary>What adding an address did, in the ingest's wording.</summary>
    public ILocator WatchResult => page.Locator("#watch-result");

    /// <summary>Fills the address form and submits it, as a person would.</summary>
    public async Task WatchAsync(string url, string every, string name)
    {
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync(url);
        await page.GetByLabel("Every", new() { Exact = true }).FillAsync(every);
        await page.GetByLabel("Source name (optional)", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fetch and watch" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

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
