using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Gold;

/// <summary>A labelled document as the pipeline reads it, with the claims the extractor finds in it.</summary>
internal sealed record CorpusDocument(string FileName, ExtractedDocument Document, IReadOnlyList<ExtractedClaim> Claims);

/// <summary>
/// The seeds and the dev documents with their gold files, copied into the test output by the project file,
/// so the tests find them under the application folder whatever the working directory.
/// </summary>
internal static class GoldCorpus
{
    public const string SeedsSet = "seeds";
    public const string DevSet = "dev";
    public const string HoldoutSet = "holdout";
    public const string SecondHoldoutSet = "holdout2";

    private static readonly Lazy<IReadOnlyList<CorpusDocument>> SeedDocuments = new(() => ExtractAll(SeedsSet));
    private static readonly Lazy<IReadOnlyList<CorpusDocument>> DevDocuments = new(() => ExtractAll(DevSet));
    private static readonly Lazy<IReadOnlyList<CorpusDocument>> HoldoutDocuments = new(() => ExtractAll(HoldoutSet));
    private static readonly Lazy<IReadOnlyList<CorpusDocument>> SecondHoldoutDocuments = new(() => ExtractAll(SecondHoldoutSet));

    public static ClaimExtractor Extractor { get; } = new(TopicCatalog.Default);

    public static string SeedsGoldPath => Path.Combine(AppContext.BaseDirectory, "gold", "seeds.gold.json");

    public static string DevGoldPath => Path.Combine(AppContext.BaseDirectory, "gold", "dev.gold.json");

    public static string HoldoutGoldPath => Path.Combine(AppContext.BaseDirectory, "gold", "holdout.gold.json");

    public static string SecondHoldoutGoldPath => Path.Combine(AppContext.BaseDirectory, "gold", "holdout2.gold.json");

    /// <summary>Every seed, extracted once for all tests.</summary>
    public static IReadOnlyList<CorpusDocument> Seeds => SeedDocuments.Value;

    /// <summary>Every dev document, extracted once for all tests.</summary>
    public static IReadOnlyList<CorpusDocument> Dev => DevDocuments.Value;

    /// <summary>Every holdout document, extracted once for all tests.</summary>
    public static IReadOnlyList<CorpusDocument> Holdout => HoldoutDocuments.Value;

    /// <summary>Every document of the second holdout set, extracted once for all tests.</summary>
    public static IReadOnlyList<CorpusDocument> SecondHoldout => SecondHoldoutDocuments.Value;

    public static string Folder(string set) => set switch
    {
        SeedsSet => Path.Combine(AppContext.BaseDirectory, "seeds"),
        DevSet => Path.Combine(AppContext.BaseDirectory, "gold", "dev"),
        HoldoutSet => Path.Combine(AppContext.BaseDirectory, "gold", "holdout"),
        SecondHoldoutSet => Path.Combine(AppContext.BaseDirectory, "gold", "holdout2"),
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "unknown document set"),
    };

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
        (set == SeedsSet ? Seeds : Dev).Single(d => d.FileName == fileName);

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
