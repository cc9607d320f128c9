using Microsoft.Extensions.Options;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Watching;

/// <summary>
/// Fetches due watched sources every <see cref="FetchOptions.PollSeconds"/>. Several instances may run it on one
/// PostgreSQL database: the lease in <see cref="SourceWatcher"/> gives each due source to exactly one of them.
/// </summary>
internal sealed class WatchScheduler(
    WatchRunner runner, WatchSchedulerState state, DatabaseReadiness readiness, IOptions<FetchOptions> options, TimeProvider time, ILogger<WatchScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            state.Disabled();
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Start-up migrates in the background; until then there is no table to read.
            if (!readiness.IsMigrated)
            {
                continue;
            }

            try
            {
                await runner.RunDueAsync(stoppingToken);
                state.PassSucceeded(time.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is briefly away must not end the schedule; the next tick tries again.
                logger.LogError(ex, "Fetching due watched sources failed");
                state.PassFailed(time.GetUtcNow(), ex.GetType().Name);
            }
        }
    }
}
