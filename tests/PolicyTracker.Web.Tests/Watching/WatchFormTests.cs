using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Watching;

/// <summary>Editors add an address on the Sources page: the page's own form, its token, and the command's wording.</summary>
public sealed class WatchFormTests(WatchApp app) : IClassFixture<WatchApp>
{
    private const string Page = "# Globex privacy policy\n\nGlobex may use your conversations to train its models unless you opt out.\n";

    [Fact]
    public async Task WatchForm_Editor_FetchesAtOnceAndListsTheWatchedSource()
    {
        // Arrange
        app.Pages.ServeText("/form", Page);
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync("/Sources");

        // Act
        using var response = await client.SubmitAsync(page.Forms["watch-form"]!,
            new() { ["watch.Url"] = app.Pages.Url("/form"), ["watch.Every"] = "12h", ["watch.Name"] = "globex-privacy" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await FormClient.ParseAsync(response);
        Assert.Matches(@"^added globex-privacy: \d+ claims?(, .*)?; watched every 12h$", result.GetElementById("watch-result")!.TextContent.Trim());
        var row = Assert.Single(result.QuerySelectorAll("#watched tbody tr"));
        Assert.Contains("globex-privacy", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(app.Pages.Url("/form"), row.TextContent, StringComparison.Ordinal);
        Assert.Equal("added", row.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Equal(1, app.Pages.Requests("/form"));
        await using var db = app.CreateDbContext();
        Assert.Equal(43_200, (await db.WatchedSources.SingleAsync(w => w.Name == "globex-privacy")).IntervalSeconds);
    }

    [Fact]
    public async Task WatchForm_RefusedAddress_SaysWhyAndWatchesNothing()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync("/Sources");

        // Act
        using var response = await client.SubmitAsync(page.Forms["watch-form"]!,
            new() { ["watch.Url"] = app.Forbidden.Url("/form"), ["watch.Name"] = "refused-form" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await FormClient.ParseAsync(response);
        Assert.StartsWith("failed refused-form: refused: 127.0.0.2 is 127.0.0.2, loopback", result.GetElementById("watch-result")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(app.Forbidden.Url("/form"), result.GetElementById("watch-url")!.GetAttribute("value"));
        Assert.Equal(0, app.Forbidden.TotalRequests);
        await using var db = app.CreateDbContext();
        Assert.False(await db.WatchedSources.AnyAsync(w => w.Name == "refused-form"));
    }

    [Theory]
    [InlineData(null, "/Account/SignIn")]
    [InlineData(Roles.Reader, "/Account/AccessDenied")]
    public async Task WatchPost_NotAnEditor_RefusedAndNothingFetched(string? role, string sentTo)
    {
        // Arrange: the form is only shown to editors, so the post is built from an editor's page.
        app.Pages.ServeText("/not-editor", Page);
        using var editor = await app.SignInAsync(Roles.Editor);
        var form = (await editor.GetDocumentAsync("/Sources")).Forms["watch-form"]!;
        using var client = role is null ? app.Anonymous() : await app.SignInAsync(role);

        // Act
        using var response = await client.SubmitAsync(form, new() { ["watch.Url"] = app.Pages.Url("/not-editor") });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(sentTo, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, app.Pages.Requests("/not-editor"));
    }

    [Fact]
    public async Task WatchPost_WithoutToken_400AndNothingFetched()
    {
        // Arrange
        app.Pages.ServeText("/no-token", Page);
        using var client = await app.SignInAsync(Roles.Editor);

        // Act
        using var response = await client.Http.PostAsync("/Sources?handler=Watch",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["watch.Url"] = app.Pages.Url("/no-token"), ["watch.Every"] = "1d" }));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, app.Pages.Requests("/no-token"));
    }
}
