using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

public sealed class IngestCommandTests(Workspace workspace) : IClassFixture<Workspace>
{
    private const string Article = "Example AI does not use your chats to train its models unless you opt in.\n";

    [Fact]
    public async Task Ingest_ClaimsBelowTheThreshold_LineCountsTheSuggestionsApart()
    {
        // Arrange: a threshold above every confidence makes each claim a suggestion.
        var path = workspace.WriteFile("all-suggestions.txt", Article);

        // Act
        var result = await workspace.RunCliAsync("ingest", path, "--Extraction:SuggestionThreshold=1.5");

        // Assert
        Assert.Equal(0, result.ExitCode);
        await using var db = workspace.CreateDbContext();
        var states = await db.Claims.IgnoreQueryFilters()
            .Where(c => c.Source!.FileName == "all-suggestions.txt").Select(c => c.Suggestion).ToListAsync();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal(SuggestionState.Pending, s));
        Assert.Equal($"added all-suggestions.txt: {IngestOutcome.Claims(states.Count, states.Count)}", Assert.Single(result.Lines));
    }

    [Fact]
    public async Task Ingest_NewFile_AddsSourceAndFirstVersion()
    {
        // Arrange
        var path = workspace.WriteFile("new-article.txt", Article);

        // Act
        var result = await workspace.RunCliAsync("ingest", path);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^added new-article\.txt: \d+ claims?$", Assert.Single(result.Lines));
        await using var db = workspace.CreateDbContext();
        var source = await db.Sources.Include(s => s.Versions).SingleAsync(s => s.FileName == "new-article.txt");
        Assert.Equal(1, source.Version);
        Assert.Equal(Article, source.Text);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(Article), source.ByteCount);
        Assert.Equal(64, source.Sha256.Length);
        var version = Assert.Single(source.Versions);
        Assert.Equal(1, version.Version);
        Assert.Equal(source.Sha256, version.Sha256);
    }

    [Fact]
    public async Task Ingest_SameBytesAgain_UnchangedAndDatabaseUntouched()
    {
        // Arrange
        var path = workspace.WriteFile("same-bytes.txt", Article);
        await workspace.RunCliAsync("ingest", path);
        var before = await workspace.SnapshotAsync();
        DateTimeOffset updatedBefore;
        await using (var db = workspace.CreateDbContext())
        {
            updatedBefore = (await db.Sources.SingleAsync(s => s.FileName == "same-bytes.txt")).UpdatedAt;
        }

        // Act
        var result = await workspace.RunCliAsync("ingest", path);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("unchanged same-bytes.txt: same bytes as version 1", Assert.Single(result.Lines));
        Assert.Equal(before, await workspace.SnapshotAsync());
        await using var after = workspace.CreateDbContext();
        var source = await after.Sources.SingleAsync(s => s.FileName == "same-bytes.txt");
        Assert.Equal(1, source.Version);
        Assert.Equal(updatedBefore, source.UpdatedAt);
    }

    [Fact]
    public async Task Ingest_NewBytesSameName_ReplacesTextAndClaimsAsVersion2()
    {
        // Arrange
        var path = workspace.WriteFile("changing.txt", Article);
        await workspace.RunCliAsync("ingest", path);
        long oldClaimId;
        await using (var db = workspace.CreateDbContext())
        {
            // A claim the first version made; the replacement must not keep it, whatever the extractor finds.
            var source = await db.Sources.SingleAsync(s => s.FileName == "changing.txt");
            var claim = new Claim
            {
                SourceId = source.Id, Subject = "example", Topic = "training.default", Scope = "consumer",
                Value = "opt-in", Quote = Article[..20], Start = 0, End = 20,
            };
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            oldClaimId = claim.Id;
        }

        const string updated = "Example AI now uses your chats to train its models by default.\n";
        workspace.WriteFile("changing.txt", updated);

        // Act
        var result = await workspace.RunCliAsync("ingest", path);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^new version of changing\.txt: version 2 of 2, \d+ claims?, \d+ changes? in its history$", Assert.Single(result.Lines));
        await using var after = workspace.CreateDbContext();
        var stored = await after.Sources.Include(s => s.Versions).Include(s => s.Claims).SingleAsync(s => s.FileName == "changing.txt");
        Assert.Equal(2, stored.Version);
        Assert.Equal(updated, stored.Text);
        Assert.Equal([1, 2], stored.Versions.Select(v => v.Version).Order());
        Assert.False(await after.Claims.AnyAsync(c => c.Id == oldClaimId));
        Assert.All(stored.Claims, c => Assert.Equal(c.Quote, stored.Text[c.Start..c.End]));
        Assert.Equal(stored.Claims.Count, stored.Versions.Single(v => v.Version == 2).ClaimCount);
    }

    [Fact]
    public async Task Ingest_RefusedAmongGoodFiles_PrintsReasonsKeepsDatabaseAndExitsOne()
    {
        // Arrange
        await workspace.RunCliAsync("ingest", workspace.WriteFile("already-there.txt", Article));
        var unknown = workspace.WriteFile("notes.pdf", Article);
        var oversize = workspace.WriteFile("oversize.txt", new string('x', 500));
        var good = workspace.WriteFile("good.txt", "Short and fine.\n");
        var missing = Path.Combine(workspace.FilesDirectory, "missing.txt");
        var before = await workspace.SnapshotAsync();

        // Act
        var result = await workspace.RunCliAsync("ingest", unknown, oversize, missing, good, "--Ingest:MaxFileBytes=200");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Collection(
            result.Lines,
            line => Assert.StartsWith("refused notes.pdf: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("refused oversize.txt: ", line, StringComparison.Ordinal),
            line => Assert.Equal($"refused {missing}: no such file or folder", line),
            line => Assert.Matches(@"^added good\.txt: \d+ claims?$", line));
        Assert.Contains("'.pdf'", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains("too big", result.Lines[1], StringComparison.Ordinal);

        Assert.Equal(before, await workspace.SnapshotAsync(excluding: "good.txt"));
        await using var db = workspace.CreateDbContext();
        Assert.False(await db.Sources.AnyAsync(s => s.FileName == "notes.pdf" || s.FileName == "oversize.txt"));
    }

    /// <summary>The refusal's reason comes from the source reader; the placeholder reader accepts empty files.</summary>
    [Fact]
    public async Task Ingest_EmptyFile_RefusedAndDatabaseUnchanged()
    {
        // Arrange
        var path = workspace.WriteFile("empty.txt", []);
        var before = await workspace.SnapshotAsync();

        // Act
        var result = await workspace.RunCliAsync("ingest", path);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("refused empty.txt: ", Assert.Single(result.Lines), StringComparison.Ordinal);
        Assert.Equal(before, await workspace.SnapshotAsync());
    }

    /// <summary>The refusal's reason comes from the source reader; the placeholder reader accepts binary content.</summary>
    [Fact]
    public async Task Ingest_BinaryWithNulBytes_RefusedAndDatabaseUnchanged()
    {
        // Arrange
        var path = workspace.WriteFile("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0xFF, 0x00]);
        var before = await workspace.SnapshotAsync();

        // Act
        var result = await workspace.RunCliAsync("ingest", path);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("refused binary.txt: ", Assert.Single(result.Lines), StringComparison.Ordinal);
        Assert.Equal(before, await workspace.SnapshotAsync());
    }

    [Fact]
    public async Task Ingest_Folder_TakesKnownExtensionsRecursively()
    {
        // Arrange
        workspace.WriteFile("folder/a.md", "# A\n\nSome text.\n");
        workspace.WriteFile("folder/nested/b.html", "<html><body><p>Some text.</p></body></html>");
        workspace.WriteFile("folder/nested/skip.bin", [1, 2, 3]);
        workspace.WriteFile("folder/skip.json", "{}");

        // Act
        var result = await workspace.RunCliAsync("ingest", Path.Combine(workspace.FilesDirectory, "folder"));

        // Assert: the files no reader handles are named with the reason, and do not fail the run.
        var folder = Path.Combine(workspace.FilesDirectory, "folder");
        Assert.Equal(0, result.ExitCode);
        Assert.Collection(
            result.Lines,
            line => Assert.StartsWith("added a.md: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("added b.html: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith($"skipped {Path.Combine(folder, "nested", "skip.bin")}: unknown file type '.bin'", line, StringComparison.Ordinal),
            line => Assert.StartsWith($"skipped {Path.Combine(folder, "skip.json")}: unknown file type '.json'", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_NoPath_UsageErrorExitsTwo()
    {
        // Act
        var result = await workspace.RunCliAsync("ingest");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least one file or folder", result.Error, StringComparison.Ordinal);
    }
}
