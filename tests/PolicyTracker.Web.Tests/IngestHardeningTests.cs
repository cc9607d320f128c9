using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>
/// Inputs that used to hang an ingest or lose a source: markup the HTML parser reads in quadratic time, folders with
/// links that loop, and two files of one name in one run. Every run is bounded by a guard, so a regression fails.
/// </summary>
public sealed class IngestHardeningTests(Workspace workspace) : IClassFixture<Workspace>
{
    private const string Policy = "Example AI does not use your chats to train its models unless you opt in.\n";

    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Ingest_PathologicalHtmlAmongGoodFiles_RefusedInOneLineAndTheOthersIngested()
    {
        // Arrange: 5 MB of misnested formatting tags, which the parser alone took minutes over.
        var hostile = new StringBuilder("<!doctype html><body>");
        for (var i = 0; hostile.Length < 5 * 1024 * 1024; i++)
        {
            hostile.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p><b id=b{i}>x</p><table><td><i>y ");
        }

        workspace.WriteFile("hostile-html/a-hostile.html", hostile.ToString());
        workspace.WriteFile("hostile-html/b-good.txt", Policy);
        var before = await workspace.SnapshotAsync(excluding: "b-good.txt");

        // Act
        var result = await RunGuardedAsync("ingest", Path.Combine(workspace.FilesDirectory, "hostile-html"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Collection(
            result.Lines,
            line => Assert.Matches("^refused a-hostile.html: the HTML is (nested too deeply|misnested too badly) to read: [^\n]+$", line),
            line => Assert.StartsWith("added b-good.txt: ", line, StringComparison.Ordinal));
        Assert.Equal(before, await workspace.SnapshotAsync(excluding: "b-good.txt"));
    }

    [Fact]
    public async Task Ingest_ReadSlowerThanTheTimeLimit_RefusedWithTheSetting()
    {
        // Arrange: ordinary markup, but a limit no parse can meet stands in for markup the guard does not foresee.
        var html = new StringBuilder("<!doctype html><body>");
        for (var i = 0; html.Length < 2 * 1024 * 1024; i++)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>Paragraph {i} with <b>bold</b> text.</p>");
        }

        var path = workspace.WriteFile("slow.html", html.ToString());

        // Act
        var result = await RunGuardedAsync("ingest", path, "--Ingest:ReadTimeoutSeconds=0.001");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "refused slow.html: reading took longer than 0.001 s (Ingest:ReadTimeoutSeconds): the markup is too complex to read",
            Assert.Single(result.Lines));
    }

