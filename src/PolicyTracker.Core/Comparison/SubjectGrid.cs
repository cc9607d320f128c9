using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Comparison;

/// <summary>
/// One subject's claims arranged as topics against sources, the way the Compare page and the report's comparison
/// tables show them: which sources speak, in which order, and what each says on each topic.
/// </summary>
public sealed class SubjectGrid
{
    private readonly Dictionary<(string Topic, long SourceId), IReadOnlyList<ComparableClaim>> cells;
    private readonly Func<string, TopicFinding?> findings;

    internal SubjectGrid(string subject, IReadOnlyList<ComparableClaim> claims, Func<string, TopicFinding?> findings)
    {
        Subject = subject;
        this.findings = findings;
        ClaimCount = claims.Count;
        var bySource = claims.GroupBy(c => c.SourceId).ToList();
        ClaimsPerSource = bySource.ToDictionary(g => g.Key, g => g.Count());
        SourceNames = bySource.ToDictionary(g => g.Key, g => g.First().Source);
        cells = claims.GroupBy(c => (c.Topic, c.SourceId))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ComparableClaim>)[.. g.OrderBy(c => c.Id)]);
        Topics = [.. claims.Select(c => c.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The organisation the grid is about.</summary>
    public string Subject { get; }

    /// <summary>How many current claims are about the subject.</summary>
    public int ClaimCount { get; }

    /// <summary>Per source that speaks about the subject, how many claims it makes.</summary>
    public IReadOnlyDictionary<long, int> ClaimsPerSource { get; }

    /// <summary>Per source that speaks about the subject, its name.</summary>
    public IReadOnlyDictionary<long, string> SourceNames { get; }

    /// <summary>The topics the subject's claims use, in ordinal order.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>The finding on one of the subject's topics, or null when no claim speaks to it.</summary>
    public TopicFinding? Finding(string topic) => findings(topic);

    /// <summary>
    /// The sources as columns: the provider's own word first, then whoever says the most about the subject, then by
    /// name. Only sources in <paramref name="kinds"/> are columns; kinds are passed in because an editor can change
    /// them without the claims changing.
    /// </summary>
    public IReadOnlyList<long> Columns(IReadOnlyDictionary<long, SourceKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return
        [
            .. ClaimsPerSource.Keys
                .Where(kinds.ContainsKey)
                .OrderBy(id => kinds[id] == SourceKind.OfficialPolicy ? 0 : 1)
                .ThenByDescending(id => ClaimsPerSource[id])
                .ThenBy(id => SourceNames[id], StringComparer.Ordinal),
        ];
    }

    /// <summary>What one source says on one topic.</summary>
    public GridCell Cell(string topic, long sourceId)
    {
        if (!cells.TryGetValue((topic, sourceId), out var claims))
        {
            return GridCell.Empty;
        }

        var finding = findings(topic)!;
        var sides = finding.AllSides.ToDictionary(s => s.Value, StringComparer.Ordinal);
        return new GridCell(
            claims,
            [.. claims.Select(c => c.Value).Distinct(StringComparer.Ordinal).Select(v => sides[v])],
            claims.Any(c => finding.Disputed.Contains(c.Id)),
            finding.SelfContradictingSources.Contains(sourceId));
    }
}

/// <summary>One source's claims on one topic of a <see cref="SubjectGrid"/>.</summary>
/// <param name="Claims">The source's claims on the topic, by id.</param>
/// <param name="Values">Each value they give, in the order first given, as the topic's side: how many sources give it.</param>
/// <param name="Disputed">Another claim disagrees with one of these.</param>
/// <param name="SelfContradiction">The source gives different values for overlapping scopes here.</param>
public sealed record GridCell(IReadOnlyList<ComparableClaim> Claims, IReadOnlyList<Side> Values, bool Disputed, bool SelfContradiction)
{
    /// <summary>A source that says nothing on the topic.</summary>
    public static GridCell Empty { get; } = new([], [], false, false);
}
