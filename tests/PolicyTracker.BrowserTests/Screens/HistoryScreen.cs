using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>A source's versions at <c>/Sources/{id}/History</c>, with the form comparing two of them.</summary>
public sealed class HistoryScreen(IPage page)
{
    public ILocator Versions => page.Locator("#versions tbody tr");

    public ILocator Current => page.Locator("#versions tbody tr.row-current");

    /// <summary>Picks two versions in the compare form and submits it.</summary>
    public async Task<DiffScreen> CompareAsync(int from, int to)
    {
        await page.Locator("#from").SelectOptionAsync(from.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#to").SelectOptionAsync(to.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Diff\?from="));
        return new DiffScreen(page);
    }
}
