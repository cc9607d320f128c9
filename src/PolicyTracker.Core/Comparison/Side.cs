namespace PolicyTracker.Core.Comparison;

/// <summary>
/// One value on a subject and topic: the claims that give it, how many sources they come from, and a few of them to
/// quote.
/// </summary>
/// <param name="Value">The normalised value.</param>
/// <param name="Claims">The claims giving it, by id.</param>
/// <param name="SourceCount">How many sources those claims come from.</param>
/// <param name="Examples">At most <see cref="ExampleCount"/> of the claims, one per source before any source's second.</param>
public sealed record Side(string Value, IReadOnlyList<ComparableClaim> Claims, int SourceCount, IReadOnlyList<ComparableClaim> Examples)
{
    /// <summary>How many quotes a side offers as examples.</summary>
    public const int ExampleCount = 4;

    /// <summary>How many claims give the value.</summary>
    public int ClaimCount => Claims.Count;

    /// <summary>The claims' values as sides, the most widely held first (by sources), then in ordinal order.</summary>
    internal static IReadOnlyList<Side> Of(IEnumerable<ComparableClaim> claims) =>
    [
        .. claims
            .GroupBy(c => c.Value, StringComparer.Ordinal)
            .Select(g => Single(g.Key, [.. g.OrderBy(c => c.Id)]))
            .OrderByDescending(s => s.SourceCount)
            .ThenBy(s => s.Value, StringComparer.Ordinal),
    ];

    private static Side Single(string value, List<ComparableClaim> claims) =>
        new(value, claims, claims.Select(c => c.SourceId).Distinct().Count(), Pick(claims));

    /// <summary>Examples take one claim per source before any source's second, so every voice is heard before any repeats.</summary>
    private static List<ComparableClaim> Pick(List<ComparableClaim> claims) =>
    [
        .. claims
            .GroupBy(c => c.SourceId)
            .SelectMany(s => s.Select((c, rank) => (Claim: c, Rank: rank)))
            .OrderBy(x => x.Rank).ThenBy(x => x.Claim.Id)
            .Take(ExampleCount)
            .Select(x => x.Claim),
    ];
}
