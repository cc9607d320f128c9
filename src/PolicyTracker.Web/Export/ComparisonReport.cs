using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Everything the HTML and Markdown reports show, built once from the database for one filter. It holds values
/// for the comparison tables, a few example quotes per contradiction and the quotes of reviewed claims, never every
/// claim's quote, so its size follows what a reader can take in rather than the number of claims.
/// </summary>
public sealed record ComparisonReport(
    DateTimeOffset GeneratedAt,
    string Publisher,
    ReportFilter Filter,
    ReportSummary Summary,
    IReadOnlyList<SubjectSection> Subjects,
    IReadOnlyList<ReportSource> Sources,
    IReadOnlyList<ClaimChange> Changes)
{
    /// <summary>The heading of the section that lists changes between versions, in every format.</summary>
    public const string ChangesHeading = "What changed";

    /// <summary>How many quotes a contradiction shows for each of its values.</summary>
    public const int QuotesPerSide = Core.Comparison.Side.ExampleCount;

    /// <summary>How many sources one comparison table holds before the next table takes the rest, so it fits a page.</summary>
    public const int SourcesPerTable = 5;

    public IEnumerable<ReportContradiction> Contradictions => Subjects.SelectMany(s => s.Contradictions);
}

public sealed record ReportSummary(
    int Sources,
    int Claims,
    int Contradictions,
    int SelfContradictions,
    int Corroborations,
    IReadOnlyDictionary<ClaimStatus, int> ClaimsByStatus,
    IReadOnlyDictionary<ContradictionState, int> ContradictionsByState,
    IReadOnlyList<DisputedTopic> DisputedTopics);

/// <summary>A topic on which sources disagree, and about which subjects.</summary>
public sealed record DisputedTopic(string Topic, IReadOnlyList<string> Subjects);

public sealed record ReportSource(
    long Id, string FileName, string? Title, SourceKind Kind, string Sha256, int Version, DateTimeOffset IngestedAt, int Claims)
{
    public string Name => Title ?? FileName;
}

/// <summary>One subject: its comparison table, its contradictions and the editors' verdicts on its claims.</summary>
public sealed record SubjectSection(
    string Subject,
    int Claims,
    IReadOnlyList<ReportSource> Columns,
    IReadOnlyList<TopicRow> Rows,
    IReadOnlyList<ReportContradiction> Contradictions,
    IReadOnlyList<ReportVerdict> Verdicts);

/// <summary>One topic across the subject's sources: per column, the values that source gives (with their scopes).</summary>
public sealed record TopicRow(string Topic, bool Disputed, IReadOnlyList<IReadOnlyList<CellValue>> Cells);

public sealed record CellValue(string Value, string Scope);

public sealed record ReportContradiction(
    string Subject,
    string Topic,
    bool SelfContradiction,
    int ClaimCount,
    int SourceCount,
    ContradictionVerdict Review,
    IReadOnlyList<ReportSide> Sides)
{
    /// <summary>The anchor the report links to, stable for a subject and topic.</summary>
    public string Anchor => AnchorFor(Subject, Topic);

    public static string AnchorFor(string subject, string topic)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(topic);
        return $"contradiction-{subject}-{topic}".Replace('.', '-').Replace('_', '-');
    }
}

/// <summary>The editors' decision on a contradiction; a contradiction nobody reviewed is open.</summary>
public sealed record ContradictionVerdict(ContradictionState State, DismissalReason? Reason, string? Note, string? ReviewedBy, DateTimeOffset? ReviewedAt)
{
    public static ContradictionVerdict Open { get; } = new(ContradictionState.Open, null, null, null, null);
}

public sealed record ReportSide(string Value, int ClaimCount, int SourceCount, IReadOnlyList<ReportQuote> Quotes);

public sealed record ReportQuote(long ClaimId, string Scope, string Text, string SourceName, SourceKind Kind, ClaimStatus Status, bool SelfContradicting);

/// <summary>A claim an editor has given a status, with the note and evidence behind it.</summary>
public sealed record ReportVerdict(
    long ClaimId,
    string Topic,
    string Scope,
    string Value,
    string Quote,
    string SourceName,
    ClaimStatus Status,
    string? Note,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<ReportEvidence> Evidence);

public sealed record ReportEvidence(string Quote, string SourceName, long? ClaimId);
