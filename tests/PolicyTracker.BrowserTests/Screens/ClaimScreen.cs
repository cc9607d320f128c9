using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>One claim at <c>/Claims/{id}</c>.</summary>
public sealed class ClaimScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Context => page.Locator("#quote-context");

    public ILocator QuoteInContext => Context.Locator("mark");

    public ILocator OtherClaims => page.Locator("section[aria-labelledby=others-heading] tbody tr");

    public async Task<SourceScreen> ShowInSourceAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Show this quote in the source" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Sources/\d+#claim-\d+$"));
        return new SourceScreen(page);
    }
}
