using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

public sealed class SourceIngestorTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Startup_EmptySeedsFolder_StartsWithNoSources()
    {
        // Act
        _ = app.Factory.Services;

        // Assert
        var seedNames = Directory.GetFiles(Workspace.ShippedSeedsDirectory).Select(Path.GetFileName).ToList();
        await using var db = app.CreateDbContext();
        Assert.False(await db.Sources.AnyAsync(s => seedNames.Contains(s.FileName)));
    }

    [Fact]
    public async Task IngestAsync_SameNameTwiceAtOnce_OneSourceWithBothVersions()
    {
        // Arrange
        await using var first = app.Factory.Services.CreateAsyncScope();
        await using var second = app.Factory.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<SourceIngestor>();
        var b = second.ServiceProvider.GetRequiredService<SourceIngestor>();

        // Act
        var outcomes = await Task.WhenAll(
            Task.Run(() => a.IngestAsync("racing.txt", Encoding.UTF8.GetBytes("First text.\n"), CancellationToken.None)),
            Task.Run(() => b.IngestAsync("racing.txt", Encoding.UTF8.GetBytes("Second text.\n"), CancellationToken.None)));

        // Assert
        Assert.Single(outcomes.OfType<IngestOutcome.Added>());
        Assert.Single(outcomes.OfType<IngestOutcome.Replaced>());
        await using var db = app.CreateDbContext();
        var source = await db.Sources.Include(s => s.Versions).SingleAsync(s => s.FileName == "racing.txt");
        Assert.Equal(2, source.Version);
        Assert.Equal([1, 2], source.Versions.Select(v => v.Version).Order());
    }

    [Fact]
    public async Task IngestAsync_Rejected_ReturnsReasonAndStoresNothing()
    {
        // Arrange
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        var before = await app.SnapshotAsync();

        // Act
        var outcome = await ingestor.IngestAsync("slides.pptx", [1, 2, 3], CancellationToken.None);

        // Assert
        var rejected = Assert.IsType<IngestOutcome.Rejected>(outcome);
        Assert.Contains(".pptx", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
    }
}
