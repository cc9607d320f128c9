using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>
/// A real policy in Chinese (Kimi's, copied beside the tests with its attribution), which the extractor finds no
/// claims in as it reads English: the command, an upload and a watched address each say why on its line, rather than a
/// bare "0 claims", and the source's page says it to whoever opens it later. The policy is stored all the same.
/// </summary>
public sealed class OtherLanguageTests(WatchApp app) : IClassFixture<WatchApp>
{
    private const string Notice = "Its text is mostly Chinese: claims are read from English text only, so none were found in it.";

    private static readonly byte[] ChinesePolicy = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "other-languages", "kimi-ai-privacy-policy.md"));

    private const string EnglishPolicy = "# Kimi privacy policy\n\nKimi does not use your conversations to train its models unless you opt in.\n";

    [Fact]
    public async Task Ingest_ChinesePolicyBesideAnEnglishOne_ItsLineAndPageSayWhyItHasNoClaims()
    {
        // Arrange
        var chinese = app.WriteFile("cli/kimi-ai-privacy-policy.md", ChinesePolicy);
        var english = app.WriteFile("cli/kimi-english.md", EnglishPolicy);

        // Act
        var result = await app.RunCliAsync("ingest", chinese, english);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"added kimi-ai-privacy-policy.md: 0 claims — its text is mostly Chinese; {IngestOutcome.EnglishOnly}", "added kimi-english.md: 1 claim"],
            result.Lines);
        await using var db = app.CreateDbContext();
        var stored = await db.Sources.Include(s => s.Versions).SingleAsync(s => s.FileName == "kimi-ai-privacy-policy.md");
        Assert.Equal(0, await db.Claims.CountAsync(c => c.SourceId == stored.Id));
        Assert.Contains("北京月之暗面科技有限公司", stored.Text, StringComparison.Ordinal);
        Assert.Equal(stored.Text, Assert.Single(stored.Versions).Text);
        Assert.Equal(Notice, NoticeOf(await SourcePageAsync(stored.Id)));
        var englishId = await db.Sources.Where(s => s.FileName == "kimi-english.md").Select(s => s.Id).SingleAsync();
        Assert.Null((await SourcePageAsync(englishId)).GetElementById("language-notice"));
    }

    [Fact]
    public async Task Upload_ChinesePolicyAsANewVersionOfAnEnglishOne_ItsLineAndPageSayWhyItHasNoClaims()
    {
        // Arrange: an English policy, then the provider's page in Chinese as its next version.
        using var editor = await app.SignInAsync(Roles.Editor);
        await UploadAsync(editor, "kimi-uploaded.md", System.Text.Encoding.UTF8.GetBytes(EnglishPolicy));

        // Act
        var page = await UploadAsync(editor, "kimi-ai-privacy-policy.md", ChinesePolicy, new() { ["source"] = "kimi-uploaded.md" });

        // Assert
        var line = page.QuerySelector("#upload-results li.upload-stored")!.TextContent;
        Assert.Equal(
            $"Stored new version of kimi-uploaded.md: version 2 of 2, 0 claims, 1 change in its history — its text is mostly Chinese; {IngestOutcome.EnglishOnly}",
            AsRead(line));
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "kimi-uploaded.md");
        Assert.Equal(2, source.Version);
        Assert.Equal(Notice, NoticeOf(await SourcePageAsync(source.Id)));
    }

    [Fact]
    public async Task Watch_AddressServingAChinesePolicy_ItsLineAndPageSayWhyItHasNoClaims()
    {
        // Arrange
        app.Pages.ServeText("/kimi/privacy", System.Text.Encoding.UTF8.GetString(ChinesePolicy));

        // Act
        var watched = await app.WatchAsync(app.Pages.Url("/kimi/privacy"), "kimi-watched");

        // Assert
        Assert.True(watched.Watched, watched.Line);
        Assert.Equal($"added kimi-watched: 0 claims — its text is mostly Chinese; {IngestOutcome.EnglishOnly}; watched every 1d", watched.Line);
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "kimi-watched");
        Assert.Equal(Notice, NoticeOf(await SourcePageAsync(source.Id)));
    }

    private async Task<IHtmlDocument> SourcePageAsync(long id)
    {
        using var visitor = app.Anonymous();
        return await visitor.GetDocumentAsync($"/Sources/{id}");
    }

    /// <summary>The notice's first sentence.</summary>
    private static string NoticeOf(IHtmlDocument page)
    {
        var text = AsRead(page.GetElementById("language-notice")!.TextContent);
        return text[..(text.IndexOf('.', StringComparison.Ordinal) + 1)];
    }

    /// <summary>Text from a page, its white space as a reader sees it: the markup's line breaks and indents are one space.</summary>
    private static string AsRead(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static async Task<IHtmlDocument> UploadAsync(FormClient client, string name, byte[] bytes, Dictionary<string, string?>? values = null)
    {
        var page = await client.GetDocumentAsync("/Sources");
        using var response = await client.UploadAsync(page.Forms["upload-form"]!, [(name, bytes)], values);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await FormClient.ParseAsync(response);
    }
}
