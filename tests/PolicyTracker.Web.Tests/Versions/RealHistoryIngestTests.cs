using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Versions;

/// <summary>
/// A real document history (tests/versions, from Open Terms Archive) ingested version by version with the command
/// line, as an analyst would: the changes it really made are listed, and its older versions compare with nothing.
/// </summary>
public sealed class RealHistoryIngestTests(TestApp app) : IClassFixture<TestApp>
{
    private static string History(string name) => Path.Combine(AppContext.BaseDirectory, "versions", name);

    [Fact]
    public async Task Ingest_LovableHistoryInOrder_ExportListsTheTrainingClauseItAdded()
    {
        // Arrange: each file is named by the day it was recorded.
        var files = Directory.GetFiles(History("lovable-privacy-policy"), "*.md").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);

        // Act
        foreach (var file in files)
        {
            var result = await app.RunCliAsync("ingest", file, "--source", "lovable-privacy", "--observed", Path.GetFileName(file)[..10]);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);
        }

        var export = await app.RunCliAsync("export", "--format", "json");

        // Assert
        Assert.Equal(0, export.ExitCode);
        using var json = JsonDocument.Parse(export.Output);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("source").GetString() == "lovable-privacy").ToList();
        var training = Assert.Single(
            changes, c => c.GetProperty("topic").GetString() == "training.default" && c.GetProperty("to").GetString() == "opt-out");
        Assert.Equal("added", training.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, training.GetProperty("from").ValueKind);
        Assert.Equal(("lovable-privacy", "2025-09-30"), (training.GetProperty("source").GetString(), training.GetProperty("toDate").GetString()));
        Assert.Contains("train", training.GetProperty("toQuote").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(changes, c => c.GetProperty("topic").GetString() == "retention.closed_account" && c.GetProperty("to").GetString() == "P30D");
        Assert.All(changes, c => Assert.Equal("2025-09-30", c.GetProperty("toDate").GetString()));

        // Only the current version's claims are stored to compare: the older text's claims are history.
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "lovable-privacy");
        Assert.Equal(2, source.Version);
        var current = await db.SourceVersions.SingleAsync(v => v.SourceId == source.Id && v.Version == 2);
        Assert.Equal(current.Text, source.Text);
        Assert.All(await db.Claims.Where(c => c.SourceId == source.Id).ToListAsync(), c => Assert.Equal(c.Quote, current.Text![c.Start..c.End]));
        // Whatever disagrees, disagrees within what the source says now, not with what it used to say.
        var now = (await db.Claims.Where(c => c.SourceId == source.Id).Select(c => new { c.Topic, c.Value }).ToListAsync())
            .Select(c => (c.Topic, c.Value)).ToHashSet();
        foreach (var contradiction in json.RootElement.GetProperty("contradictions").EnumerateArray()
            .Where(c => c.GetProperty("subject").GetString() == "lovable"))
        {
            var topic = contradiction.GetProperty("topic").GetString()!;
            Assert.All(contradiction.GetProperty("values").EnumerateArray(), v => Assert.Contains((topic, v.GetString()!), now));
        }
    }

    [Fact]
    public async Task Ingest_GitHubHistoryOutOfOrder_EndsAsInOrder()
    {
        // Arrange: newest first, the worst order for renumbering.
        var files = Directory.GetFiles(History("github-copilot-privacy-policy"), "*.md").Order(StringComparer.Ordinal).ToList();

        // Act
        foreach (var file in Enumerable.Reverse(files))
        {
            var result = await app.RunCliAsync("ingest", file, "--source", "copilot-privacy", "--observed", Path.GetFileName(file)[..10]);
            Assert.True(result.ExitCode == 0, result.Output + result.Error);
        }

        // Assert: numbered by date whatever the order they came in, the newest current.
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "copilot-privacy");
        var versions = await db.SourceVersions.Where(v => v.SourceId == source.Id).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version));
        Assert.Equal(files.Select(f => Path.GetFileName(f)[..10]), versions.Select(v => v.ObservedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Path.GetFileName(files[^1]), versions[^1].FileName);
        Assert.Equal(versions[^1].Text, source.Text);
        Assert.Equal(versions.Count, source.Version);
        var changes = await db.SourceChanges.Where(c => c.SourceId == source.Id).ToListAsync();
        Assert.All(changes, c => Assert.InRange(c.ToVersion, 2, versions.Count));
        Assert.All(changes.Where(c => c.FromVersion is not null), c => Assert.Equal(c.ToVersion - 1, c.FromVersion));
        Assert.Contains(changes, c => c.Topic == "sharing.advertising" && c.FromValue == "no" && c.ToValue is null);
    }
}
