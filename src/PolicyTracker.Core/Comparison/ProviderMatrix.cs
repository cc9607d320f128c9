using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Comparison;

/// <summary>
/// Subjects against topics across every provider: per subject and topic the value to show (the provider's own policy
/// first), the other values sources give, whether the comparison calls it disputed, how many sources agree and
/// whether it changed recently. It reads every rule from the <see cref="ComparisonModel"/> and only arranges what the
/// model decided, so the Providers page, its CSV and <c>/api/providers</c> present one matrix.
/// </summary>
public sealed class ProviderMatrix
{
    /// <summary>How far back a change counts as recent.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(90);

    private readonly Dictionary<(string Subject, string Topic), MatrixCell> cells;

    private ProviderMatrix(
        IReadOnlyList<SubjectCount> subjects, IReadOnlyList<MatrixFamily> families, IReadOnlyList<ClaimChange> changes, DateTimeOffset recentSince)
    {
        Subjects = subjects;
        Families = families;
        Changes = changes;
        RecentSince = recentSince;
        cells = families.SelectMany(f => f.Rows).SelectMany(r => r.Cells).ToDictionary(c => (c.Subject, c.Topic));
    }

    /// <summary>The subjects shown as columns, in the order asked for, each with its number of claims.</summary>
    public IReadOnlyList<SubjectCount> Subjects { get; }

    /// <summary>The rows, grouped by topic family: built-in families first in their order, then any other by name.</summary>
    public IReadOnlyList<MatrixFamily> Families { get; }

    /// <summary>The rows in the order shown.</summary>
    public IEnumerable<MatrixRow> Rows => Families.SelectMany(f => f.Rows);

    /// <summary>The changes between versions on the subjects and topics shown, newest first.</summary>
    public IReadOnlyList<ClaimChange> Changes { get; }

    /// <summary>A change observed at or after this moment is recent.</summary>
    public DateTimeOffset RecentSince { get; }

    /// <summary>The cell for one subject and topic shown.</summary>
    /// <exception cref="KeyNotFoundException">The subject or topic is not shown.</exception>
    public MatrixCell Cell(string subject, string topic) => cells[(subject, topic)];

    /// <summary>
    /// Arranges <paramref name="model"/> as subjects against topics.
    /// </summary>
    /// <param name="model">The comparison: every verdict, side, count and change comes from it.</param>
    /// <param name="kinds">
    /// Each source's kind, which tells the provider's own policy from articles and guides. Passed in rather than held
    /// by the model because an editor can change a kind without any claim changing. A source missing here is taken
    /// for someone else's word.
    /// </param>
    /// <param name="now">The moment "recent" is measured from.</param>
    /// <param name="query">The families and subjects shown and the order of the columns.</param>
    /// <param name="catalogTopics">
    /// The catalog's topics in catalog order: each is a row even where no source states it, so "no statement found"
    /// can be told; topics that only claims use follow them.
    /// </param>
    public static ProviderMatrix Build(
        ComparisonModel model,
        IReadOnlyDictionary<long, SourceKind> kinds,
        DateTimeOffset now,
        MatrixQuery? query = null,
        IEnumerable<string>? catalogTopics = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kinds);
        query ??= MatrixQuery.All;
        var recentSince = now - RecentWindow;

        var subjects = model.Subjects.Where(s => query.ShowsSubject(s.Subject));
        IReadOnlyList<SubjectCount> columns = query.Sort == MatrixSort.Name
            ? [.. subjects.OrderBy(s => s.Subject, StringComparer.Ordinal)]
            : [.. subjects.OrderByDescending(s => s.Claims).ThenBy(s => s.Subject, StringComparer.Ordinal)];

