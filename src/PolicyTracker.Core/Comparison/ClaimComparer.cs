namespace PolicyTracker.Core.Comparison;

/// <summary>The fields of a stored claim that contradiction and corroboration look at.</summary>
public sealed record ComparableClaim(long Id, string Source, string Subject, string Topic, string Scope, string Value);

/// <summary>
/// Claims on one subject and topic that disagree (a contradiction) or agree (a corroboration).
/// <see cref="ClaimIds"/> holds every claim that takes part in at least one such pair.
/// </summary>
/// <param name="Subject">The organisation the claims are about.</param>
/// <param name="Topic">The catalog topic.</param>
/// <param name="ClaimIds">The claims taking part, in ascending order.</param>
/// <param name="Values">The distinct values among them.</param>
/// <param name="Sources">The distinct sources among them.</param>
/// <param name="SameSource">
/// For a contradiction: at least one disagreeing pair comes from one source (a self-contradiction).
/// For a corroboration: every agreeing claim comes from one source, so no second source backs it.
/// </param>
public sealed record ClaimFinding(
    string Subject,
    string Topic,
    IReadOnlyList<long> ClaimIds,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> Sources,
    bool SameSource);

/// <summary>All contradictions and corroborations among a set of claims.</summary>
public sealed record ComparisonResult(IReadOnlyList<ClaimFinding> Contradictions, IReadOnlyList<ClaimFinding> Corroborations);

/// <summary>Applies the contradiction and corroboration rules of CLAIMS.md.</summary>
public static class ClaimComparer
{
    /// <summary>
    /// Finds every pair of claims with the same subject and topic and overlapping scopes.
    /// One contradiction is reported per subject and topic; one corroboration per subject, topic and value.
    /// </summary>
    /// <remarks>
    /// Claims are bucketed by scope and value first, so the work grows with the number of claims
    /// and not with the number of pairs: a topic with thousands of claims has only a handful of buckets.
    /// </remarks>
    public static ComparisonResult Compare(IEnumerable<ComparableClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var contradictions = new List<ClaimFinding>();
        var corroborations = new List<ClaimFinding>();

        var groups = claims
            .GroupBy(c => (c.Subject, c.Topic))
            .OrderBy(g => g.Key.Subject, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Topic, StringComparer.Ordinal);

        foreach (var group in groups)
        {
            var buckets = group
                .GroupBy(c => (c.Scope, c.Value))
                .Select(b => b.ToList())
                .ToList();

            var disagreeing = new List<ComparableClaim>();
            var selfContradiction = false;
            var agreeing = new Dictionary<string, List<ComparableClaim>>(StringComparer.Ordinal);

            for (var i = 0; i < buckets.Count; i++)
            {
                var a = buckets[i];
                if (a.Count > 1)
                {
                    Add(agreeing, a[0].Value, a);
                }

                for (var j = i + 1; j < buckets.Count; j++)
                {
                    var b = buckets[j];
                    if (!Scopes.Overlap(a[0].Scope, b[0].Scope))
                    {
                        continue;
                    }

                    if (a[0].Value == b[0].Value)
                    {
                        Add(agreeing, a[0].Value, a);
                        Add(agreeing, a[0].Value, b);
                    }
                    else
                    {
                        disagreeing.AddRange(a);
                        disagreeing.AddRange(b);
                        selfContradiction |= ShareASource(a, b);
                    }
                }
            }

            if (disagreeing.Count > 0)
            {
                contradictions.Add(Finding(group.Key, disagreeing, selfContradiction));
            }

            foreach (var (_, members) in agreeing.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var oneSource = members.Select(c => c.Source).Distinct().Count() == 1;
                corroborations.Add(Finding(group.Key, members, oneSource));
            }
        }

        return new ComparisonResult(contradictions, corroborations);
    }

    private static void Add(Dictionary<string, List<ComparableClaim>> byValue, string value, List<ComparableClaim> claims)
    {
        if (!byValue.TryGetValue(value, out var list))
        {
            byValue[value] = list = [];
        }

        list.AddRange(claims);
    }

    private static bool ShareASource(List<ComparableClaim> a, List<ComparableClaim> b)
    {
        var sources = a.Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
        return b.Any(c => sources.Contains(c.Source));
    }

    private static ClaimFinding Finding((string Subject, string Topic) key, List<ComparableClaim> involved, bool sameSource)
    {
        var distinct = involved.DistinctBy(c => c.Id).ToList();
        return new ClaimFinding(
            key.Subject,
            key.Topic,
            [.. distinct.Select(c => c.Id).Order()],
            [.. distinct.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal)],
            [.. distinct.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal)],
            sameSource);
    }
}
