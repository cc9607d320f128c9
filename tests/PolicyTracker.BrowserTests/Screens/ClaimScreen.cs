using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>One claim at <c>/Claims/{id}</c>.</summary>
public sealed class ClaimScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Context => page.Locator("#quote-context");

    public ILocator QuoteInContext => Context.Locator("mark");

    public ILocator OtherClaims => page.Locator("section[aria-labelledby=others-heading] tbody tr");

    public ILocator Status => page.Locator("#claim-status");

    public ILocator History => page.Locator("#history > li");

    public ILocator StaleWarning => page.Locator("#stale-warning");

    public async Task<ClaimScreen> OpenAsync(long id)
    {
        await page.GotoAsync($"/Claims/{id}");
        return this;
    }

    /// <summary>Chooses a status and writes a note in the review form, without saving.</summary>
    public async Task FillReviewAsync(string status, string note)
    {
        await page.Locator("#tag-form").GetByLabel(status, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Note").FillAsync(note);
    }

    /// <summary>Ticks another claim in the list as evidence for this one.</summary>
    public Task TickEvidenceAsync(long claimId) => page.Locator($"#evidence-{claimId}").CheckAsync();

    public Task SaveReviewAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();

    public async Task<SourceScreen> ShowInSourceAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Show this quote in the source" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Sources/\d+#claim-\d+$"));
        return new SourceScreen(page);
    }
}
