using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Data;

/// <summary>Brings the database to the current schema; the web app and every command call it first.</summary>
public sealed class DatabaseInitializer(
    PolicyDbContext db,
    IOptions<StorageOptions> storage,
    DatabaseReadiness readiness,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(storage.Value.FullDataDirectory);
        await DatabaseProviders.PrepareAsync(db, ct);
        await db.Database.MigrateAsync(ct);

        readiness.MarkMigrated();
        logger.LogInformation("Database {Database} is at the current schema", DatabaseProviders.Describe(db));
    }
}

/// <summary>Whether migrations have run in this process; the health check reports it.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool migrated;

    public bool IsMigrated => migrated;

    public void MarkMigrated() => migrated = true;
}
