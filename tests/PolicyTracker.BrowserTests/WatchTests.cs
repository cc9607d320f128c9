using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class WatchTests(BrowserFixture browser)
{
    private const string Password = "a long password for the browser test";

    [Fact]
    public async Task Editor_AddsAnAddress_SeesTheResultAndTheWatchedSourceListed()
    {
        // Arrange: a page on loopback, which the app is started allow-listing.
        await using var site = await StartSiteAsync();
        var editor = $"watcher-{Guid.NewGuid():N}@example.org";
        await browser.App.AddUserAsync(editor, "Editor", Password);
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await new SignInScreen(page).SignInAsync(editor, Password);
        var sources = await new SourcesScreen(page).OpenAsync();

        // Act
        await sources.WatchAsync(Url(site, "/initech/privacy"), "1d", "initech-privacy");
        await sources.WatchAsync(Url(site, "/globex/terms"), "12h", "globex-terms");

        // Assert
        await Assertions.Expect(sources.WatchResult).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^added globex-terms: \d+ claims?.*; watched every 12h$"));
        await Assertions.Expect(sources.WatchedRows.Filter(new() { HasText = "initech-privacy" })).ToContainTextAsync("1d");
        await Assertions.Expect(sources.WatchedRows.Filter(new() { HasText = "globex-terms" })).ToContainTextAsync("added");
        await Assertions.Expect(sources.Rows.Filter(new() { HasText = "initech-privacy" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "sources-watched");
    }

    private static string Url(WebApplication site, string path) =>
        site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + path;

    private static async Task<WebApplication> StartSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var site = builder.Build();
        site.MapGet("/initech/privacy", () => Results.Text(
            "# Initech privacy policy\n\nInitech does not use your conversations to train its models unless you explicitly opt in.\n\n"
            + "Deleted chats are removed within 30 days.\n", "text/markdown"));
        site.MapGet("/globex/terms", () => Results.Text(
            "<html><head><title>Globex terms</title></head><body><h1>Globex terms</h1>"
            + "<p>Globex may use your conversations to train its models unless you opt out.</p></body></html>", "text/html"));
        await site.StartAsync();
        return site;
    }
}
