namespace PolicyTracker.Core.Comparison;

/// <summary>
/// Applies the contradiction and corroboration rules of CLAIMS.md. <see cref="ComparisonModel"/> builds on it; the
/// evaluator uses it alone, since it needs the contradictions and nothing a page shows.
/// </summary>
public static class ClaimComparer
{
    /// <summary>
    /// Finds every pair of claims with the same subject and topic and overlapping scopes.
    /// One contradiction is reported per subject and topic; one corroboration per subject, topic and value.
    /// </summary>
    public static ComparisonResult Compare(IEnumerable<ComparableClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var contradictions = new List<ClaimFinding>();
        var corroborations = new List<ClaimFinding>();
        foreach (var group in ByTopic(claims))
        {
            var outcome = CompareTopic(group.Key.Subject, group.Key.Topic, group.Value);
            if (outcome.Contradiction is not null)
            {
                contradictions.Add(outcome.Contradiction);
            }

            corroborations.AddRange(outcome.Corroborations);
        }

        return new ComparisonResult(contradictions, corroborations);
    }

    /// <summary>The claims grouped by subject and topic, in ordinal order of both.</summary>
    internal static IEnumerable<KeyValuePair<(string Subject, string Topic), List<ComparableClaim>>> ByTopic(IEnumerable<ComparableClaim> claims)
    {
        var groups = new Dictionary<(string Subject, string Topic), List<ComparableClaim>>();
        foreach (var claim in claims)
        {
            if (!groups.TryGetValue((claim.Subject, claim.Topic), out var list))
            {
                groups[(claim.Subject, claim.Topic)] = list = [];
            }

            list.Add(claim);
        }

        return groups
            .OrderBy(g => g.Key.Subject, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Topic, StringComparer.Ordinal);
    }

    /// <summary>Compares the claims of one subject and topic with each other.</summary>
    /// <remarks>
    /// Claims are bucketed by scope and value first, so the work grows with the number of claims
    /// and not with the number of pairs: a topic with thousands of claims has only a handful of buckets.
    /// </remarks>
    internal static TopicOutcome CompareTopic(string subject, string topic, IReadOnlyList<ComparableClaim> claims)
    {
        var buckets = claims
            .GroupBy(c => (c.Scope, c.Value))
            .Select(b => b.ToList())
            .ToList();

        var disagreeing = new List<ComparableClaim>();
        var selfContradicting = new HashSet<long>();
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
                switch (ClaimRelations.Between(a[0], b[0]))
                {
                    case ClaimRelation.Agrees:
                        Add(agreeing, a[0].Value, a);
                        Add(agreeing, a[0].Value, b);
                        break;
                    case ClaimRelation.Disagrees:
                        disagreeing.AddRange(a);
                        disagreeing.AddRange(b);

                        // A source with claims on both sides of a disagreement contradicts itself.
                        selfContradicting.UnionWith(SharedSources(a, b));
                        break;
                }
            }
        }

        var contradiction = disagreeing.Count > 0 ? ClaimFinding.Of(subject, topic, disagreeing, selfContradicting.Count > 0) : null;
        var corroborations = agreeing
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => ClaimFinding.Of(subject, topic, p.Value, p.Value.Select(c => c.SourceId).Distinct().Count() == 1))
            .ToList();
        return new TopicOutcome(contradiction, corroborations, selfContradicting);
    }

    private static void Add(Dictionary<string, List<ComparableClaim>> byValue, string value, List<ComparableClaim> claims)
    {
        if (!byValue.TryGetValue(value, out var list))
        {
            byValue[value] = list = [];
        }

        list.AddRange(claims);
    }

    private static IEnumerable<long> SharedSources(List<ComparableClaim> a, List<ComparableClaim> b)
    {
        var sources = a.Select(c => c.SourceId).ToHashSet();
        return b.Select(c => c.SourceId).Where(sources.Contains);
    }
}

/// <summary>What comparing one subject and topic's claims found.</summary>
/// <param name="Contradiction">The claims in a disagreeing pair, or null when none disagree.</param>
/// <param name="Corroborations">Per value, the claims in an agreeing pair.</param>
/// <param name="SelfContradictingSources">The sources with claims on both sides of a disagreement.</param>
internal sealed record TopicOutcome(
    ClaimFinding? Contradiction, IReadOnlyList<ClaimFinding> Corroborations, IReadOnlySet<long> SelfContradictingSources);
