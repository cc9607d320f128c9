using Microsoft.AspNetCore.OutputCaching;

namespace PolicyTracker.Web.Hosting;

/// <summary>
/// Keeps a read page out of the cache when its address carries a query key the page does not read
/// (<see cref="ReadPageQueryAttribute"/>): <c>/Providers?page=2</c>, <c>/Providers?page=3</c>, … are the same page,
/// and keeping each would fill the cache with copies of it (527 KB each at 100,000 claims), one per address, until the
/// cache's size limit. Such a request is rendered as any other, so what the visitor sees does not change; only the
/// addresses that differ by what the page reads are kept.
/// Serving it from the entry of the address without the unread keys would save the render, but model binding reads
/// more forms of a key than its name (<c>family[0]</c>, <c>request.family</c>), so a key that looks unread could change
/// the page and then be served to everyone.
/// </summary>
public sealed class UnreadQueryNotCached : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reads = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ReadPageQueryAttribute>();
        if (reads is not null && !reads.ReadsAll(context.HttpContext.Request.Query))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
