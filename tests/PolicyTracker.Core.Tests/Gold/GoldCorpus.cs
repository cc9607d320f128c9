using System.Collections.Concurrent;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Gold;

/// <summary>A labelled document as the pipeline reads it, with the claims the extractor finds in it.</summary>
internal sealed record CorpusDocument(string FileName, ExtractedDocument Document, IReadOnlyList<ExtractedClaim> Claims);

/// <summary>
/// The seeds and the labelled document sets (dev, holdouts, real policies, policies written in their style) with their gold files, copied into the
/// test output by the project file, so the tests find them under the application folder whatever the working
/// directory.
/// </summary>
internal static class GoldCorpus
{
    public const string SeedsSet = "seeds";
    public const string DevSet = "dev";
    public const string SecondHoldoutSet = "holdout2";
    public const string ThirdHoldoutSet = "holdout3";
    public const string RealDevSet = "real-dev";
    public const string RealHoldoutSet = "real-holdout";
    public const string WrittenDevSet = "written-dev";
    public const string WrittenHoldoutSet = "written-holdout";

    // Each set is read and extracted once, the first time a test asks for it.
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<CorpusDocument>>> Extracted = new(StringComparer.Ordinal);

    public static ClaimExtractor Extractor { get; } = new(TopicCatalog.Default);

    /// <summary>Every seed, extracted once for all tests.</summary>
    public static IReadOnlyList<CorpusDocument> Seeds => Documents(SeedsSet);

    /// <summary>Every document of a set, extracted once for all tests.</summary>
    public static IReadOnlyList<CorpusDocument> Documents(string set) =>
        Extracted.GetOrAdd(set, name => new Lazy<IReadOnlyList<CorpusDocument>>(() => ExtractAll(name))).Value;

    /// <summary>A set's gold file: <c>gold/{set}.gold.json</c>.</summary>
    public static string GoldPath(string set) => Path.Combine(AppContext.BaseDirectory, "gold", $"{set}.gold.json");

    /// <summary>A set's documents: the seeds, or <c>gold/{set}/</c>.</summary>
    public static string Folder(string set) =>
        set == SeedsSet ? Path.Combine(AppContext.BaseDirectory, "seeds") : Path.Combine(AppContext.BaseDirectory, "gold", set);

    /// <summary>The file names of a set's readable documents, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames(string set)
    {
        var folder = Folder(set);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} is missing: the test project copies it into the output");
        }

        return [.. Directory.EnumerateFiles(folder)
            .Where(f => SourceReader.FormatFor(f) is not null)
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];
    }

    public static CorpusDocument Get(string set, string fileName) =>
        Documents(set).Single(d => d.FileName == fileName);

    /// <summary>Reads one document of a set from its bytes, the way the app ingests it.</summary>
    public static ExtractedDocument Read(string set, string fileName) =>
        SourceReader.Read(fileName, File.ReadAllBytes(Path.Combine(Folder(set), fileName)));

    public static IReadOnlyDictionary<string, IReadOnlyList<ExtractedClaim>> ClaimsBySource(IEnumerable<CorpusDocument> documents) =>
        documents.ToDictionary(d => d.FileName, d => d.Claims, StringComparer.Ordinal);

    private static IReadOnlyList<CorpusDocument> ExtractAll(string set) =>
        [.. FileNames(set).Select(name =>
        {
            var document = Read(set, name);
            return new CorpusDocument(name, document, Extractor.Extract(document));
        })];
}
