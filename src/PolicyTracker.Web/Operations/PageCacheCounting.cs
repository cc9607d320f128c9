using Microsoft.AspNetCore.OutputCaching;

namespace PolicyTracker.Web.Operations;

/// <summary>
/// Counts the visitor page cache's hits and misses. Added last to the cache's policy, it sees what the policies before
/// it decided: a request the cache may answer (a visitor's) is a hit when served from it, a miss when rendered; a
/// signed-in user's request is never looked up and is neither.
/// </summary>
public sealed class PageCacheCounting(AppMetrics metrics) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        metrics.PageCacheHit(PageTiming.PageOf(context.HttpContext) ?? "other");
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.AllowCacheLookup)
        {
            metrics.PageCacheMiss(PageTiming.PageOf(context.HttpContext) ?? "other");
        }

        return ValueTask.CompletedTask;
    }
}
