using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Charts;
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
    ReportProviders Providers,
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

    /// <summary>
    /// The report's parts in the order every format writes them: the one list of what a report holds, which the HTML
    /// and Markdown writers both walk, each writing every part in its own way.
    /// </summary>
    public IEnumerable<ReportPart> Parts =>
        [Summary, Providers, .. Subjects, new ReportChangeList(Changes), new ReportSourceList(Sources)];
}

/// <summary>One part of a report (<see cref="ComparisonReport.Parts"/>).</summary>
public abstract record ReportPart;

/// <summary>Every change between versions of the sources in the report, newest first.</summary>
public sealed record ReportChangeList(IReadOnlyList<ClaimChange> Changes) : ReportPart;

/// <summary>The sources the report quotes (every source when nothing narrows it).</summary>
public sealed record ReportSourceList(IReadOnlyList<ReportSource> Sources) : ReportPart;

/// <summary>
/// Providers side by side: the Providers page's matrix and charts for the report's filter, built by the page's own
/// query (<see cref="Comparison.ProviderMatrixQueries"/>) from the report's comparison.
/// </summary>
public sealed record ReportProviders(ProviderMatrix Matrix, ProviderCharts Charts) : ReportPart
{
    public const string Heading = "Providers side by side";

    /// <summary>How many providers one matrix table holds before the next table takes the rest, so it fits a page.</summary>
    public const int ProvidersPerTable = 5;
}

public sealed record ReportSummary(
    int Sources,
    int Claims,
    int Contradictions,
    int SelfContradictions,
    int Corroborations,
    IReadOnlyDictionary<ClaimStatus, int> ClaimsByStatus,
    IReadOnlyDictionary<ContradictionState, int> ContradictionsByState,
    IReadOnlyList<DisputedTopic> DisputedTopics) : ReportPart;

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
    IReadOnlyList<ReportVerdict> Verdicts) : ReportPart;

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

/// <summary>One value of a contradiction with a few of the quotes that give it: one side of the quote pair.</summary>
public sealed record ReportSide(string Value, int ClaimCount, int SourceCount, IReadOnlyList<ReportQuote> Quotes);

/// <summary>A quote on one side of a contradiction, with where it stands.</summary>
public sealed record ReportQuote(
    long ClaimId, string Scope, string Text, long SourceId, string SourceName, SourceKind Kind, ClaimStatus Status, bool SelfContradicting);

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
