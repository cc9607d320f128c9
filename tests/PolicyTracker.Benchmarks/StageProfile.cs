using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// Where extraction time goes, on the .txt corpus. The extractor's own stages are measured by running the real
/// extractor with reduced catalogs (no topics, no organisations, one topic at a time) and taking differences;
/// sentence splitting and the catalog's patterns are also timed on their own.
/// </summary>
internal static class StageProfile
{
    private const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    public static void Run(IReadOnlyList<Seed> seeds, long targetBytes)
    {
        var corpus = Corpus.Repeat("txt", seeds, targetBytes, Corpus.AsText);
        var catalogJson = LoadCatalogJson();
        var full = new ClaimExtractor(TopicCatalog.Default);

        Time(() => ReadAll(corpus));
        var readSeconds = Best(() => ReadAll(corpus));
        var documents = ReadAll(corpus);
        var statements = documents
            .SelectMany(d => d.Blocks.SelectMany(b => SentenceSplitter.Split(d.Text, b.Span).Select(s => s.Slice(d.Text))))
            .ToList();

        Console.WriteLine(Invariant($"{corpus.Megabytes:0.0} MB in {documents.Count} .txt documents, {statements.Count:N0} sentences; best of 3 passes after a warm-up"));
        Console.WriteLine();

        ExtractAll(full, documents);
        var fullSeconds = Best(() => ExtractAll(full, documents));
        var splitSeconds = Best(() => SplitAll(documents));
        var noTopics = Extractor(catalogJson, c => c["topics"] = new JsonArray());
        var noTopicsSeconds = Best(() => ExtractAll(noTopics, documents));
        var noOrganisations = Extractor(catalogJson, c =>
        {
            c["topics"] = new JsonArray();
            c["organisations"] = new JsonArray();
        });
        var noOrganisationsSeconds = Best(() => ExtractAll(noOrganisations, documents));

        var total = readSeconds + fullSeconds;
        Row("total: read + extract", total, total, corpus.Megabytes);
        Row("read (SourceReader.Read)", readSeconds, total, corpus.Megabytes);
        Row("extract (ClaimExtractor.Extract)", fullSeconds, total, corpus.Megabytes);
        Row("  with no topics: statements, subject and actor checks", noTopicsSeconds, total, corpus.Megabytes);
        Row("    of which sentence splitting alone", splitSeconds, total, corpus.Megabytes);
        Row("    of which organisation names (main subject, mentions)", noTopicsSeconds - noOrganisationsSeconds, total, corpus.Megabytes);
        Row("  the 20 topics (extract - no topics)", fullSeconds - noTopicsSeconds, total, corpus.Megabytes);
        Console.WriteLine();

        // Differences of whole extractor passes are too small per topic to rise above run-to-run noise, so each
        // topic's patterns are timed directly: every sentence is tried against the exclusions and the trigger.
        Console.WriteLine("Per topic: the share of sentences its trigger matches (those go on to the other patterns, the value,");
        Console.WriteLine("the subject and the scope), and its exclusion and trigger patterns alone over every sentence.");
        Console.WriteLine();
        Console.WriteLine("| Topic | Kind | Trigger matches | Exclusions + trigger (s) | Trigger alone (s) |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var perTopic = new List<(string Key, string Kind, double Hits, double Seconds, double TriggerSeconds)>();
        foreach (var topic in catalogJson["topics"]!.AsArray().Select(t => t!))
        {
            var trigger = Compile(topic["match"]![0]!.GetValue<string>());
            var excludes = (topic["exclude"]?.AsArray() ?? []).Select(e => Compile(e!.GetValue<string>())).ToList();
            var hits = statements.Count(s => trigger.IsMatch(s)) / (double)statements.Count;
            var seconds = Best(() => MatchAll(statements, [.. excludes, trigger]));
            var triggerSeconds = Best(() => MatchAll(statements, [trigger]));
            perTopic.Add((topic["key"]!.GetValue<string>(), topic["kind"]!.GetValue<string>(), hits, seconds, triggerSeconds));
        }

        foreach (var (key, kind, hits, seconds, triggerSeconds) in perTopic.OrderByDescending(t => t.Seconds))
        {
            Console.WriteLine(Invariant($"| {key} | {kind} | {hits:P0} | {seconds:0.000} | {triggerSeconds:0.000} |"));
        }

        var patternSeconds = perTopic.Sum(t => t.Seconds);
        Console.WriteLine(Invariant($"| all topics | | | {patternSeconds:0.000} | {perTopic.Sum(t => t.TriggerSeconds):0.000} |"));
        Console.WriteLine();
        Row("the 20 topics", fullSeconds - noTopicsSeconds, total, corpus.Megabytes);
        Row("  exclusions + triggers on every sentence", patternSeconds, total, corpus.Megabytes);
        Row("  the rest, on sentences a trigger matched", fullSeconds - noTopicsSeconds - patternSeconds, total, corpus.Megabytes);
    }

    private static List<ExtractedDocument> ReadAll(Corpus corpus) =>
        [.. corpus.Files.Select(f => SourceReader.Read(f.FileName, f.Bytes))];

    private static int ExtractAll(ClaimExtractor extractor, List<ExtractedDocument> documents) =>
        documents.Sum(d => extractor.Extract(d).Count);

    private static int SplitAll(List<ExtractedDocument> documents) =>
        documents.Sum(d => d.Blocks.Sum(b => SentenceSplitter.Split(d.Text, b.Span).Count));

    private static int MatchAll(List<string> statements, List<Regex> patterns)
    {
        var matches = 0;
        foreach (var statement in statements)
        {
            foreach (var pattern in patterns)
            {
                matches += pattern.IsMatch(statement) ? 1 : 0;
            }
        }

        return matches;
    }

    private static JsonObject LoadCatalogJson()
    {
        var path = Path.Combine(AppContext.BaseDirectory, TopicCatalog.DefaultRelativePath);
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: options)!.AsObject();
    }

    private static ClaimExtractor Extractor(JsonObject catalog, Action<JsonObject> change)
    {
        var copy = catalog.DeepClone().AsObject();
        change(copy);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            copy.WriteTo(writer);
        }

        stream.Position = 0;
        return new ClaimExtractor(TopicCatalog.Load(stream));
    }

    // The same options and match timeout the catalog compiles its patterns with.
    private static Regex Compile(string pattern) => new(pattern, PatternOptions, TimeSpan.FromSeconds(1));

    private static double Best<T>(Func<T> work) => Enumerable.Range(0, 3).Min(_ => Time(work));

    private static double Time<T>(Func<T> work)
    {
        GC.Collect();
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(work());
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void Row(string stage, double seconds, double total, double megabytes) =>
        Console.WriteLine(Invariant($"{stage,-58} {seconds,7:0.000} s  {seconds / total,4:P0}  {megabytes / seconds,8:0.0} MB/s"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
