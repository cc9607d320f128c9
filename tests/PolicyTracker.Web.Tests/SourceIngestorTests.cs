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
        Assert.Single(outcomes.OfType<IngestOutcome.NewVersion>());
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

/// <summary>A replace that fails halfway, after the database has run part of it, must leave everything as it was.</summary>
public sealed class FailedReplaceTests
{
    [Fact]
    public async Task IngestAsync_ReplaceFailsAfterPartOfItRan_DatabaseAndReviewsUnchanged()
    {
        // Arrange: a reviewed source, then new bytes whose save fails once the claims' changes have been sent.
        using var app = new TestApp();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
            await ingestor.IngestAsync("policy.md", Encoding.UTF8.GetBytes(Version1), CancellationToken.None);
        }

        await using (var db = app.CreateDbContext())
        {
            var claim = await db.Claims.FirstAsync();
            claim.Status = Data.ClaimStatus.Disputed;
            claim.ReviewNote = "reviewed before the failure";
            await db.SaveChangesAsync();
        }

        var before = await StateAsync(app);
        await using var failing = app.Factory.Services.CreateAsyncScope();
        var options = new DbContextOptionsBuilder<Data.PolicyDbContext>(failing.ServiceProvider.GetRequiredService<DbContextOptions<Data.PolicyDbContext>>())
            .AddInterceptors(new FailAfterVersionInsert())
            .Options;
        await using var failingDb = new Data.PolicyDbContext(options);
        var failingIngestor = ActivatorUtilities.CreateInstance<SourceIngestor>(failing.ServiceProvider, failingDb);

        // Act
        var error = await Record.ExceptionAsync(() => failingIngestor.IngestAsync("policy.md", Encoding.UTF8.GetBytes(Version2), CancellationToken.None));

        // Assert
        Assert.Equal(FailAfterVersionInsert.Message, error?.GetBaseException().Message);
        Assert.Equal(before, await StateAsync(app));
    }

    private const string Version1 = """
        # Acme policy

        Acme does not use your conversations to train its models unless you opt in.

        Deleted conversations are removed within 30 days.
        """;

    private const string Version2 = """
        # Acme policy

        Acme trains its models on your conversations unless you opt out.

        Deleted conversations are removed within 30 days.
        """;

    private static async Task<string> StateAsync(TestApp app)
    {
        await using var db = app.CreateDbContext();
        var claims = await db.Claims.OrderBy(c => c.Id)
            .Select(c => $"{c.Id} {c.Topic} {c.Value} {c.Start} {c.Status} {c.ReviewNote}")
            .ToListAsync();
        return $"{await app.SnapshotAsync()}\n{string.Join("\n", claims)}\naudit {await db.AuditEntries.CountAsync()}";
    }

    /// <summary>Lets the save's commands run inside its transaction, then fails once the new version row is written.</summary>
    private sealed class FailAfterVersionInsert : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public const string Message = "injected failure halfway through the replace";

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData,
            System.Data.Common.DbDataReader result,
            CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"SourceVersions\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Message)
                : base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }
}
