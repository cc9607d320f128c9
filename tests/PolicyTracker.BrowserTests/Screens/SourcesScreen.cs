using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The sources list at <c>/Sources</c>.</summary>
public sealed class SourcesScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Rows => page.Locator("tbody tr");

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
