using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// Times the exports over a synthetic database and measures their memory:
///   dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- csv-export [--claims 100000] [--sources 2000] [--db PATH]
/// Each export writes to a temp file through the app's own writer. Memory is read before and during each one: the
/// managed heap (sampled every 5 ms) and the process's resident set high-water mark (VmHWM in /proc/self/status),
/// reset before each export by writing 5 to /proc/self/clear_refs so it is that export's own peak.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Arguments.Parse(args);
        var connectionString = await SyntheticCorpus.EnsureDatabaseAsync(options.Database, options.Sources, options.Claims);

        var dbOptions = new DbContextOptionsBuilder<PolicyDbContext>().UseSqlite(connectionString).Options;
        var reports = Microsoft.Extensions.Options.Options.Create(new ReportsOptions());
        using var cache = new ComparisonCache();
        var output = Path.Combine(Path.GetTempPath(), $"policytracker-bench-export-{Environment.ProcessId}");

        Console.WriteLine();
        Console.WriteLine("| Export | time s | output MB | managed heap before MB | managed heap peak MB | working set before MB | VmHWM during MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");

        // A first, untimed CSV run loads the code and warms SQLite's page cache, so the timed runs compare the writers.
        await MeasureAsync("warm-up", null, dbOptions, (db, s) => new CsvClaimWriter(db).WriteAsync(ReportFilter.All, s, CancellationToken.None), output);
        for (var run = 1; run <= options.Runs; run++)
        {
            await MeasureAsync($"CSV, all claims (run {run})", Console.Out, dbOptions,
                (db, s) => new CsvClaimWriter(db).WriteAsync(ReportFilter.All, s, CancellationToken.None), output);
        }

        await MeasureAsync("JSON, all claims", Console.Out, dbOptions,
            (db, s) => new JsonExporter(db, new ContradictionQueries(db, cache), TimeProvider.System).ExportAsync(ReportFilter.All, s, CancellationToken.None), output);
        await MeasureAsync("HTML report, all claims", Console.Out, dbOptions, async (db, s) =>
        {
            var comparisons = new ContradictionQueries(db, cache);
            var matrices = new ProviderMatrixQueries(comparisons, PolicyTracker.Core.Extraction.TopicCatalog.Default, TimeProvider.System);
            var report = await new ReportQuery(db, comparisons, matrices, reports, TimeProvider.System).BuildAsync(ReportFilter.All, CancellationToken.None);
            await using var writer = new StreamWriter(s, leaveOpen: true);
            await HtmlReportWriter.WriteAsync(report, writer, CancellationToken.None);
        }, output);

        File.Delete(output);
        return 0;
    }

    private static async Task MeasureAsync(
        string name, TextWriter? table, DbContextOptions<PolicyDbContext> dbOptions, Func<PolicyDbContext, Stream, Task> export, string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Status("VmRSS");
        ResetPeak();

        using var sampling = new CancellationTokenSource();
        long heapPeak = heapBefore;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        });

        var watch = Stopwatch.StartNew();
        await using (var db = new PolicyDbContext(dbOptions))
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await export(db, file);
        }

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        var peak = Status("VmHWM");
        var size = new FileInfo(path).Length;
        table?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {watch.Elapsed.TotalSeconds:F2} | {Mb(size):F1} | {Mb(heapBefore):F1} | {Mb(heapPeak):F1} | {Mb(workingSetBefore):F1} | {Mb(peak):F1} |"));
    }

    /// <summary>Resets VmHWM to the current resident set (Linux 4.0 and later); elsewhere the peak is the process's.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            Console.Error.WriteLine("cannot reset VmHWM; the peak is the whole process's");
        }
        catch (UnauthorizedAccessException)
        {
            Console.Error.WriteLine("cannot reset VmHWM; the peak is the whole process's");
        }
    }

    /// <summary>A size line of /proc/self/status (such as VmHWM or VmRSS), in bytes.</summary>
    private static long Status(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private sealed record Arguments(int Sources, int Claims, int Runs, string? Database)
    {
        public static Arguments Parse(string[] args)
        {
            var result = new Arguments(2_000, 100_000, 3, null);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                result = args[i] switch
                {
                    "--sources" => result with { Sources = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    "--claims" => result with { Claims = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    "--runs" => result with { Runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    "--db" => result with { Database = args[i + 1] },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }

            return result;
        }
    }
}
