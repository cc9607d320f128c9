using PolicyTracker.Web.Comparison;

namespace PolicyTracker.Web.Hosting;

/// <summary>
/// Computes the comparison once the database is ready, in the background, so the first analyst to open a page
/// after start does not wait for it (seconds at 100,000 claims). Hosted services start in order, so this one
/// begins after <see cref="DatabaseStartup"/> has migrated and seeded.
/// </summary>
internal sealed class ComparisonWarmup(IServiceScopeFactory scopes, ILogger<ComparisonWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Off the start-up path: the server is listening while this runs.
            await Task.Yield();
            await using var scope = scopes.CreateAsyncScope();
            var comparison = await scope.ServiceProvider.GetRequiredService<ContradictionQueries>().CompareAsync(stoppingToken);
            logger.LogInformation(
                "Compared {ClaimCount} claims: {ContradictionCount} contradictions", comparison.Claims.Count, comparison.Contradictions.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before it finished; the first request computes it instead.
        }
#pragma warning disable CA1031 // Justification: a failed warm-up must not stop the app; the first request computes the comparison and reports any error itself.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not compute the comparison ahead of the first request");
        }
    }
}
