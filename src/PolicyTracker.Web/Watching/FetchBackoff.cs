namespace PolicyTracker.Web.Watching;

/// <summary>
/// When to try again after failed fetches: soon after the first, twice as long after each further one, never later
/// than the source's own interval, and jittered so instances and sources that failed together do not retry together.
/// </summary>
public static class FetchBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(5);

    /// <summary>The delay is scaled by a factor in [1 - Jitter, 1 + Jitter).</summary>
    public const double Jitter = 0.2;

    public static TimeSpan After(int failures, TimeSpan interval, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentNullException.ThrowIfNull(random);
        var doubled = First * Math.Pow(2, Math.Min(failures - 1, 20));
        var delay = doubled < interval ? doubled : interval;
#pragma warning disable CA5394 // Justification: jitter only spreads retries out; nothing depends on it being unpredictable.
        return delay * (1 - Jitter + (2 * Jitter * random.NextDouble()));
#pragma warning restore CA5394
    }
}
