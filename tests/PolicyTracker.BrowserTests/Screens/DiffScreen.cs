using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>Two versions side by side at <c>/Sources/{id}/Diff</c>, with the typed changes above.</summary>
public sealed class DiffScreen(IPage page)
{
    public ILocator SummaryRows => page.Locator("#summary-changes tbody tr");

    public ILocator ChangedRows => page.Locator("#diff .diff-row.diff-changed, #diff .diff-row.diff-added");

    public ILocator AddedWords => page.Locator("#diff .diff-new ins");

    public ILocator NewSideClaims => page.Locator("#diff .diff-new mark.claim");

    /// <summary>The new side's claims on lines that changed, outside the folded runs: what the diff is opened to see.</summary>
    public ILocator ChangedClaims => page.Locator("#diff > .diff-changed .diff-new mark.claim, #diff > .diff-added .diff-new mark.claim");

    public ILocator Folds => page.Locator("#diff details.diff-fold");

    public async Task<ChangesScreen> OpenChangesAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Changes" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Changes$"));
        return new ChangesScreen(page);
    }
}
