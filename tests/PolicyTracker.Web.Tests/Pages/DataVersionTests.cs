using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>
/// The data version every cache is keyed by moves with each commit that writes what pages show, however it is written,
/// and only as the write commits; writes of what no page shows leave it alone. The edits the app makes are covered,
/// through its pages, by <see cref="NeverStaleTests"/>.
/// </summary>
public sealed class DataVersionTests : IDisposable
{
    private readonly TestApp app = new();

    [Fact]
    public async Task Version_EachWayOfWriting_MovesAsTheWriteCommits()
    {
        // Arrange
        _ = app.Factory.Services;
        var start = await VersionAsync();

        // Act and assert: a save of one row, with no transaction of the caller's.
        await using (var db = app.CreateDbContext())
        {
            db.ContradictionReviews.Add(new ContradictionReview { Subject = "acme", Topic = "training.default" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(start + 1, await VersionAsync());

        // an update of many rows at once, with no transaction;
        await using (var db = app.CreateDbContext())
        {
            await db.ContradictionReviews.ExecuteUpdateAsync(u => u.SetProperty(r => r.Note, "seen"));
        }

        Assert.Equal(start + 2, await VersionAsync());

        // two writes in one transaction: not visible before the commit, then one step;
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.ContradictionReviews.ExecuteUpdateAsync(u => u.SetProperty(r => r.Note, "seen again"));
            db.ContradictionReviews.Add(new ContradictionReview { Subject = "acme", Topic = "retention.deleted_chats" });
            await db.SaveChangesAsync();
            Assert.Equal(start + 2, await VersionAsync());
            await transaction.CommitAsync();
        }

        Assert.Equal(start + 3, await VersionAsync());

        // a transaction rolled back, and a write of the watch schedule, which no cached page shows.
        await using (var db = app.CreateDbContext())
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.ContradictionReviews.ExecuteDeleteAsync();
                await transaction.RollbackAsync();
            }

            db.WatchedSources.Add(new WatchedSource { Name = "acme", Url = "https://example.org/acme", IntervalSeconds = 3600 });
            await db.SaveChangesAsync();
        }

        Assert.Equal(start + 3, await VersionAsync());
    }

    [Fact]
    public async Task Version_ReadTwiceByOneContext_ReadOnceUntilItsOwnWriteCommits()
    {
        // Arrange
        _ = app.Factory.Services;
        await using var db = app.CreateDbContext();
        var first = await DataVersion.ReadAsync(db, default);

        // Act: a write through another context, then one through this one.
        await using (var other = app.CreateDbContext())
        {
            other.ContradictionReviews.Add(new ContradictionReview { Subject = "acme", Topic = "training.default" });
            await other.SaveChangesAsync();
        }

        var kept = await DataVersion.ReadAsync(db, default);
        db.ContradictionReviews.Add(new ContradictionReview { Subject = "acme", Topic = "rights.export" });
        await db.SaveChangesAsync();
        var afterOwnWrite = await DataVersion.ReadAsync(db, default);

        // Assert: one state of the data per unit of work (a request), but never older than its own writes.
        Assert.Equal(first, kept);
        Assert.Equal(first + 2, afterOwnWrite);
    }

    [Fact]
    public void Model_EveryEntityOfThePolicies_IsShown()
    {
        // Arrange
        using var db = app.CreateDbContext();

        // Act
        var notShown = db.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(Claim).Namespace && !DataVersion.IsShown(e))
            .Select(e => e.ClrType.Name).Order(StringComparer.Ordinal);

        // Assert: a new entity counts unless it is added here on purpose.
        Assert.Equal(["DataVersionRow", "WatchedSource"], notShown);
    }

    public void Dispose() => app.Dispose();

    // A fresh context each time: a context keeps the version it read.
    private async Task<long> VersionAsync()
    {
        await using var db = app.CreateDbContext();
        return await DataVersion.ReadAsync(db, default);
    }
}
