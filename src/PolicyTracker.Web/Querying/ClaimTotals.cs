namespace PolicyTracker.Web.Querying;

/// <summary>
/// How many claims each filter matches, kept per <see cref="Data.DataVersion"/>: counting 100,000 claims for every
/// page of a list costs more than the page, and the count only changes when the data does. Entries of an older version
/// are never read again (every request reads the current version first) and are dropped when a newer one is seen.
/// </summary>
public sealed class ClaimTotals
{
    /// <summary>Distinct filters kept at one version; past this the oldest are not worth tracking, so all are dropped.</summary>
    private const int MaxFilters = 10_000;

    private readonly Lock gate = new();
    private long version = -1;
    private Dictionary<string, int> totals = new(StringComparer.Ordinal);

    public async Task<int> GetAsync(long dataVersion, string filterKey, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        lock (gate)
        {
            if (version == dataVersion && totals.TryGetValue(filterKey, out var known))
            {
                return known;
            }
        }

        // Counted outside the lock: two first requests for one filter may both count, which is cheaper than making
        // every other filter wait.
        var total = await count();
        lock (gate)
        {
            if (version != dataVersion || totals.Count >= MaxFilters)
            {
                version = dataVersion;
                totals = new(StringComparer.Ordinal);
            }

            totals[filterKey] = total;
        }

        return total;
    }
}
