using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Cli;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>
/// The ingest command stores several files to a transaction while it reads the next ones (IngestPipeline). Whatever
/// the batches, the database must end exactly as if each file had been stored alone, one after another, and a file
/// that is refused or fails must change nothing while the others are stored.
/// </summary>
public sealed class BatchedIngestTests(TestApp workspace) : IClassFixture<TestApp>
{
    private static readonly string[] OneByOne = ["--Ingest:BatchFiles=1", "--Ingest:Readers=1"];

    [Theory]
    [InlineData(32)]
    [InlineData(3)]
    public async Task Ingest_FolderInBatches_SameRowsAndLinesAsOneFileATime(int batchFiles)
    {
        // Arrange: new sources, the same bytes under two names, refusals in the middle, a name taken twice, a name whose
        // first file was refused, new bytes for a stored source and the same bytes as a stored one.
        using var batched = new Workspace();
        using var alone = new Workspace();
        var folder = MixedFolder(batched);
        MixedFolder(alone);

        // Act: the whole folder in a batch, or small batches whose ends fall anywhere; and one file per transaction.
        var inBatches = await IngestAsync(batched, folder, $"--Ingest:BatchFiles={batchFiles}");
        var oneAtATime = await IngestAsync(alone, folder, OneByOne);

        // Assert
        Assert.Equal(oneAtATime.ExitCode, inBatches.ExitCode);
        Assert.Equal(1, inBatches.ExitCode);
        Assert.Equal(oneAtATime.Lines, inBatches.Lines);
        Assert.Equal(await RowsAsync(alone), await RowsAsync(batched));
        Assert.Contains(inBatches.Lines, l => l.StartsWith("new version of existing.md: version 2 of 2, ", StringComparison.Ordinal));
        Assert.Contains("unchanged unchanged.md: same bytes as version 1", inBatches.Lines);
        Assert.Contains(inBatches.Lines, l => l.StartsWith("refused empty-first.txt: ", StringComparison.Ordinal));
        Assert.Contains(inBatches.Lines, l => l.StartsWith("added empty-first.txt: ", StringComparison.Ordinal));
        Assert.Contains(inBatches.Lines, l => l.StartsWith($"refused {Path.Combine(folder, "z", "b-policy.md")}: same file name as ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_FolderInOneBatch_SameRowsAsSeparateRuns()
    {
        // Arrange: every file its own source, so a run per file means the same as one run over the folder.
        using var batched = new Workspace();
        using var separately = new Workspace();
        var folder = Path.Combine(batched.FilesDirectory, "articles");
        for (var i = 0; i < 12; i++)
        {
            var text = Policy($"Company{i}", i % 2 == 0 ? OptIn($"Company{i}") : OptOut($"Company{i}"), $"Deleted chats are removed within {10 + i} days.");
            batched.WriteFile($"articles/article-{i:D2}.md", text);
        }

        File.Copy(Directory.GetFiles(Workspace.ShippedSeedsDirectory).Order(StringComparer.Ordinal).First(), Path.Combine(folder, "seed.txt"));

        // Act
        var run = await IngestAsync(batched, folder);
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            Assert.Equal(0, (await separately.RunCliAsync("ingest", file)).ExitCode);
        }

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(13, run.Lines.Count(l => l.StartsWith("added ", StringComparison.Ordinal)));
        Assert.Equal(await RowsAsync(separately), await RowsAsync(batched));
    }

    [Fact]
    public async Task Ingest_VersionsOfOneSourceInOneBatch_KeepTheirOrder()
    {
        // Arrange: versions of one chosen source, the third with the bytes of the second and the last a return to the first.
        var first = Policy("Initech", OptIn("Initech"), "Deleted chats are removed within 30 days.");
        var second = Policy("Initech", OptOut("Initech"), "Deleted chats are removed within 30 days.");
        var third = Policy("Initech", OptOut("Initech"), "Deleted chats are removed within 90 days.");
        workspace.WriteFile("initech/1-first.md", first);
        workspace.WriteFile("initech/2-second.md", second);
        workspace.WriteFile("initech/3-second-again.md", second);
        workspace.WriteFile("initech/4-third.md", third);
        workspace.WriteFile("initech/5-first-again.md", first);

        // Act
        var result = await IngestAsync(workspace, Path.Combine(workspace.FilesDirectory, "initech"), "--source", "initech");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Collection(
            result.Lines,
            l => Assert.StartsWith("added initech: ", l, StringComparison.Ordinal),
            l => Assert.StartsWith("new version of initech: version 2 of 2, ", l, StringComparison.Ordinal),
            l => Assert.Equal("unchanged initech: same bytes as version 2", l),
            l => Assert.StartsWith("new version of initech: version 3 of 3, ", l, StringComparison.Ordinal),
            l => Assert.StartsWith("new version of initech: version 4 of 4, ", l, StringComparison.Ordinal));
        await using var db = workspace.CreateDbContext();
        var versions = await db.SourceVersions.Where(v => v.Source!.FileName == "initech").OrderBy(v => v.Version).ToListAsync();
        Assert.Equal(["1-first.md", "2-second.md", "4-third.md", "5-first-again.md"], versions.Select(v => v.FileName));
        Assert.Equal(versions.Select(v => v.ObservedAt).Order(), versions.Select(v => v.ObservedAt));
        var training = await db.SourceChanges.Where(c => c.Source!.FileName == "initech" && c.Topic == "training.default")
            .OrderBy(c => c.ToVersion).Select(c => new { c.FromValue, c.ToValue, c.ToVersion }).ToListAsync();
        Assert.Equal([("opt-in", "opt-out", 2), ("opt-out", "opt-in", 4)], training.Select(c => (c.FromValue!, c.ToValue!, c.ToVersion)));
        Assert.Equal(versions[0].Sha256, versions[3].Sha256);
        Assert.Equal(versions[3].Sha256, (await db.Sources.SingleAsync(s => s.FileName == "initech")).Sha256);
    }

    [Fact]
    public async Task StoreAsync_VersionsDatedOutOfOrderInOneBatch_TakeTheirDateOrderAsOneByOne()
    {
        // Arrange: the same five versions of two sources, dated out of order; one stored in one batch, one file by file.
        string[] texts =
        [
            Policy("Hooli", OptOut("Hooli"), "Deleted chats are removed within 60 days."),
            Policy("Hooli", OptIn("Hooli"), "Deleted chats are removed within 30 days."),
            Policy("Hooli", OptOut("Hooli"), "Deleted chats are removed within 30 days."),
            Policy("Hooli", OptOut("Hooli"), "Deleted chats are removed within 60 days."),
            Policy("Hooli", OptIn("Hooli"), "Deleted chats are removed within 90 days."),
        ];
        int[] days = [20, 1, 10, 15, 5];
        await using var scope = workspace.Factory.Services.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        async Task<List<PreparedFile>> PrepareAsync(string source) =>
            [.. await Task.WhenAll(texts.Select((text, i) => Task.Run(async () =>
            {
                // Each reader has an ingestor of its own, as the command's readers do.
                await using var reader = workspace.Factory.Services.CreateAsyncScope();
                return await reader.ServiceProvider.GetRequiredService<SourceIngestor>().PrepareAsync(
                    $"v{i}.md", $"v{i}.md", Encoding.UTF8.GetBytes(text), new IngestAs(source, new DateOnly(2025, 3, days[i])), default);
            })))];

        // Act
        var inOneBatch = await ingestor.StoreAsync(await PrepareAsync("hooli-batched"), new IngestRun(new IngestAs("hooli-batched")), default);
        var oneByOne = new List<IngestOutcome>();
        var run = new IngestRun(new IngestAs("hooli-alone"));
        foreach (var file in await PrepareAsync("hooli-alone"))
        {
            oneByOne.Add(await ingestor.StoreOneAsync(file, run, default));
        }

        // Assert
        Assert.Equal(oneByOne.Select(o => o.Line.Replace("hooli-alone", "hooli", StringComparison.Ordinal)),
            inOneBatch.Select(o => o.Line.Replace("hooli-batched", "hooli", StringComparison.Ordinal)));
        Assert.Equal(await HistoryAsync("hooli-alone"), await HistoryAsync("hooli-batched"));
        // v3 has the bytes of v0, the version after its date: unchanged.
        Assert.Equal("unchanged hooli-batched: same bytes as version 3", inOneBatch[3].Line);
        Assert.Equal(["v1.md", "v4.md", "v2.md", "v0.md"], (await HistoryAsync("hooli-batched"))[0]);
    }

    [Fact]
    public async Task Ingest_BadFileInTheMiddleOfABatch_RefusedAndTheOthersStored()
    {
        // Arrange
        _ = workspace.Factory.Services;
        var folder = Path.Combine(workspace.FilesDirectory, "middle");
        for (var i = 0; i < 9; i++)
        {
            workspace.WriteFile($"middle/m{i}.md", Policy($"Middle{i}", OptIn($"Middle{i}"), "Deleted chats are removed within 30 days."));
        }

        workspace.WriteFile("middle/m4.md", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]);
        var before = await workspace.SnapshotAsync(excluding: [.. Enumerable.Range(0, 9).Select(i => $"m{i}.md")]);

        // Act
        var result = await IngestAsync(workspace, folder);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(9, result.Lines.Count);
        Assert.StartsWith("refused m4.md: ", result.Lines[4], StringComparison.Ordinal);
        Assert.All(result.Lines.Where((_, i) => i != 4), l => Assert.StartsWith("added m", l, StringComparison.Ordinal));
        Assert.Equal(before, await workspace.SnapshotAsync(excluding: [.. Enumerable.Range(0, 9).Select(i => $"m{i}.md")]));
        await using var db = workspace.CreateDbContext();
        var names = Enumerable.Range(0, 9).Select(i => $"m{i}.md").ToList();
        Assert.Equal(8, await db.Sources.CountAsync(s => names.Contains(s.FileName)));
        Assert.False(await db.Sources.AnyAsync(s => s.FileName == "m4.md"));
    }

    [Fact]
    public async Task Ingest_FileTheDatabaseRefusesInTheMiddleOfABatch_FailsAloneAndTheOthersAreStoredOnce()
    {
        // Arrange: the database itself refuses one file's source row, so the batch holding it fails and is stored again
        // file by file.
        using var poisoned = new Workspace();
        Assert.Equal(0, (await poisoned.RunCliAsync("ingest", poisoned.WriteFile("first.md", Policy("First", OptIn("First"), "")))).ExitCode);
        await using (var db = poisoned.CreateDbContext())
        {
            foreach (var sql in poisoned.Provider == DatabaseProvider.Postgres
                ? new[]
                {
                    """
                    CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
                    BEGIN IF NEW."FileName" = 'p3-poison.md' THEN RAISE EXCEPTION 'this row is refused by the test'; END IF; RETURN NEW; END
                    $$ LANGUAGE plpgsql
                    """,
                    """CREATE TRIGGER "RefusePoison" BEFORE INSERT ON "Sources" FOR EACH ROW EXECUTE FUNCTION refuse_poison()""",
                }
                : ["""CREATE TRIGGER "RefusePoison" BEFORE INSERT ON "Sources" WHEN NEW."FileName" = 'p3-poison.md' BEGIN SELECT RAISE(ABORT, 'this row is refused by the test'); END"""])
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        var folder = Path.Combine(poisoned.FilesDirectory, "poison");
        string[] names = ["p0.md", "p1.md", "p2.md", "p3-poison.md", "p4.md", "p5.md"];
        foreach (var name in names)
        {
            poisoned.WriteFile($"poison/{name}", Policy(name, OptOut(name), "Deleted chats are removed within 45 days."));
        }

        // Act
        var result = await IngestAsync(poisoned, folder);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(names.Length, result.Lines.Count);
        Assert.StartsWith("failed p3-poison.md: ", result.Lines[3], StringComparison.Ordinal);
        Assert.All(result.Lines.Where((_, i) => i != 3), l => Assert.StartsWith("added p", l, StringComparison.Ordinal));
        await using var after = poisoned.CreateDbContext();
        var stored = await after.Sources.Where(s => names.Contains(s.FileName)).Select(s => s.FileName).OrderBy(n => n).ToListAsync();
        Assert.Equal(names.Where(n => n != "p3-poison.md"), stored);
        Assert.Equal(5, await after.SourceVersions.CountAsync(v => names.Contains(v.Source!.FileName)));
        Assert.Equal(
            await after.SourceVersions.Where(v => names.Contains(v.Source!.FileName)).SumAsync(v => v.ClaimCount),
            await after.Claims.IgnoreQueryFilters().CountAsync(c => names.Contains(c.Source!.FileName)));
    }

    [Fact]
    public async Task Ingest_TwoRunsOfOneFolderAtOnce_EachSourceStoredOnce()
    {
        // Arrange: two processes ingesting the same new files at the same moment, as two people might.
        var folder = Path.Combine(workspace.FilesDirectory, "twice-at-once");
        for (var i = 0; i < 40; i++)
        {
            workspace.WriteFile($"twice-at-once/t{i:D2}.md", Policy($"Twice{i}", OptIn($"Twice{i}"), $"Deleted chats are removed within {i + 1} days."));
        }

        // Act
        var runs = await Task.WhenAll(
            Task.Run(() => RunElsewhereAsync(workspace, "a", folder)),
            Task.Run(() => RunElsewhereAsync(workspace, "b", folder)));

        // Assert: each file added by one run and unchanged for the other.
        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        for (var i = 0; i < 40; i++)
        {
            var name = $"t{i:D2}.md";
            var lines = runs.Select(r => r.Lines.Single(l => l.Contains($" {name}", StringComparison.Ordinal))).ToList();
            Assert.Single(lines, l => l.StartsWith($"added {name}: ", StringComparison.Ordinal));
            Assert.Single(lines, l => l == $"unchanged {name}: same bytes as version 1");
        }

        await using var db = workspace.CreateDbContext();
        var names = Enumerable.Range(0, 40).Select(i => $"t{i:D2}.md").ToList();
        var sources = await db.Sources.Where(s => names.Contains(s.FileName))
            .Select(s => new { s.Id, s.Version, Versions = s.Versions.Count, Expected = s.Versions.Sum(v => v.ClaimCount) })
            .ToListAsync();
        var claims = await db.Claims.IgnoreQueryFilters().Where(c => names.Contains(c.Source!.FileName))
            .GroupBy(c => c.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(40, sources.Count);
        Assert.All(sources, s => Assert.Equal((1, 1, s.Expected), (s.Version, s.Versions, claims.GetValueOrDefault(s.Id))));
    }

    /// <summary>Runs the ingest command over the folder, with more options and settings.</summary>
    private static Task<CliResult> IngestAsync(Workspace where, string folder, params string[] settings) =>
        where.RunCliAsync(["ingest", folder, .. settings]);

    /// <summary>An ingest run as a process of its own would run it: the same database, a data folder (and log) of its own.</summary>
    private static async Task<CliResult> RunElsewhereAsync(Workspace where, string name, string folder)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(
        [
            "ingest", folder, $"--Database:Provider={where.Provider}", $"--ConnectionStrings:Default={where.ConnectionString}",
            $"--Storage:DataDirectory={Path.Combine(where.Root, "data-" + name)}", $"--Seeds:Directory={where.SeedsDirectory}",
        ], TextReader.Null, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>The folder of <see cref="Ingest_FolderInBatches_SameRowsAndLinesAsOneFileATime"/>, with two sources stored before it.</summary>
    private static string MixedFolder(Workspace where)
    {
        var existing = where.WriteFile("before/existing.md", Policy("Existing", OptIn("Existing"), "Deleted chats are removed within 30 days."));
        var unchanged = where.WriteFile("before/unchanged.md", Policy("Unchanged", OptOut("Unchanged"), "Deleted chats are removed within 7 days."));
        Assert.Equal(0, where.RunCliAsync("ingest", existing, unchanged).GetAwaiter().GetResult().ExitCode);

        var seeds = Directory.GetFiles(Workspace.ShippedSeedsDirectory).Order(StringComparer.Ordinal).ToList();
        var files = new (string Name, byte[] Bytes)[]
        {
            ("a-seed.txt", File.ReadAllBytes(seeds[0])),
            ("b-policy.md", Bytes(Policy("Acme", OptIn("Acme"), "Deleted chats are removed within 30 days."))),
            ("c-copy-of-b.md", Bytes(Policy("Acme", OptIn("Acme"), "Deleted chats are removed within 30 days."))),
            ("d-binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]),
            ("e/empty-first.txt", []),
            ("existing.md", Bytes(Policy("Existing", OptOut("Existing"), "Deleted chats are removed within 60 days."))),
            ("f-seed.txt", File.ReadAllBytes(seeds[1])),
            ("g/empty-first.txt", Bytes(Policy("Later", OptOut("Later"), "Deleted chats are removed within 14 days."))),
            ("h-page.html", Bytes($"<html><head><title>Globex</title></head><body><p>{OptOut("Globex")}</p><p>Deleted chats are removed within 90 days.</p></body></html>")),
            ("i-notes.docx", Bytes("not read")),
            ("j-seed.txt", File.ReadAllBytes(seeds[2])),
            ("unchanged.md", Bytes(Policy("Unchanged", OptOut("Unchanged"), "Deleted chats are removed within 7 days."))),
            ("z/b-policy.md", Bytes(Policy("Acme", OptOut("Acme"), "Deleted chats are removed within 60 days."))),
            ("zz-seed.txt", File.ReadAllBytes(seeds[3])),
        };
        foreach (var (name, bytes) in files)
        {
            where.WriteFile($"mixed/{name}", bytes);
        }

        return Path.Combine(where.FilesDirectory, "mixed");
    }

    /// <summary>
    /// Every row an ingest writes, ids included, without the moments it was written at; a version's moment only by its
    /// place among its source's versions (the version number, checked to follow the dates).
    /// </summary>
    private static async Task<List<string>> RowsAsync(Workspace where)
    {
        await using var db = where.CreateDbContext();
        var rows = new List<string>();
        rows.AddRange((await db.Sources.OrderBy(s => s.Id).ToListAsync()).Select(s =>
            $"source {s.Id} {s.FileName} {s.Title} {s.Format} {s.Kind} {s.Sha256} {s.ByteCount} v{s.Version} {s.Text}"));
        var versions = await db.SourceVersions.OrderBy(v => v.Id).ToListAsync();
        rows.AddRange(versions.Select(v =>
            $"version {v.Id} of {v.SourceId} #{v.Version} {v.Sha256} {v.ByteCount} {v.ClaimCount} {v.StatedDate} {v.FileName} {v.Title} {v.Format} {v.Claims} {v.Text}"));
        rows.AddRange((await db.Claims.IgnoreQueryFilters().OrderBy(c => c.Id).ToListAsync()).Select(c => string.Create(
            CultureInfo.InvariantCulture,
            $"claim {c.Id} of {c.SourceId} {c.Subject} {c.Topic} {c.Scope} {c.Value} [{c.Start}, {c.End}) {c.Quote} {c.Confidence:R} {c.Cues} {c.Suggestion} {c.Status} r{c.Revision} {c.PreviousQuote}")));
        rows.AddRange((await db.SourceChanges.OrderBy(c => c.Id).ToListAsync()).Select(c =>
            $"change {c.Id} of {c.SourceId} {c.Subject} {c.Topic} {c.Scope} {c.Kind} {c.FromVersion}->{c.ToVersion} {c.FromValue}->{c.ToValue} {c.FromQuote} {c.ToQuote} [{c.FromStart}, {c.FromEnd}) [{c.ToStart}, {c.ToEnd})"));
        foreach (var source in versions.GroupBy(v => v.SourceId))
        {
            var byNumber = source.OrderBy(v => v.Version).Select(v => v.ObservedAt).ToList();
            Assert.Equal(byNumber.Order(), byNumber);
        }

        return rows;
    }

    /// <summary>A source's versions' file names in number order, then its stored changes.</summary>
    private async Task<List<List<string>>> HistoryAsync(string source)
    {
        await using var db = workspace.CreateDbContext();
        var versions = await db.SourceVersions.Where(v => v.Source!.FileName == source).OrderBy(v => v.Version).Select(v => v.FileName!).ToListAsync();
        var changes = await db.SourceChanges.Where(c => c.Source!.FileName == source).OrderBy(c => c.Id)
            .Select(c => $"{c.Topic} {c.Kind} {c.FromVersion}->{c.ToVersion} {c.FromValue}->{c.ToValue}").ToListAsync();
        var current = await db.Claims.IgnoreQueryFilters().Where(c => c.Source!.FileName == source).OrderBy(c => c.Id)
            .Select(c => $"{c.Topic} {c.Value} {c.Quote}").ToListAsync();
        return [versions, changes, current];
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Policy(string company, string training, string deletion) =>
        $"{company} privacy policy\n\n{training}\n\n{deletion}\n";

    private static string OptIn(string company) => $"{company} does not use your conversations to train its models unless you explicitly opt in.";

    private static string OptOut(string company) => $"{company} may use your conversations to train its models unless you opt out.";
}
