using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>The app with small upload limits, so a test can reach them with a few bytes and files.</summary>
public sealed class UploadApp : TestApp
{
    public const int MaxFileBytes = 4096;

    public const int MaxFiles = 3;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Ingest:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Ingest:MaxFilesPerUpload", MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary>
/// Editors upload files on the Sources page: real multipart posts of the page's own form, each file through the same
/// ingestor and rules as the <c>ingest</c> command, with a result line per file.
/// </summary>
public sealed class SourceUploadTests(UploadApp app) : IClassFixture<UploadApp>
{
    private const string PolicyText = "# Acme privacy policy\n\nAcme keeps deleted chats for 30 days.\n";

    [Fact]
    public async Task Upload_OneFile_AddedListedAndAttributed()
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Editor);
        using var client = await app.SignInAsync(Roles.Editor, email);
        var name = Unique("policy.md");

        // Act
        var (response, page) = await UploadAsync(client, [(name, Utf8(PolicyText))]);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response);
        Assert.Equal("1 file: 1 stored, 0 refused", Summary(page));
        var line = Assert.Single(Lines(page));
        Assert.StartsWith($"added {name}: ", line.Text, StringComparison.Ordinal);
        Assert.True(line.Stored);
        Assert.Contains(name, page.QuerySelectorAll("tbody tr .muted").Select(c => c.TextContent));
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == name);
        Assert.Equal(1, source.Version);
        var entry = await db.AuditEntries.SingleAsync(a => a.Target == $"source {name}");
        Assert.Equal((email, AuditAction.SourceUploaded, "version 1"), (entry.Actor, entry.Action, entry.To));
    }

    [Fact]
    public async Task Upload_SeveralFiles_EachItsOwnSourceInOrder()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        string[] names = [Unique("a.md"), Unique("b.txt"), Unique("c.html")];
        byte[][] contents = [Utf8(PolicyText), Utf8("Acme sells no personal data.\n"), Utf8("<html><body><p>Acme keeps logs for 90 days.</p></body></html>")];

        // Act
        var (response, page) = await UploadAsync(client, names.Zip(contents).ToArray());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response);
        Assert.Equal("3 files: 3 stored, 0 refused", Summary(page));
        Assert.Equal(names.Select(n => $"added {n}"), Lines(page).Select(l => l.Text.Split(':')[0]));
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.Sources.CountAsync(s => names.Contains(s.FileName)));
    }

    [Fact]
    public async Task Upload_AsNewVersionsWithDates_VersionsInDateOrderAndTheCurrentKept()
    {
        // Arrange: a source uploaded today, then two older versions of it arriving late, out of order.
        var email = await app.AddUserAsync(Roles.Editor);
        using var client = await app.SignInAsync(Roles.Editor, email);
        var name = Unique("terms.md");
        await UploadAsync(client, [(name, Utf8(PolicyText))]);

        // Act
        var (response2024, page2024) = await UploadAsync(
            client, [(Unique("terms-2024.md"), Utf8("# Terms\n\nAcme keeps deleted chats for 60 days.\n"))],
            new() { ["source"] = name, ["observed"] = "2024-03-01" });
        var (response2023, page2023) = await UploadAsync(
            client, [(Unique("terms-2023.md"), Utf8("# Terms\n\nAcme keeps deleted chats for 90 days.\n"))],
            new() { ["source"] = name, ["observed"] = "2023-05-01" });

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response2024, response2023));
        Assert.StartsWith($"new version of {name}: version 1 of 2, older than the current one", Lines(page2024).Single().Text, StringComparison.Ordinal);
        Assert.StartsWith($"new version of {name}: version 1 of 3, older than the current one", Lines(page2023).Single().Text, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == name);
        var versions = await db.SourceVersions.Where(v => v.SourceId == source.Id).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal(
            [new DateOnly(2023, 5, 1), new DateOnly(2024, 3, 1)],
            versions.Take(2).Select(v => DateOnly.FromDateTime(v.ObservedAt.UtcDateTime)));
        Assert.True(versions[2].ObservedAt > versions[1].ObservedAt);
        Assert.Contains("30 days", source.Text, StringComparison.Ordinal);
        Assert.Equal(3, source.Version);
        var entries = await db.AuditEntries.Where(a => a.Target == $"source {name}").OrderBy(a => a.Id).Select(a => a.To).ToListAsync();
        Assert.Equal(["version 1", "version 1", "version 1"], entries);
    }

    [Fact]
    public async Task Upload_RefusedFilesAmongGoodOnes_ReasonsShownOthersStoredNothingElseChanged()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var good = Unique("good.md");
        var binary = Unique("binary.txt");
        var unknown = Unique("notes.docx");
        var before = await app.SnapshotAsync(good);

        // Act
        var (response, page) = await UploadAsync(client,
        [
            (binary, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x00, 0x01, 0xFF, 0x00]),
            (good, Utf8(PolicyText)),
            (unknown, Utf8("Acme sells no personal data.")),
        ]);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response);
        Assert.Equal("3 files: 1 stored, 2 refused", Summary(page));
        var lines = Lines(page);
        Assert.Equal([false, true, false], lines.Select(l => l.Stored));
        Assert.StartsWith($"refused {binary}: ", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("binary", lines[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"added {good}: ", lines[1].Text, StringComparison.Ordinal);
        Assert.StartsWith($"refused {unknown}: unknown file type '.docx'", lines[2].Text, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(good));
        await using var db = app.CreateDbContext();
        Assert.True(await db.Sources.AnyAsync(s => s.FileName == good));
    }

    [Fact]
    public async Task Upload_FileOverTheSizeLimit_RefusedWithTheCommandsMessage()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var big = Unique("big.txt");
        var small = Unique("small.txt");
        var bytes = Utf8(string.Concat(Enumerable.Repeat("Acme keeps deleted chats for 30 days. ", 200)));
        var before = await app.SnapshotAsync(small);

        // Act
        var (response, page) = await UploadAsync(client, [(big, bytes), (small, Utf8("Acme sells no personal data.\n"))]);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response);
        var lines = Lines(page);
        Assert.Equal($"refused {big}: file too big: {bytes.Length} bytes, the limit is {UploadApp.MaxFileBytes}", lines[0].Text);
        Assert.True(lines[1].Stored);
        Assert.Equal(before, await app.SnapshotAsync(small));
    }

    [Fact]
    public async Task Upload_SameFileNameTwice_SecondRefusedAsTheCommandRefusesIt()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var name = Unique("twice.md");

        // Act
        var (_, page) = await UploadAsync(client, [(name, Utf8(PolicyText)), (name, Utf8("# Other\n\nAcme sells no personal data.\n"))]);

        // Assert
        var lines = Lines(page);
        Assert.True(lines[0].Stored);
        Assert.Equal(
            $"refused {name}: same file name as {name}, ingested in this run; rename one of them, as a source is known by its file name",
            lines[1].Text);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, (await db.Sources.SingleAsync(s => s.FileName == name)).Version);
    }

    [Fact]
    public async Task Upload_NamesWithFolders_OnlyTheNameIsKeptAndNoNamesRefused()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var name = Unique("escape.md");
        var windows = Unique("windows.md");

        // Act
        var (_, page) = await UploadAsync(client, [("../../" + name, Utf8(PolicyText)), ("..", Utf8(PolicyText)), ("C:\\Users\\ada\\" + windows, Utf8(PolicyText))]);

        // Assert
        var lines = Lines(page);
        Assert.StartsWith($"added {name}: ", lines[0].Text, StringComparison.Ordinal);
        Assert.Equal("refused ..: '..' is not a file name", lines[1].Text);
        Assert.StartsWith($"added {windows}: ", lines[2].Text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(app.Root, name)));
    }

    [Fact]
    public async Task Upload_MoreFilesThanAllowed_RefusedWholeAndNothingStored()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var names = Enumerable.Range(1, UploadApp.MaxFiles + 1).Select(i => Unique($"many-{i}.txt")).ToList();
        var before = await app.SnapshotAsync();

        // Act
        var (response, page) = await UploadAsync(client, names.Select(n => (n, Utf8("Acme sells no personal data.\n"))).ToArray());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response);
        Assert.Contains($"at most {UploadApp.MaxFiles}", page.GetElementById("upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", page.GetElementById("upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("upload-results"));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Upload_NoSuchSourceOrNoFile_RefusedWithReason()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var before = await app.SnapshotAsync();

        // Act
        var (noSource, noSourcePage) = await UploadAsync(client, [(Unique("x.md"), Utf8(PolicyText))], new() { ["source"] = "no-such-source.md" });
        var (noFile, noFilePage) = await UploadAsync(client, []);

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noSource, noFile));
        Assert.Contains("There is no source named no-such-source.md", noSourcePage.GetElementById("upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose at least one file", noFilePage.GetElementById("upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Upload_AnonymousOrReader_NoFormAndPostRefused()
    {
        // Arrange: neither sees the form, so each posts a copy of it with a valid token of its own.
        using var anonymous = app.Anonymous();
        using var reader = await app.SignInAsync(Roles.Reader);
        var anonymousPage = await anonymous.GetDocumentAsync("/Sources");
        var readerPage = await reader.GetDocumentAsync("/Sources");
        var signIn = await anonymous.GetDocumentAsync("/Account/SignIn");
        var name = Unique("intruder.md");
        var before = await app.SnapshotAsync();

        // Act
        using var anonymousResponse = await anonymous.Http.PostAsync("/Sources?handler=Upload", Multipart(TokenOf(signIn), name));
        using var readerResponse = await reader.Http.PostAsync("/Sources?handler=Upload", Multipart(TokenOf(readerPage), name));

        // Assert
        Assert.Null(anonymousPage.GetElementById("upload-form"));
        Assert.Null(readerPage.GetElementById("upload-form"));
        Assert.StartsWith("/Account/SignIn", PathOf(anonymousResponse), StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", PathOf(readerResponse), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Upload_WithoutOrWithForgedAntiforgeryToken_RefusedAndNothingStored()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync("/Sources");
        var form = page.Forms["upload-form"]!;
        var name = Unique("forged.md");
        var before = await app.SnapshotAsync();

        // Act
        using var missing = await client.UploadAsync(form, [(name, Utf8(PolicyText))], new() { ["__RequestVerificationToken"] = null });
        using var forged = await client.UploadAsync(form, [(name, Utf8(PolicyText))], new() { ["__RequestVerificationToken"] = "forged" });

        // Assert
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (missing.StatusCode, forged.StatusCode));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> UploadAsync(
        FormClient client, (string Name, byte[] Bytes)[] files, Dictionary<string, string?>? values = null)
    {
        var page = await client.GetDocumentAsync("/Sources");
        using var response = await client.UploadAsync(page.Forms["upload-form"]!, files, values);
        return (response.StatusCode, await FormClient.ParseAsync(response));
    }

    private static string Summary(IHtmlDocument page) => page.GetElementById("upload-summary")!.TextContent.Trim();

    /// <summary>Each result line's words (without the Stored or Refused label) and whether it is marked stored.</summary>
    private static List<(string Text, bool Stored)> Lines(IHtmlDocument page) =>
    [
        .. page.QuerySelectorAll("#upload-results li").Select(li => (
            string.Join(' ', li.ChildNodes.Where(n => n is not AngleSharp.Dom.IElement).Select(n => n.TextContent)).Trim(),
            li.ClassList.Contains("upload-stored"))),
    ];

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static string TokenOf(IHtmlDocument page) =>
        page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    private static MultipartFormDataContent Multipart(string token, string fileName) => new()
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new ByteArrayContent(Utf8(PolicyText)), "files", fileName },
    };

    private static string Unique(string name) => $"{Guid.NewGuid():N}"[..8] + "-" + name;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>The upload's limits are validated at start-up like every other setting, and shipped as documented.</summary>
public sealed class UploadOptionsTests
{
    [Fact]
    public void Options_NoFilesPerUpload_AppRefusesToStart()
    {
        // Arrange
        using var app = new NoUploadsApp();

        // Act
        var error = Record.Exception(() => app.Factory.Services);

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(nameof(IngestOptions.MaxFilesPerUpload), invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_TwentyFilesAndARequestLimitThatHoldsThem()
    {
        // Arrange
        using var app = new TestApp();

        // Act
        var options = app.Factory.Services.GetRequiredService<IOptions<IngestOptions>>().Value;

        // Assert: appsettings.json says what the class says; a full upload of files at the limit fits the request limit.
        Assert.Equal((20, new IngestOptions().MaxFilesPerUpload), (options.MaxFilesPerUpload, options.MaxFilesPerUpload));
        Assert.Equal((20L * 20 * 1024 * 1024) + IngestOptions.FormOverheadBytes, options.MaxUploadBytes);
        Assert.Equal(long.MaxValue, new IngestOptions { MaxFileBytes = long.MaxValue / 2 }.MaxUploadBytes);
    }

    private sealed class NoUploadsApp : TestApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Ingest:MaxFilesPerUpload", "0")];
    }
}
