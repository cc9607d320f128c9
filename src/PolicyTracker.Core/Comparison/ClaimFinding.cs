namespace PolicyTracker.Core.Comparison;

/// <summary>
/// Claims on one subject and topic that disagree (a contradiction) or agree (a corroboration), in the flat form the
/// API and the JSON export write. <see cref="ClaimIds"/> holds every claim that takes part in at least one such pair.
/// </summary>
/// <param name="Subject">The organisation the claims are about.</param>
/// <param name="Topic">The catalog topic.</param>
/// <param name="ClaimIds">The claims taking part, in ascending order.</param>
/// <param name="Values">The distinct values among them, in ordinal order.</param>
/// <param name="Sources">The distinct source names among them, in ordinal order.</param>
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
    bool SameSource)
{
    internal static ClaimFinding Of(string subject, string topic, IEnumerable<ComparableClaim> involved, bool sameSource)
    {
        var distinct = involved.DistinctBy(c => c.Id).ToList();
        return new ClaimFinding(
            subject,
            topic,
            [.. distinct.Select(c => c.Id).Order()],
            [.. distinct.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal)],
            [.. distinct.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal)],
            sameSource);
    }
}

/// <summary>All contradictions and corroborations among a set of claims.</summary>
public sealed record ComparisonResult(IReadOnlyList<ClaimFinding> Contradictions, IReadOnlyList<ClaimFinding> Corroborations);
