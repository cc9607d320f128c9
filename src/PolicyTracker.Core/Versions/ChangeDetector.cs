namespace PolicyTracker.Core.Versions;

/// <summary>One version of a source as change detection reads it: its number, when it was observed, its claims.</summary>
public sealed record VersionSnapshot(int Version, DateTimeOffset Observed, IReadOnlyList<VersionClaim> Claims);

/// <summary>
/// Compares the claims of consecutive versions of one source (CLAIMS.md, "Versions and changes"). Claims are grouped
/// by subject, topic and scope, and each group compares the <em>set</em> of values the two versions give: a value
/// quoted twice, or moved to another sentence, is no change. One value gone and one new is a change from the one to
/// the other; any other difference is told value by value as removed and added, since pairing them up would invent
/// which old value became which new one.
/// </summary>
public static class ChangeDetector
{
    /// <summary>The changes from the <paramref name="older"/> version's claims to the <paramref name="newer"/> one's.</summary>
    public static IReadOnlyList<ClaimChange> Between(
        string source,
        int fromVersion,
        DateTimeOffset fromObserved,
        IReadOnlyList<VersionClaim> older,
        int toVersion,
        DateTimeOffset toObserved,
        IReadOnlyList<VersionClaim> newer) =>
        Between(source, new VersionSnapshot(fromVersion, fromObserved, older), new VersionSnapshot(toVersion, toObserved, newer));

    /// <summary>The changes from <paramref name="older"/> to <paramref name="newer"/>, in a deterministic order.</summary>
    public static IReadOnlyList<ClaimChange> Between(string source, VersionSnapshot older, VersionSnapshot newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);

        var before = Group(older.Claims);
        var after = Group(newer.Claims);
        var changes = new List<ClaimChange>();
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var oldValues = before.GetValueOrDefault(key) ?? Empty;
            var newValues = after.GetValueOrDefault(key) ?? Empty;
            var gone = oldValues.Keys.Where(v => !newValues.ContainsKey(v)).Order(StringComparer.Ordinal).ToList();
            var added = newValues.Keys.Where(v => !oldValues.ContainsKey(v)).Order(StringComparer.Ordinal).ToList();

            ClaimChange Change(string? from, string? to) => new(
                source, key.Subject, key.Topic, key.Scope,
                from is null ? null : Side(older, oldValues[from]),
                to is null ? null : Side(newer, newValues[to]),
                newer.Version, newer.Observed);

            if (gone.Count == 1 && added.Count == 1)
            {
                changes.Add(Change(gone[0], added[0]));
                continue;
            }

            changes.AddRange(gone.Select(v => Change(v, null)));
            changes.AddRange(added.Select(v => Change(null, v)));
        }

        return [.. changes
            .OrderBy(c => c.Subject, StringComparer.Ordinal)
            .ThenBy(c => c.Topic, StringComparer.Ordinal)
            .ThenBy(c => c.Scope, StringComparer.Ordinal)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.From?.Value ?? c.To?.Value, StringComparer.Ordinal)
            .ThenBy(c => c.To?.Value, StringComparer.Ordinal)];
    }

    /// <summary>Every change between consecutive versions of an ordered history, oldest pair first.</summary>
    public static IReadOnlyList<ClaimChange> Across(
        string source,
        IReadOnlyList<(int Version, DateTimeOffset Observed, IReadOnlyList<VersionClaim> Claims)> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Across(source, [.. history.Select(v => new VersionSnapshot(v.Version, v.Observed, v.Claims))]);
    }

    /// <summary>Every change between consecutive versions, taken in version order, oldest pair first.</summary>
    public static IReadOnlyList<ClaimChange> Across(string source, IReadOnlyList<VersionSnapshot> history)
    {
        ArgumentNullException.ThrowIfNull(history);

        // Sorting by number makes the result independent of the order the caller loaded the versions in.
        var ordered = history.OrderBy(v => v.Version).ToList();
        var changes = new List<ClaimChange>();
        for (var i = 1; i < ordered.Count; i++)
        {
            changes.AddRange(Between(source, ordered[i - 1], ordered[i]));
        }

        return changes;
    }

    private static readonly Dictionary<string, VersionClaim> Empty = new(StringComparer.Ordinal);

    private readonly record struct ClaimKey(string Subject, string Topic, string Scope);

    // Per subject, topic and scope: each value with the version's first claim (by offset) giving it, whose quote
    // stands for the value on that side.
    private static Dictionary<ClaimKey, Dictionary<string, VersionClaim>> Group(IReadOnlyList<VersionClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var groups = new Dictionary<ClaimKey, Dictionary<string, VersionClaim>>();
        foreach (var claim in claims.OrderBy(c => c.Start).ThenBy(c => c.End))
        {
            var key = new ClaimKey(claim.Subject, claim.Topic, claim.Scope);
            if (!groups.TryGetValue(key, out var values))
            {
                values = new Dictionary<string, VersionClaim>(StringComparer.Ordinal);
                groups[key] = values;
            }

            values.TryAdd(claim.Value, claim);
        }

        return groups;
    }

    private static ChangeSide Side(VersionSnapshot version, VersionClaim claim) =>
        new(version.Version, version.Observed, claim.Value, claim.Quote, claim.Start, claim.End);
}