        var catalogOrder = (catalogTopics ?? []).Distinct(StringComparer.Ordinal).ToList();
        var topics = catalogOrder
            .Concat(model.Findings.Select(f => f.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(t => query.Shows(TopicFamilies.Of(t)))
            .ToList();

        var families = topics
            .GroupBy(TopicFamilies.Of, StringComparer.Ordinal)
            .OrderBy(g => TopicFamilies.Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MatrixFamily(
                g.Key,
                [.. g.Select(topic => new MatrixRow(
                    topic,
                    [.. columns.Select(s => MatrixCell.Of(s.Subject, topic, model.Find(s.Subject, topic), kinds, recentSince))]))]))
            .ToList();

        var shownSubjects = columns.Select(s => s.Subject).ToHashSet(StringComparer.Ordinal);
        var shownTopics = topics.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<ClaimChange> changes = [.. model.Changes.Where(c => shownSubjects.Contains(c.Subject) && shownTopics.Contains(c.Topic))];
        return new ProviderMatrix(columns, families, changes, recentSince);
    }
}

/// <summary>One family's rows.</summary>
/// <param name="Name">The family (<see cref="TopicFamilies"/>).</param>
/// <param name="Rows">Its topics, in catalog order.</param>
public sealed record MatrixFamily(string Name, IReadOnlyList<MatrixRow> Rows);

/// <summary>One topic across the subjects shown.</summary>
/// <param name="Topic">The catalog topic.</param>
/// <param name="Cells">One cell per subject, in column order.</param>
public sealed record MatrixRow(string Topic, IReadOnlyList<MatrixCell> Cells)
{
    /// <summary>The topic's family.</summary>
    public string Family => TopicFamilies.Of(Topic);
}

/// <summary>A value some sources give on a subject and topic: a <see cref="Side"/> with its official sources counted.</summary>
/// <param name="Value">The normalised value.</param>
/// <param name="Sources">How many sources give it (<see cref="Side.SourceCount"/>).</param>
/// <param name="OfficialSources">How many of those are the provider's own policy.</param>
/// <param name="Claims">How many claims give it.</param>
public sealed record MatrixValue(string Value, int Sources, int OfficialSources, int Claims)
{
    /// <summary>The provider's own policy gives this value.</summary>
    public bool Official => OfficialSources > 0;

    /// <summary>How many articles and guides give it.</summary>
    public int OtherSources => Sources - OfficialSources;
}

/// <summary>
/// What the comparison says on one subject and topic, as the matrix shows it.
/// </summary>
/// <param name="Subject">The organisation.</param>
/// <param name="Topic">The catalog topic.</param>
/// <param name="Shown">
/// The value shown: the one most official sources give, or, when no official source states the topic, the one most
/// sources give. Null when no source states it.
/// </param>
/// <param name="Others">Every other value a source gives, the most widely held first.</param>
/// <param name="SourceCount">How many sources state the topic at all.</param>
/// <param name="ClaimCount">How many claims state it.</param>
/// <param name="Verdict">The comparison's verdict, or null when no claim or change speaks to the topic.</param>
/// <param name="SelfContradiction">A source gives different values for overlapping scopes here.</param>
/// <param name="RecentChanges">The changes between versions observed in the recent window, oldest first.</param>
/// <param name="Changes">Every change between versions on the subject and topic, oldest first.</param>
public sealed record MatrixCell(
    string Subject,
    string Topic,
    MatrixValue? Shown,
    IReadOnlyList<MatrixValue> Others,
    int SourceCount,
    int ClaimCount,
    Verdict? Verdict,
    bool SelfContradiction,
    IReadOnlyList<ClaimChange> RecentChanges,
    IReadOnlyList<ClaimChange> Changes)
{
    /// <summary>No current claim of the subject's sources states the topic. Not the same as disputed.</summary>
    public bool NoStatement => Shown is null;

    /// <summary>Two claims with overlapping scopes give different values (<see cref="Verdict.Disagree"/>).</summary>
    public bool Disputed => Verdict == Comparison.Verdict.Disagree;

    /// <summary>The shown value is the provider's own policy's.</summary>
    public bool ShownIsOfficial => Shown?.Official ?? false;

    /// <summary>How many sources give the shown value.</summary>
    public int Agreeing => Shown?.Sources ?? 0;

    /// <summary>A source's answer here changed between versions within the recent window.</summary>
    public bool ChangedRecently => RecentChanges.Count > 0;

    /// <summary>What articles and guides say when it differs from the shown value, the most widely held first.</summary>
    public IEnumerable<MatrixValue> OtherSourcesSay => Others.Where(v => v.OtherSources > 0);

    internal static MatrixCell Of(
        string subject, string topic, TopicFinding? finding, IReadOnlyDictionary<long, SourceKind> kinds, DateTimeOffset recentSince)
    {
        if (finding is null)
        {
            return new MatrixCell(subject, topic, null, [], 0, 0, null, false, [], []);
        }

        // AllSides is already the most widely held first; the official count only lifts the policy's own word above it.
        var values = finding.AllSides
            .Select(side => new MatrixValue(
                side.Value,
                side.SourceCount,
                side.Claims.Where(c => kinds.GetValueOrDefault(c.SourceId, SourceKind.Article) == SourceKind.OfficialPolicy)
                    .Select(c => c.SourceId).Distinct().Count(),
                side.ClaimCount))
            .ToList();
        var shown = values.OrderByDescending(v => v.OfficialSources).FirstOrDefault();
        return new MatrixCell(
            subject,
            topic,
            shown,
            [.. values.Where(v => !ReferenceEquals(v, shown))],
            finding.Claims.Select(c => c.SourceId).Distinct().Count(),
            finding.Claims.Count,
            finding.Verdict,
            finding.SelfContradiction,
            [.. finding.Changes.Where(c => c.ToObserved >= recentSince)],
            finding.Changes);
    }
}
