using System.Collections.Concurrent;
using System.Globalization;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Tests.Gold;
using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Tests.Versions;

/// <summary>One recorded version of a real document, read and extracted the way the app ingests it.</summary>
internal sealed record HistoryVersion(int Number, string FileName, DateOnly Recorded, string Markdown, ExtractedDocument Document, IReadOnlyList<ExtractedClaim> Claims)
{
    /// <summary>When the version was recorded, as the observed time change detection shows.</summary>
    public DateTimeOffset Observed => new(Recorded.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The claims as change detection reads them: suggestions left out, as they are compared with nothing.</summary>
    public IReadOnlyList<VersionClaim> VersionClaims =>
        [.. Claims.Where(c => !c.IsSuggestion(VersionHistories.SuggestionThreshold))
            .Select(c => new VersionClaim(c.Subject, c.Topic, c.Scope, c.Value, c.Quote, c.Span.Start, c.Span.End))];
}

/// <summary>
/// The real document histories in <c>tests/versions/</c> (copied into the test output by the project file), each
/// version read and extracted once for all tests.
/// </summary>
internal static class VersionHistories
{
    public const string ChatGptBusiness = "chatgpt-business-privacy-policy";
    public const string Cursor = "cursor-privacy-policy";
    public const string GitHubCopilot = "github-copilot-privacy-policy";
    public const string Lovable = "lovable-privacy-policy";

    /// <summary>The app's default <c>Extraction:SuggestionThreshold</c>.</summary>
    public const double SuggestionThreshold = 0.6;

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<HistoryVersion>>> Read = new(StringComparer.Ordinal);

    /// <summary>Every version of a history, oldest first, numbered from 1.</summary>
    public static IReadOnlyList<HistoryVersion> History(string history) =>
        Read.GetOrAdd(history, name => new Lazy<IReadOnlyList<HistoryVersion>>(() => Load(name))).Value;

    /// <summary>The version recorded under <paramref name="fileName"/> (its <c>DATE-COMMIT.md</c> name).</summary>
    public static HistoryVersion Version(string history, string fileName) =>
        History(history).Single(v => v.FileName == fileName);

    /// <summary>Every change between consecutive versions of a history.</summary>
    public static IReadOnlyList<ClaimChange> Changes(string history) =>
        ChangeDetector.Across(history, [.. History(history).Select(v => (v.Number, v.Observed, v.VersionClaims))]);

    private static List<HistoryVersion> Load(string history)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "versions", history);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} is missing: the test project copies it into the output");
        }

        var extractor = GoldCorpus.Extractor;
        return [.. Directory.EnumerateFiles(folder, "*.md")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .Select((name, i) =>
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder, name));
                var document = SourceReader.Read(name, bytes);
                var recorded = DateOnly.ParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return new HistoryVersion(i + 1, name, recorded, System.Text.Encoding.UTF8.GetString(bytes), document, extractor.Extract(document));
            })];
    }
}
