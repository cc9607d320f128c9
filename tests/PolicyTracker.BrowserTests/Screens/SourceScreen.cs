using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>One source with its highlighted text at <c>/Sources/{id}</c>.</summary>
public sealed class SourceScreen(IPage page)
{
    public IPage Page => page;

    public ILocator Text => page.Locator("#source-text");

    public ILocator Marks => Text.Locator("mark.claim");

    /// <summary>Why a text mostly in a language the extractor does not read has no claims; absent for English.</summary>
    public ILocator LanguageNotice => page.Locator("#language-notice");

    public ILocator Highlight(string claimId) => page.Locator($"#claim-{claimId}");

    /// <summary>The id of the element the URL's fragment points at, as the browser resolved it.</summary>
    public Task<string?> TargetIdAsync() => page.EvaluateAsync<string?>("() => document.querySelector(':target')?.id ?? null");

    /// <summary>Whether the element lies within the visible part of the window.</summary>
    public static Task<bool> IsInViewportAsync(ILocator element) =>
        element.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }");
}
