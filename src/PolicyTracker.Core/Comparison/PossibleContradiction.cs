namespace PolicyTracker.Core.Comparison;

/// <summary>A contradiction that would arise if the suggestions <paramref name="SuggestionIds"/> were accepted.</summary>
/// <param name="Finding">The contradiction as it would be, suggestions included.</param>
/// <param name="SuggestionIds">The suggestions waiting that take part in it.</param>
/// <param name="Sides">Each value (in ordinal order) with the claims giving it now and the suggestions that would.</param>
public sealed record PossibleContradiction(ClaimFinding Finding, IReadOnlyList<long> SuggestionIds, IReadOnlyList<PossibleSide> Sides)
{
    /// <summary>
    /// The contradictions that accepting every suggestion waiting would add: on subjects and topics where the claims
    /// agree (or stand alone) now, in subject and topic order.
    /// </summary>
    internal static IReadOnlyList<PossibleContradiction> Find(
        IReadOnlyList<ComparableClaim> claims, IReadOnlyList<ComparableClaim> suggestions, Func<string, string, bool> disputedNow)
    {
        if (suggestions.Count == 0)
        {
            return [];
        }

        // Only the subjects and topics a suggestion speaks to can change, so only their claims are compared again.
        var keys = suggestions.Select(s => (s.Subject, s.Topic)).ToHashSet();
        var pending = suggestions.Select(s => s.Id).ToHashSet();
        var all = claims.Where(c => keys.Contains((c.Subject, c.Topic))).Concat(suggestions).ToList();
        var valueOf = all.ToDictionary(c => c.Id, c => c.Value);
        return
        [
            .. ClaimComparer.Compare(all).Contradictions
                .Where(f => !disputedNow(f.Subject, f.Topic))
                .Select(f => new PossibleContradiction(
                    f,
                    [.. f.ClaimIds.Where(pending.Contains)],
                    [.. f.Values.Select(v => new PossibleSide(
                        v,
                        f.ClaimIds.Count(id => !pending.Contains(id) && valueOf[id] == v),
                        [.. f.ClaimIds.Where(id => pending.Contains(id) && valueOf[id] == v)]))])),
        ];
    }
}

/// <summary>One value of a possible contradiction: how many claims give it now, and the suggestions that would.</summary>
public sealed record PossibleSide(string Value, int ClaimCount, IReadOnlyList<long> SuggestionIds);
