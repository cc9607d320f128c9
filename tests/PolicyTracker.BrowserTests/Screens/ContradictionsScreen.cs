using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The contradictions at <c>/Contradictions</c>.</summary>
public sealed class ContradictionsScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Findings => page.Locator("article.finding");

    public static ILocator Sides(ILocator finding) => finding.Locator("section.side");

    public async Task<ContradictionsScreen> OpenAsync(string query = "")
    {
        await page.GotoAsync("/Contradictions" + query);
        return this;
    }

    /// <summary>Follows the first "Claim N" link of the first finding; returns the claim's id.</summary>
    public async Task<(ClaimScreen Screen, string ClaimId)> OpenFirstClaimAsync()
    {
        var link = Findings.First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Claim \\d+$") }).First;
        var id = (await link.InnerTextAsync())["Claim ".Length..];
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"/Claims/{id}$"));
        return (new ClaimScreen(page), id);
    }
}
