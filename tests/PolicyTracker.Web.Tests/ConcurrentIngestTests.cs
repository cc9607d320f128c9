using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Operations;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>
/// Two app instances ingesting the same file at the same moment: two ingestors, each with its own context and
/// connection, as two processes on one database would have. The unique index on the file name and the ingestor's
/// retry settle the race, not timing: both inserts are held until both ingestors have looked for the source and
/// found none (where the database lets both get that far).
/// </summary>
public sealed class ConcurrentIngestTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Article = "Example AI does not use your chats to train its models unless you opt in.\n";

    [Fact]
    public async Task IngestAsync_SameFileTwiceAtOnce_OneSourceOneVersion()
    {
        // Arrange
        var race = new InsertRace();
        var (a, aContext) = NewIngestor(race);
        var (b, bContext) = NewIngestor(race);
        await using var _ = aContext;
        await using var __ = bContext;
        var bytes = Encoding.UTF8.GetBytes(Article);

        // Act
        var outcomes = await Task.WhenAll(
            Task.Run(() => a.IngestAsync("same-file.txt", bytes, CancellationToken.None)),
            Task.Run(() => b.IngestAsync("same-file.txt", bytes, CancellationToken.None)));

        // Assert
        var added = Assert.Single(outcomes.OfType<IngestOutcome.Added>());
        var unchanged = Assert.Single(outcomes.OfType<IngestOutcome.Unchanged>());
        Assert.Equal(added.SourceId, unchanged.SourceId);
        Assert.Equal(1, unchanged.Version);
        await using var db = app.CreateDbContext();
        var source = await db.Sources.Include(s => s.Versions).Include(s => s.Claims).SingleAsync(s => s.FileName == "same-file.txt");
        Assert.Equal(1, source.Version);
        Assert.Equal(1, Assert.Single(source.Versions).Version);
        Assert.Equal(added.ClaimCount, source.Claims.Count);
        AssertRaceWasSettledByTheIndex(race);
    }

    [Fact]
    public async Task IngestAsync_NewBytesTwiceAtOnce_OneSourceReplacedOnce()
    {
        // Arrange
        var race = new InsertRace();
        var (a, aContext) = NewIngestor(race);
        var (b, bContext) = NewIngestor(race);
        await using var _ = aContext;
        await using var __ = bContext;

        // Act
        var outcomes = await Task.WhenAll(
            Task.Run(() => a.IngestAsync("two-texts.txt", Encoding.UTF8.GetBytes("First text.\n"), CancellationToken.None)),
            Task.Run(() => b.IngestAsync("two-texts.txt", Encoding.UTF8.GetBytes(Article), CancellationToken.None)));

        // Assert
        Assert.Single(outcomes.OfType<IngestOutcome.Added>());
        var replaced = Assert.Single(outcomes.OfType<IngestOutcome.NewVersion>());
        Assert.Equal(2, replaced.Version);
        await using var db = app.CreateDbContext();
        var source = await db.Sources.Include(s => s.Versions).SingleAsync(s => s.FileName == "two-texts.txt");
        Assert.Equal(2, source.Version);
        Assert.Equal([1, 2], source.Versions.Select(v => v.Version).Order());
        AssertRaceWasSettledByTheIndex(race);
    }

    [Fact]
    public async Task SaveChanges_SecondSourceWithSameFileName_RefusedAsUniqueViolation()
    {
        // Arrange
        _ = app.Factory.Services;
        await using var db = app.CreateDbContext();
        db.Sources.Add(NewSource("unique-name.txt"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.Sources.Add(NewSource("unique-name.txt"));

        // Act
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        // Assert
        Assert.True(DatabaseProviders.IsUniqueViolation(refused), refused.InnerException?.Message);
    }

    private static Source NewSource(string fileName) => new()
    {
        FileName = fileName, Sha256 = new string('0', 64), Text = "Text.\n", Version = 1,
        IngestedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>
    /// On PostgreSQL both ingestors reach their insert before either commits, so one insert must fail on the unique
    /// index and its ingestor retry. SQLite lets one writer at a time into an ingest's transaction, so there the
    /// second ingestor waits and then finds the first one's source; the outcome must be the same.
    /// </summary>
    private void AssertRaceWasSettledByTheIndex(InsertRace race)
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            Assert.True(race.BothArrived, "the two inserts were not held together");
            Assert.Equal(1, race.UniqueViolations);
        }
        else
        {
            Assert.Equal(0, race.UniqueViolations);
        }
    }

    private (SourceIngestor Ingestor, PolicyDbContext Context) NewIngestor(InsertRace race)
    {
        var services = app.Factory.Services;
        var builder = new DbContextOptionsBuilder<PolicyDbContext>();
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        DatabaseProviders.Configure(builder, database);
        builder.AddInterceptors(race);
        var context = DatabaseProviders.CreateContext(builder.Options, database.Provider);
        var ingestor = new SourceIngestor(
            context,
            services.GetRequiredService<ClaimExtractor>(),
            services.GetRequiredService<IOptions<IngestOptions>>(),
            services.GetRequiredService<IOptions<ExtractionOptions>>(),
            new SourceHistory(context),
            TimeProvider.System,
            services.GetRequiredService<AppMetrics>(),
            services.GetRequiredService<ILogger<SourceIngestor>>());
        return (ingestor, context);
    }

    /// <summary>
    /// Holds each ingestor's first insert of a source until the other's arrives too (or a few seconds pass, where the
    /// database makes the other wait for the first's transaction), and counts inserts refused by a unique index.
    /// </summary>
    private sealed class InsertRace : DbCommandInterceptor
    {
        private readonly TaskCompletionSource both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;
        private int uniqueViolations;

        public bool BothArrived => both.Task.IsCompletedSuccessfully;

        public int UniqueViolations => uniqueViolations;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (command.CommandText.Contains("INSERT INTO \"Sources\"", StringComparison.Ordinal)
                && Interlocked.Increment(ref arrived) <= 2)
            {
                if (arrived >= 2)
                {
                    both.TrySetResult();
                }

                await Task.WhenAny(both.Task, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            }

            return result;
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (eventData.Exception is SqliteException { SqliteExtendedErrorCode: 2067 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                Interlocked.Increment(ref uniqueViolations);
            }

            return Task.CompletedTask;
        }
    }
}
