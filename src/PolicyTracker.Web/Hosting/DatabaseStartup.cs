using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Hosting;

/// <summary>
/// Runs before the web app serves requests (hosted services start before the server): migrates the
/// database and, when it holds no source yet, ingests the seed articles so a fresh install shows something.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes,
    IOptions<SeedsOptions> seeds,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);

        var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
        if (await db.Sources.AnyAsync(cancellationToken))
        {
            return;
        }

        var folder = seeds.Value.Directory;
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Seeds folder {Folder} does not exist; starting with an empty database", folder);
            return;
        }

        var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        foreach (var file in SourceFiles.Under(folder, new HashSet<string>(StringComparer.Ordinal)))
        {
            if (file.Skipped is not null)
            {
                logger.LogInformation("Skipped seed {Path}: {Reason}", file.Path, file.Skipped);
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(file.Path, cancellationToken);
            await ingestor.IngestAsync(Path.GetFileName(file.Path), bytes, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
