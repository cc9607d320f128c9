using System.Diagnostics;
using System.Globalization;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// Extraction speed on real policies, end to end with every quality feature on (relations, confidence, cues): each
/// document of the real gold sets is read and extracted once to warm up, then timed several times on one thread.
/// Reports the whole corpus in MB/s and each document's median time, the largest documents first.
/// </summary>
internal static class RealCorpusBenchmark
{
    public const double TargetMegabytesPerSecond = 1;
    public const double TargetMillisecondsPer50Kb = 50;

    public static void Run(IReadOnlyList<string> folders, int runs)
    {
        var files = folders
            .SelectMany(f => Directory.EnumerateFiles(f))
            .Where(f => SourceReader.FormatFor(f) is not null)
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            .OrderByDescending(f => f.Bytes.Length)
            .ToList();
        if (files.Count == 0)
        {
            throw new ArgumentException($"no documents in {string.Join(", ", folders)}");
        }

        var loadStarted = Stopwatch.GetTimestamp();
        var extractor = new ClaimExtractor(TopicCatalog.Default);
        var loadMilliseconds = Stopwatch.GetElapsedTime(loadStarted).TotalMilliseconds;

        var times = files.ToDictionary(f => f.Name, _ => new List<double>());
        var claims = new Dictionary<string, int>();
        var passSeconds = new List<double>();
        var cpuSeconds = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var pass = 0; pass <= runs; pass++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var passStarted = Stopwatch.GetTimestamp();
            foreach (var (name, bytes) in files)
            {
                var started = Stopwatch.GetTimestamp();
                var found = extractor.Extract(SourceReader.Read(name, bytes));
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (pass > 0)
                {
                    times[name].Add(milliseconds);
                    claims[name] = found.Count;
                }
            }

            if (pass > 0)
            {
                passSeconds.Add(Stopwatch.GetElapsedTime(passStarted).TotalSeconds);
                process.Refresh();
                cpuSeconds.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
        }

        var megabytes = files.Sum(f => f.Bytes.Length) / Corpus.BytesPerMegabyte;
        Console.WriteLine(Invariant($"{files.Count} real documents, {megabytes:0.000} MB, {runs} timed passes after one warm-up, median reported; catalog loaded and compiled in {loadMilliseconds:0} ms"));
        Console.WriteLine(Invariant($"peak working set {process.PeakWorkingSet64 / 1048576.0:0} MB"));
        Console.WriteLine();
        Console.WriteLine("| Document | KB | Claims and suggestions | Read + extract (ms, median) | ms per 50 KB |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, bytes) in files)
        {
            var median = Median(times[name]);
            Console.WriteLine(Invariant($"| {name} | {bytes.Length / 1000.0:0.0} | {claims[name]} | {median:0.0} | {median * 50_000 / bytes.Length:0.0} |"));
        }

        var wall = Median(passSeconds);
        var cpu = Median(cpuSeconds);
        var worstPer50Kb = files.Max(f => Median(times[f.Name]) * 50_000 / f.Bytes.Length);
        Console.WriteLine();
        Console.WriteLine(Invariant($"whole corpus: {megabytes / wall:0.00} MB/s by wall clock, {megabytes / cpu:0.00} MB per CPU-second (target >= {TargetMegabytesPerSecond:0} MB/s: {(megabytes / wall >= TargetMegabytesPerSecond ? "met" : "not met")})"));
        Console.WriteLine(Invariant($"slowest document per 50 KB: {worstPer50Kb:0.0} ms (target <= {TargetMillisecondsPer50Kb:0} ms: {(worstPer50Kb <= TargetMillisecondsPer50Kb ? "met" : "not met")})"));
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
