using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>Every change between versions at <c>/Changes</c>, newest first, with its filters.</summary>
public sealed class ChangesScreen(IPage page)
{
    public ILocator Rows => page.Locator("#change-list tbody tr");

    public async Task FilterBySubjectAsync(string subject)
    {
        await page.Locator("#subject").SelectOptionAsync(subject);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Changes\?subject="));
    }
}
