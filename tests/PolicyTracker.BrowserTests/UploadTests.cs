using System.Text;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class UploadTests(BrowserFixture browser)
{
    private const string Password = "a long password for the browser test";

    [Fact]
    public async Task Editor_UploadsAGoodAndABadFile_SeesEachResultAndTheNewSourceListed()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        var sources = await OpenSourcesAsNewEditorAsync(page);
        var good = new FilePayload
        {
            Name = "uploaded-policy.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes("# Uploaded privacy policy\n\nAcme keeps deleted chats for 30 days.\n"),
        };
        var bad = new FilePayload { Name = "contract.docx", MimeType = "application/octet-stream", Buffer = [0x50, 0x4B, 0x03, 0x04, 0x00] };

        // Act
        await sources.UploadAsync(good, bad);

        // Assert
        await Assertions.Expect(sources.UploadSummary).ToHaveTextAsync("2 files: 1 stored, 1 refused");
        await Assertions.Expect(sources.UploadResults).ToHaveCountAsync(2);
        await Assertions.Expect(sources.UploadResults.Nth(0)).ToContainTextAsync("Stored added uploaded-policy.md:");
        await Assertions.Expect(sources.UploadResults.Nth(1)).ToContainTextAsync("Refused refused contract.docx: unknown file type '.docx'");
        await Assertions.Expect(sources.Rows.Filter(new() { HasText = "uploaded-policy.md" })).ToHaveCountAsync(1);
        await Assertions.Expect(sources.Rows.Filter(new() { HasText = "contract.docx" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "sources-upload");
    }

    [Fact]
    public async Task Editor_UploadsAPolicyInChinese_ToldWhyItHasNoClaimsOnTheLineAndItsPage()
    {
        // Arrange: Kimi's real privacy policy, in Chinese.
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        var sources = await OpenSourcesAsNewEditorAsync(page);
        var policy = new FilePayload
        {
            Name = "kimi-ai-privacy-policy.md",
            MimeType = "text/markdown",
            Buffer = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "other-languages", "kimi-ai-privacy-policy.md")),
        };

        // Act
        await sources.UploadAsync(policy);

        // Assert: the line says why, and so does the source's page for whoever opens it later.
        await Assertions.Expect(sources.UploadResults.Nth(0)).ToContainTextAsync(
            "Stored added kimi-ai-privacy-policy.md: 0 claims — its text is mostly Chinese; claims are read from English text only");
        var source = await sources.OpenSourceAsync(policy.Name);
        await Assertions.Expect(source.LanguageNotice).ToContainTextAsync(
            "Its text is mostly Chinese: claims are read from English text only, so none were found in it.");
        await Assertions.Expect(page.Locator("#source-claim-count")).ToHaveTextAsync("0");
        await Assertions.Expect(source.Text).ToContainTextAsync("北京月之暗面科技有限公司");
        await BrowserFixture.ScreenshotAsync(page, "source-other-language", fullPage: false);
    }

    [Fact]
    public async Task Visitor_SourcesPage_HasNoUploadForm()
    {
        // Arrange
        await using var session = await browser.NewPageAsync();

        // Act
        var sources = await new SourcesScreen(session.Page).OpenAsync();

        // Assert
        await Assertions.Expect(sources.Rows.First).ToBeVisibleAsync();
        await Assertions.Expect(sources.UploadForm).ToHaveCountAsync(0);
    }

    /// <summary>Signs in on <paramref name="page"/> as a new editor, and opens the Sources page with its upload form.</summary>
    private async Task<SourcesScreen> OpenSourcesAsNewEditorAsync(IPage page)
    {
        var editor = $"uploader-{Guid.NewGuid():N}@example.org";
        await browser.App.AddUserAsync(editor, "Editor", Password);
        await new SignInScreen(page).SignInAsync(editor, Password);
        return await new SourcesScreen(page).OpenAsync();
    }
}
