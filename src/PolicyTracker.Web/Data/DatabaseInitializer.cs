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
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // WAL lets readers go on while one writer ingests; the mode is stored in the file, so once is enough.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        readiness.MarkMigrated();
        logger.LogInformation("Database {DataSource} is at the current schema", dataSource);
    }
}

/// <summary>Whether migrations have run in this process; the health check reports it.</summary>
public sealed class DatabaseReadiness
{
    private volatile bool migrated;

    public bool IsMigrated => migrated;

    public void MarkMigrated() => migrated = true;
}
