using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>Two sources whose claims, written directly, contradict on one topic and agree on another.</summary>
public sealed class ExportWorkspace : Workspace, IAsyncLifetime
{
    private const string First = "Acme does not train on your chats unless you opt in. Deleted chats are removed within 30 days.\n";
    private const string Second = "Acme trains on your chats unless you opt out.\n";

    public async Task InitializeAsync()
    {
        var ingest = await RunCliAsync("ingest", WriteFile("a-first.txt", First), WriteFile("b-second.txt", Second));
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);

        // Claims written directly, so the export's contradictions and corroborations do not depend on the extractor.
        await using var db = CreateDbContext();
        await db.Claims.ExecuteDeleteAsync();
        var first = await db.Sources.SingleAsync(s => s.FileName == "a-first.txt");
        var second = await db.Sources.SingleAsync(s => s.FileName == "b-second.txt");
        db.Claims.AddRange(
            ClaimOn(second, "training.default", "opt-out", Second.IndexOf("Acme", StringComparison.Ordinal), Second.IndexOf('.', StringComparison.Ordinal) + 1),
            ClaimOn(first, "training.default", "opt-in", 0, First.IndexOf('.', StringComparison.Ordinal) + 1),
            ClaimOn(first, "retention.deleted_chats", "P30D", First.IndexOf("Deleted", StringComparison.Ordinal), First.Length - 1),
            ClaimOn(second, "retention.deleted_chats", "P30D", 0, Second.Length - 1));
        await db.SaveChangesAsync();

        Claim ClaimOn(Source source, string topic, string value, int start, int end) => new()
        {
            SourceId = source.Id, Subject = "acme", Topic = topic, Scope = "consumer", Value = value,
            Quote = source.Text[start..end], Start = start, End = end,
        };
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class ExportCommandTests(ExportWorkspace workspace) : IClassFixture<ExportWorkspace>
{
    [Fact]
    public async Task Export_Json_HasDocumentedShapeAndExactQuotes()
    {
        // Act
        var result = await workspace.RunCliAsync("export", "--format", "json");

        // Assert
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(
            ["generatedAt", "sources", "claims", "suggestions", "contradictions", "corroborations", "changes"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("generatedAt").TryGetDateTimeOffset(out _));

        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["a-first.txt", "b-second.txt"], sources.Select(s => s.GetProperty("fileName").GetString()));
        Assert.All(sources, s => Assert.Equal(
            ["id", "fileName", "title", "format", "kind", "sha256", "version", "ingestedAt"],
            s.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("Text", sources[0].GetProperty("format").GetString());
        Assert.Equal(1, sources[0].GetProperty("version").GetInt32());

        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(4, claims.Count);
        Assert.All(claims, c => Assert.Equal(
            ["id", "source", "subject", "topic", "scope", "value", "quote", "start", "end", "status", "confidence", "cues", "suggestion"],
            c.EnumerateObject().Select(p => p.Name)));
        var order = claims.Select(c => (c.GetProperty("source").GetString()!, c.GetProperty("start").GetInt32())).ToList();
        Assert.Equal(order.OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Item2), order);
        Assert.All(claims, c => Assert.Equal("Unreviewed", c.GetProperty("status").GetString()));

        await using var db = workspace.CreateDbContext();
        var texts = await db.Sources.ToDictionaryAsync(s => s.FileName, s => s.Text);
        Assert.All(claims, c => Assert.Equal(
            c.GetProperty("quote").GetString(),
            texts[c.GetProperty("source").GetString()!][c.GetProperty("start").GetInt32()..c.GetProperty("end").GetInt32()]));

        var contradiction = Assert.Single(root.GetProperty("contradictions").EnumerateArray());
        Assert.Equal("acme", contradiction.GetProperty("subject").GetString());
        Assert.Equal("training.default", contradiction.GetProperty("topic").GetString());
        Assert.Equal(["opt-in", "opt-out"], contradiction.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["a-first.txt", "b-second.txt"], contradiction.GetProperty("sources").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(2, contradiction.GetProperty("claimIds").GetArrayLength());
        Assert.False(contradiction.GetProperty("selfContradiction").GetBoolean());

        var corroboration = Assert.Single(root.GetProperty("corroborations").EnumerateArray());
        Assert.Equal(
            ["subject", "topic", "value", "claimIds", "sources"],
            corroboration.EnumerateObject().Select(p => p.Name));
        Assert.Equal("P30D", corroboration.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Export_OutFile_WritesSameJsonToFile()
    {
        // Arrange
        var path = Path.Combine(workspace.Root, "exports", "export.json");

        // Act
        var result = await workspace.RunCliAsync("export", "--format=json", "--out", path);

        // Assert
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(4, json.RootElement.GetProperty("claims").GetArrayLength());
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public async Task Export_UnknownFormat_ClearErrorExitsTwo()
    {
        // Act
        var result = await workspace.RunCliAsync("export", "--format", "xml");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("unknown format 'xml'", result.Error, StringComparison.Ordinal);
    }
}

public sealed class ExportFormatsCommandTests(ExportWorkspace workspace) : IClassFixture<ExportWorkspace>
{
    [Fact]
    public async Task Export_CsvWithFilters_OnlyClaimsInScope()
    {
        // Arrange
        await using (var db = workspace.CreateDbContext())
        {
            var claim = await db.Claims.Include(c => c.Source).SingleAsync(c => c.Topic == "training.default" && c.Source!.FileName == "a-first.txt");
            claim.Status = ClaimStatus.Verified;
            await db.SaveChangesAsync();
        }

        // Act
        var result = await workspace.RunCliAsync("export", "--format", "csv", "--subject", "ACME", "--topic", "training.default,retention.deleted_chats", "--status", "Verified", "--status", "unreviewed");
        var filtered = await workspace.RunCliAsync("export", "--format", "csv", "--topic", "training.default", "--status", "verified");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, result.Output.TrimEnd().Split("\r\n").Length);
        Assert.Equal(0, filtered.ExitCode);
        var rows = filtered.Output.TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        Assert.Equal(2, rows.Length);
        Assert.Contains("a-first.txt", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md", "# Comparison report")]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("claimreview", "\"@context\": \"https://schema.org\"")]
    public async Task Export_ReportFormats_WriteTheirFiles(string format, string start)
    {
        // Arrange
        var path = Path.Combine(workspace.Root, "exports", "report." + format);

        // Act
        var result = await workspace.RunCliAsync("export", "--format", format, "--out", path, "--kind", "Article,Guide,OfficialPolicy");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(start, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--status", "Maybe", "unknown status 'Maybe'")]
    [InlineData("--kind", "Blog", "unknown source kind 'Blog'")]
    [InlineData("--format", "pdf", "--format pdf needs --out FILE")]
    public async Task Export_BadOptions_ClearErrorExitsTwo(string option, string value, string message)
    {
        // Act
        var result = await workspace.RunCliAsync("export", option, value);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