    [Fact]
    public async Task Ingest_FolderWithLinkLoopAndOutsideLink_ReadsEachFileOnceAndNamesWhatItSkipped()
    {
        // Arrange: a link back up into the folder (a loop), one to a folder outside, and one to a file outside.
        var root = Path.Combine(workspace.FilesDirectory, "looped");
        workspace.WriteFile("looped/policy.txt", Policy);
        workspace.WriteFile("looped/sub/guide.md", "# Guide\n\nSome text.\n");
        workspace.WriteFile("looped/notes.docx", "not read");
        workspace.WriteFile("outside/secret.txt", "Outside text.\n");
        Directory.CreateSymbolicLink(Path.Combine(root, "sub", "again"), "..");
        Directory.CreateSymbolicLink(Path.Combine(root, "elsewhere"), Path.Combine(workspace.FilesDirectory, "outside"));
        File.CreateSymbolicLink(Path.Combine(root, "secret-link.txt"), Path.Combine(workspace.FilesDirectory, "outside", "secret.txt"));

        // Act
        var result = await RunGuardedAsync("ingest", root);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
        [
            $"skipped {Path.Combine(root, "elsewhere")}: a link to a folder; links to folders are not followed",
            $"skipped {Path.Combine(root, "notes.docx")}: unknown file type '.docx' (PolicyTracker reads .txt, .md, .html and .htm)",
            "added policy.txt: N claims",
            $"skipped {Path.Combine(root, "secret-link.txt")}: a link to a file outside the folder; it is not followed",
            $"skipped {Path.Combine(root, "sub", "again")}: a link to a folder; links to folders are not followed",
            "added guide.md: N claims",
        ], result.Lines.Select(l => Regex.Replace(l, @": \d+ claims?(?:, (?:\d+ of them )?an? suggestions? for editors|, \d+ of them suggestions for editors)?$", ": N claims")));
        await using var db = workspace.CreateDbContext();
        Assert.Equal(1, await db.Sources.CountAsync(s => s.FileName == "policy.txt"));
        Assert.False(await db.Sources.AnyAsync(s => s.FileName == "secret.txt" || s.FileName == "secret-link.txt"));
    }

    [Fact]
    public async Task Ingest_FolderAndAFileInItNamedTogether_ReadsTheFileOnce()
    {
        // Arrange
        var path = workspace.WriteFile("twice/once.txt", Policy);

        // Act
        var result = await RunGuardedAsync("ingest", Path.Combine(workspace.FilesDirectory, "twice"), path);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Collection(
            result.Lines,
            line => Assert.StartsWith("added once.txt: ", line, StringComparison.Ordinal),
            line => Assert.Equal($"skipped {path}: the same file was already read in this run", line));
    }

    [Fact]
    public void Under_Folder_ListsEachFolderOnlyWhenItIsReached()
    {
        // Arrange
        var root = Path.Combine(workspace.FilesDirectory, "streamed");
        workspace.WriteFile("streamed/a/first.txt", Policy);
        Directory.CreateDirectory(Path.Combine(root, "b"));
        using var files = SourceFiles.Under(root, new HashSet<string>()).GetEnumerator();

        // Act: a file added to a later folder after the first file was handed out is still found.
        Assert.True(files.MoveNext());
        var first = files.Current;
        workspace.WriteFile("streamed/b/later.txt", Policy);
        var rest = new List<SourceFile>();
        while (files.MoveNext())
        {
            rest.Add(files.Current);
        }

        // Assert
        Assert.Equal(new SourceFile(Path.Combine(root, "a", "first.txt"), null), first);
        Assert.Equal([new SourceFile(Path.Combine(root, "b", "later.txt"), null)], rest);
    }

    [Fact]
    public async Task Ingest_SameFileNameInTwoFolders_SecondRefusedNamingBothPaths()
    {
        // Arrange
        var first = workspace.WriteFile("same-name/a/policy-twice.txt", Policy);
        var second = workspace.WriteFile("same-name/b/policy-twice.txt", "Example AI now trains on your chats by default.\n");

        // Act
        var result = await RunGuardedAsync("ingest", Path.Combine(workspace.FilesDirectory, "same-name"));

        // Assert: the first stays as it was stored; the second is refused, not stored over it.
        Assert.Equal(1, result.ExitCode);
        Assert.Collection(
            result.Lines,
            line => Assert.StartsWith("added policy-twice.txt: ", line, StringComparison.Ordinal),
            line => Assert.Equal(
                $"refused {second}: same file name as {first}, ingested in this run; rename one of them, as a source is known by its file name",
                line));
        await using (var db = workspace.CreateDbContext())
        {
            var source = await db.Sources.SingleAsync(s => s.FileName == "policy-twice.txt");
            Assert.Equal(Policy, source.Text);
            Assert.Equal(1, source.Version);
        }

        // A later run with new bytes under the name is a new version, as before.
        var later = await RunGuardedAsync("ingest", second);
        Assert.Equal(0, later.ExitCode);
        Assert.StartsWith("new version of policy-twice.txt: version 2 of 2", Assert.Single(later.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameFileNameNamedTwice_SecondRefused()
    {
        // Arrange
        var first = workspace.WriteFile("named/a/terms.md", "# Terms\n\nFirst.\n");
        var second = workspace.WriteFile("named/b/terms.md", "# Terms\n\nSecond.\n");

        // Act
        var result = await RunGuardedAsync("ingest", first, second);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"refused {second}: same file name as {first}, ingested in this run; rename one of them, as a source is known by its file name", result.Lines[1]);
    }

    private async Task<CliResult> RunGuardedAsync(params string[] args) =>
        await workspace.RunCliAsync(args).WaitAsync(Guard);
}
