using System.Text.Json;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>
/// The seed articles ingested on the database the tests run on give exactly the claims, contradictions and
/// corroborations they give on SQLite (on SQLite itself this compares two fresh files).
/// </summary>
public sealed class ProviderParityTests(Workspace workspace) : IClassFixture<Workspace>
{
    [Fact]
    public async Task Seeds_IngestedOnTheTestDatabase_ExportTheClaimsTheyExportOnSqlite()
    {
        // Arrange
        using var sqlite = new SqliteWorkspace();

        // Act
        var expected = await IngestSeedsAndExportAsync(sqlite);
        var actual = await IngestSeedsAndExportAsync(workspace);

        // Assert
        Assert.NotEmpty(expected.Claims);
        Assert.Equal(expected.Claims, actual.Claims);
        Assert.Equal(expected.Contradictions, actual.Contradictions);
        Assert.Equal(expected.Corroborations, actual.Corroborations);
    }

    private static async Task<Export> IngestSeedsAndExportAsync(Workspace workspace)
    {
        var ingest = await workspace.RunCliAsync("ingest", Workspace.ShippedSeedsDirectory);
        Assert.Equal(0, ingest.ExitCode);
        var export = await workspace.RunCliAsync("export", "--format", "json");
        Assert.Equal(0, export.ExitCode);

        using var json = JsonDocument.Parse(export.Output);
        var root = json.RootElement;
        var claims = root.GetProperty("claims").EnumerateArray()
            .Select(c => string.Join(" | ", Fields(c, "source", "subject", "topic", "scope", "value", "quote", "start", "end", "status")))
            .ToList();
        return new Export(
            claims,
            Findings(root.GetProperty("contradictions"), "subject", "topic", "values", "sources", "selfContradiction"),
            Findings(root.GetProperty("corroborations"), "subject", "topic", "value", "sources"));
    }

    // Claim ids differ between databases only if rows were written in another order, so findings are compared by content.
    private static List<string> Findings(JsonElement array, params string[] names) =>
        [.. array.EnumerateArray().Select(f => string.Join(" | ", Fields(f, names))).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Fields(JsonElement element, params string[] names) =>
        names.Select(n => element.GetProperty(n).ToString());

    private sealed record Export(List<string> Claims, List<string> Contradictions, List<string> Corroborations);
}
