using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// The app seeded from the shipped seeds, with the real policies of the gold sets (tests/gold/real-dev and
/// real-holdout, copied beside the tests as "corpus" with their attribution) ingested the way the <c>ingest</c> command
/// does: the pages over what the extractor finds in real documents, not over claims written for a test.
/// </summary>
public sealed class CorpusApp : TestApp, IAsyncLifetime
{
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "corpus");

    protected override string SeedsForApp => Workspace.ShippedSeedsDirectory;

    public async Task InitializeAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            var outcome = await ingestor.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), new IngestAs(null, null), default);
            Assert.False(outcome is IngestOutcome.Rejected, outcome.ToString());
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
