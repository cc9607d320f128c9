using System.Diagnostics;
using System.Globalization;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// Extraction throughput on one thread: each corpus is read and extracted once to warm up, then timed
/// several times; the median pass is reported.
/// </summary>
internal static class ExtractBenchmark
{
    public const double TargetMegabytesPerSecond = 10;

    public static void Run(IReadOnlyList<Seed> seeds, long targetBytes, int runs, string? only = null)
    {
        var extractor = new ClaimExtractor(TopicCatalog.Default);
        Console.WriteLine(Invariant($"{seeds.Count} seed files, corpora of at least {targetBytes / Corpus.BytesPerMegabyte:0.#} MB, {runs} timed passes each, median reported"));
        Console.WriteLine(Invariant($"{Environment.ProcessorCount} logical cores visible; the benchmark runs on one thread; server GC {System.Runtime.GCSettings.IsServerGC}, concurrent GC off"));
        Console.WriteLine();

        var results = new List<(Corpus Corpus, Pass Median)>();
        foreach (var corpus in Corpora(seeds, targetBytes, only))
        {
            Measure(extractor, corpus);
            var passes = Enumerable.Range(0, runs).Select(_ => Measure(extractor, corpus)).ToList();
            var median = new Pass(
                Median(passes.Select(p => p.ReadAndExtractSeconds)),
                Median(passes.Select(p => p.ExtractSeconds)),
                Median(passes.Select(p => p.CpuSeconds)),
                passes[0].Claims,
                passes[0].Documents,
                Median(passes.Select(p => p.GcPauseSeconds)));
            results.Add((corpus, median));
            Console.WriteLine(Invariant($"{corpus.Name,-18} {corpus.Megabytes,7:0.0} MB  {median.ReadAndExtractSeconds,7:0.00} s  {corpus.Megabytes / median.ReadAndExtractSeconds,6:0.00} MB/s read+extract  {corpus.Megabytes / median.ExtractSeconds,6:0.00} MB/s extract  {corpus.Megabytes / median.CpuSeconds,6:0.00} MB per CPU-second  {median.Claims,8} claims  {Rate(median.Documents / median.ReadAndExtractSeconds),8} docs/s  GC pauses {median.GcPauseSeconds / median.ReadAndExtractSeconds,4:P0}"));
        }

        Console.WriteLine();
        PrintTable(results);
    }

    // Built one at a time, so only one corpus and its documents are held in memory at once. --only picks
    // corpora by name: "txt", "md", "html" or "one" (the one-document corpus).
    private static IEnumerable<Corpus> Corpora(IReadOnlyList<Seed> seeds, long targetBytes, string? only)
    {
        var wanted = only?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        bool Wanted(string name) => wanted is null || wanted.Contains(name, StringComparer.OrdinalIgnoreCase);
        if (Wanted("txt"))
        {
            yield return Corpus.Repeat("txt", seeds, targetBytes, Corpus.AsText);
        }

        if (Wanted("md"))
        {
            yield return Corpus.Repeat("md", seeds, targetBytes, Corpus.AsMarkdown);
        }

        if (Wanted("html"))
        {
            yield return Corpus.Repeat("html", seeds, targetBytes, Corpus.AsHtml);
        }

        if (Wanted("one"))
        {
            yield return Corpus.Concatenated(seeds, targetBytes);
        }
    }

    private static Pass Measure(ClaimExtractor extractor, Corpus corpus)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // One pass gives both figures: the whole of each file's handling, and the extractor's share of it.
        // The process's CPU time is taken too: on a busy machine wall-clock time counts the waits for a core,
        // CPU time counts only the work, which is what "MB/s on one core" asks about.
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        long total = 0, extracting = 0;
        var claims = 0;
        foreach (var file in corpus.Files)
        {
            var started = Stopwatch.GetTimestamp();

            // The one-document corpus is bigger than the app's upload limit on purpose; the limit is not under test.
            var document = SourceReader.Read(file.FileName, file.Bytes, maxBytes: long.MaxValue);
            var read = Stopwatch.GetTimestamp();
            claims += extractor.Extract(document).Count;
            var done = Stopwatch.GetTimestamp();
            total += done - started;
            extracting += done - read;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
        return new Pass(Seconds(total), Seconds(extracting), cpu, claims, corpus.Files.Count, pause);
    }

    private static void PrintTable(List<(Corpus Corpus, Pass Median)> results)
    {
        Console.WriteLine("| Corpus | Documents | MB | Read + extract (MB/s) | Extract only (MB/s) | Read + extract (MB per CPU-second) | Claims | Claims/s | Documents/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (corpus, median) in results)
        {
            Console.WriteLine(Invariant(
                $"| {corpus.Name} | {median.Documents:N0} | {corpus.Megabytes:0.0} | {corpus.Megabytes / median.ReadAndExtractSeconds:0.00} | {corpus.Megabytes / median.ExtractSeconds:0.00} | {corpus.Megabytes / median.CpuSeconds:0.00} | {median.Claims:N0} | {median.Claims / median.ReadAndExtractSeconds:N0} | {Rate(median.Documents / median.ReadAndExtractSeconds)} |"));
        }

        var slowest = results.Min(r => r.Corpus.Megabytes / r.Median.ReadAndExtractSeconds);
        var slowestCpu = results.Min(r => r.Corpus.Megabytes / r.Median.CpuSeconds);
        Console.WriteLine();
        Console.WriteLine(Invariant($"Target >= {TargetMegabytesPerSecond:0} MB/s read+extract on one core: {(slowest >= TargetMegabytesPerSecond ? "met" : "not met")} by wall clock (slowest corpus {slowest:0.00} MB/s), {(slowestCpu >= TargetMegabytesPerSecond ? "met" : "not met")} by CPU time (slowest corpus {slowestCpu:0.00} MB per CPU-second)"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // The one-document corpus takes seconds per document; whole numbers would show it as 0.
    private static string Rate(double perSecond) =>
        perSecond.ToString(perSecond < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture);

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Pass(double ReadAndExtractSeconds, double ExtractSeconds, double CpuSeconds, int Claims, int Documents, double GcPauseSeconds = 0);
}
