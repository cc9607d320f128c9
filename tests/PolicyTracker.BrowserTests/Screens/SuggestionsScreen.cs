using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The suggestions waiting for an editor, at <c>/Suggestions</c>.</summary>
public sealed class SuggestionsScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Rows => page.Locator("#suggestions tbody tr");

    public ILocator Row(long id) => page.Locator($"#suggestion-{id}");

    public ILocator Flash => page.Locator("#flash");

    public async Task<SuggestionsScreen> OpenAsync(string query = "")
    {
        await page.GotoAsync("/Suggestions" + query);
        return this;
    }

    /// <summary>Accepts or rejects one suggestion from its row, with a note.</summary>
    public async Task DecideAsync(long id, string button, string note)
    {
        var row = Row(id);
        await row.GetByPlaceholder("Note (optional)").FillAsync(note);
        await row.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }
}
