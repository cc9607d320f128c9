namespace PolicyTracker.Web.Hosting;

/// <summary>
/// The query-string keys a cached read page reads (compared without regard to case, as model binding does). A
/// visitor's address with any other key is rendered as usual but neither looked up in nor kept by the read-page cache
/// (<see cref="UnreadQueryNotCached"/>). <c>Pages/ReadPageCacheTests</c> check that each cached page names exactly
/// the keys its GET handlers bind.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadPageQueryAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;

    /// <summary>Whether every key of <paramref name="query"/> is one the page reads.</summary>
    public bool ReadsAll(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Keys.All(key => Keys.Contains(key, StringComparer.OrdinalIgnoreCase));
    }
}
