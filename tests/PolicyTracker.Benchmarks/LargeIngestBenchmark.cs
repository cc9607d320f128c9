using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// One document at the size limit, as dense with claims as text can be, through the app's own <c>ingest</c> command:
///   large-ingest --provider Sqlite|Postgres [--connection CS] [--mb 20]
/// 1. generates a plain-text file of at most --mb MiB (default: the 20 MiB limit) in which every sentence is a claim,
///    and a second version with one paragraph in twenty changed;
/// 2. times reading and extraction alone, in this process, on one thread;
/// 3. runs the built app's <c>ingest</c> command as its own process on a fresh database for the first version (a new
///    source) and then the second (a replacement, which matches the new claims against the stored ones), reporting
///    each run's wall time and the process's peak resident memory (VmHWM, sampled every 50 ms), and the stage times
///    the ingest logs.
/// PostgreSQL: --connection, or POLICYTRACKER_TEST_POSTGRES; the database named in it (default policytracker_bench)
/// is dropped and created.
/// </summary>
internal static class LargeIngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestArguments.Parse(args, "mb");
        var provider = options.Provider;
        var megabytes = options.Number("mb", SourceReader.DefaultMaxBytes / (1024.0 * 1024));
        var root = ServerBenchmark.RepositoryRoot();
        var dll = IngestProcess.Dll(root);

        var work = Path.Combine(Path.GetTempPath(), $"policytracker-large-ingest-{provider}".ToLowerInvariant());
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(work, "v1"));
        Directory.CreateDirectory(Path.Combine(work, "v2"));
        Directory.CreateDirectory(Path.Combine(work, "no-seeds"));
        var connectionString = options.ConnectionString(work);
        if (provider == DatabaseProvider.Postgres)
        {
            await DropAsync(connectionString);
        }

        Console.WriteLine($"date:     {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine:  {Environment.ProcessorCount} cores, {CpuModel()}, {TotalMemoryGigabytes():F0} GB");
        Console.WriteLine($"load:     {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"database: {provider}");

        var limit = (long)(megabytes * 1024 * 1024);
        var generator = new ArticleGenerator(root, seed: 20261124);
        var first = generator.ClaimDense(limit);
        var second = Changed(first);
        var v1 = Path.Combine(work, "v1", "large.txt");
        var v2 = Path.Combine(work, "v2", "large.txt");
        await File.WriteAllBytesAsync(v1, first);
        await File.WriteAllBytesAsync(v2, second);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var document = SourceReader.Read("large.txt", first, long.MaxValue);
        var read = watch.Elapsed.TotalSeconds;
        var claims = new ClaimExtractor(TopicCatalog.Default).Extract(document);
        var extract = watch.Elapsed.TotalSeconds - read;
        Console.WriteLine(Invariant($"file:     {first.Length:N0} bytes ({first.Length / 1048576.0:F1} MiB), {claims.Count:N0} claims"));
        var cpuAlone = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(Invariant($"alone:    read {read:F1} s + extract {extract:F1} s = {read + extract:F1} s (CPU {cpuAlone:F1} s), {first.Length / 1048576.0 / (read + extract):F1} MiB/s, in this process"));
        Console.WriteLine();

        foreach (var (label, path) in new[] { ("first ingest (added)", v1), ("second version (replaced)", v2), ("same bytes (unchanged)", v2) })
        {
            var run = await IngestProcess.RunAsync(dll, work, provider, connectionString, [path]);
            Console.WriteLine(Invariant($"{label,-26} {run.Seconds,6:F1} s  CPU {run.CpuSeconds,5:F1} s  peak {run.PeakMegabytes,5:N0} MB  {run.Output}"));

            // The ingest logs its stage times; the last such line is this file's.
            var log = run.LogLines.LastOrDefault(l => l.Contains("Ingested", StringComparison.Ordinal) || l.Contains("Skipped", StringComparison.Ordinal));
            if (log is not null)
            {
                Console.WriteLine($"  {Stages(log)}");
            }
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }

        return 0;
    }

    /// <summary>The document with one paragraph in twenty changed, its size kept: its durations are other durations.</summary>
    private static byte[] Changed(byte[] original)
    {
        var paragraphs = Encoding.UTF8.GetString(original).Split("\n\n");
        for (var i = 5; i < paragraphs.Length; i += 20)
        {
            paragraphs[i] = paragraphs[i].Replace("30 days", "45 days", StringComparison.Ordinal)
                .Replace("90 days", "60 days", StringComparison.Ordinal).Replace("2 years", "4 years", StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs));
    }

    /// <summary>The stage times of the ingest's log line (compact JSON), or the line itself.</summary>
    private static string Stages(string line)
    {
        using var json = System.Text.Json.JsonDocument.Parse(line);
        var root = json.RootElement;
        return root.TryGetProperty("StoreSeconds", out var store)
            ? Invariant($"ingest log: read {root.GetProperty("ReadSeconds").GetDouble():F1} s, extract {root.GetProperty("ExtractSeconds").GetDouble():F1} s, store {store.GetDouble():F1} s")
            : "ingest log: " + root.GetProperty("@mt").GetString();
    }

    private static Task DropAsync(string connectionString) => ServerBenchmark.DropPostgresDatabaseAsync(connectionString);

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? "unknown CPU";

    private static double TotalMemoryGigabytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
