using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Infrastructure;

/// <summary>
/// The running app and Debian's Chromium, headless, shared by every browser test. The browser is the system's
/// (<c>/usr/bin/chromium</c>, installed by scripts/install-test-deps.sh), never a downloaded one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public RunningApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: docs/screenshots in the repository, so they can be looked at and committed.</summary>
    public static string ScreenshotFolder => Path.Combine(RunningApp.RepositoryRoot, "docs", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing; scripts/install-test-deps.sh installs it.");
        }

        App = await RunningApp.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A fresh page with its own cookies and history, the size of a laptop screen; it records any dialog, which no
    /// page should open, and anything the Content-Security-Policy blocked, which no page should try. Dispose it to
    /// close its browser context; disposing fails the test if the policy blocked anything.
    /// </summary>
    public async Task<BrowserSession> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.Dialog += async (_, dialog) =>
        {
            session.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                session.Blocked.Add($"{page.Url}: {message.Text}");
            }
        };
        return session;
    }

    /// <summary>Saves docs/screenshots/{name}.png: the whole page, or only the window for pages too long to look at whole.</summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

/// <summary>One test's browser context and page, and the dialogs its pages tried to open.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public List<string> Dialogs { get; } = [];

    /// <summary>What the pages' Content-Security-Policy refused: a page that needs inline script or style would be broken.</summary>
    public List<string> Blocked { get; } = [];

    public void Deconstruct(out IPage page, out List<string> dialogs) => (page, dialogs) = (Page, Dialogs);

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        Assert.True(Blocked.Count == 0, "The Content-Security-Policy blocked:\n" + string.Join("\n", Blocked));
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
