using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>The read pages are kept rendered for visitors, but never shown stale and never shared with signed-in users.</summary>
public sealed class ReadPageCacheTests
{
    private const string Policy = "# Acme policy\n\nAcme does not use your conversations to train its models unless you opt in.\n";

    private const string Blog = "Acme trains its models on your conversations unless you opt out.\n";

    [Fact]
    public async Task ClaimsPage_Visitor_SeesAnEditorsTagAndANewIngestAtOnce()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        using var visitor = app.Anonymous();
        var before = await visitor.GetDocumentAsync("/Claims?status=Disputed");
        var againBefore = await visitor.GetDocumentAsync("/Claims?status=Disputed");
        using var editor = await app.SignInAsync(Roles.Editor);
        var claimPage = await editor.GetDocumentAsync("/Claims?source=acme-policy");
        var claimLink = claimPage.QuerySelector("td.quote-cell a")!.GetAttribute("href")!;
        var tagPage = await editor.GetDocumentAsync(claimLink);

        // Act
        using var tagged = await editor.SubmitAsync(tagPage.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed" });
        var afterTag = await visitor.GetDocumentAsync("/Claims?status=Disputed");
        await IngestAsync(app, "acme-blog.txt", Blog);
        var afterIngest = await visitor.GetDocumentAsync("/Claims");
        var overview = await visitor.GetDocumentAsync("/");

        // Assert
        Assert.Empty(before.QuerySelectorAll("table.claims tbody tr"));
        Assert.Empty(againBefore.QuerySelectorAll("table.claims tbody tr"));
        Assert.Single(afterTag.QuerySelectorAll("table.claims tbody tr"));
        Assert.Equal(2, afterIngest.QuerySelectorAll("table.claims tbody tr").Length);
        Assert.Equal("1", overview.GetElementById("contradiction-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task ClaimsPage_VisitorAndEditor_EachGetTheirOwnPage()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        using var visitor = app.Anonymous();
        using var editor = await app.SignInAsync(Roles.Editor);

        // Act
        var visitorFirst = await visitor.GetDocumentAsync("/Claims");
        var editorPage = await editor.GetDocumentAsync("/Claims");
        var visitorAgain = await visitor.GetDocumentAsync("/Claims");

        // Assert
        Assert.Null(visitorFirst.Forms["bulk-form"]);
        Assert.NotNull(editorPage.Forms["bulk-form"]);
        Assert.Contains("Sign out", editorPage.GetElementById("account")!.TextContent, StringComparison.Ordinal);
        Assert.Null(visitorAgain.Forms["bulk-form"]);
        Assert.DoesNotContain("Sign out", visitorAgain.GetElementById("account")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimsPage_RepeatVisit_ServedFromTheCacheForVisitorsOnly()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        using var visitor = app.Anonymous();
        using var editor = await app.SignInAsync(Roles.Editor);

        // Act
        using var visitorFirst = await visitor.Http.GetAsync("/Claims?topic=training.default");
        using var visitorRepeat = await visitor.Http.GetAsync("/Claims?topic=training.default");
        using var editorFirst = await editor.Http.GetAsync("/Claims?topic=training.default");
        using var editorRepeat = await editor.Http.GetAsync("/Claims?topic=training.default");

        // Assert: the output cache marks what it serves with an Age header.
        Assert.Null(visitorFirst.Headers.Age);
        Assert.NotNull(visitorRepeat.Headers.Age);
        Assert.False(visitorFirst.Headers.Contains("Set-Cookie"));
        Assert.Null(editorFirst.Headers.Age);
        Assert.Null(editorRepeat.Headers.Age);
    }

    private static async Task IngestAsync(TestApp app, string name, string text)
    {
        _ = app.Factory.Services;
        var result = await app.RunCliAsync("ingest", app.WriteFile(name, text));
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }
}
