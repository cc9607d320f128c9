using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// The <c>ingest</c> command over a folder of article-sized documents, end to end, as a person runs it:
///   folder-ingest --provider Sqlite|Postgres [--connection CS] [--claims 100000] [--baseline DIR] [--rounds 1] [--set Key=value]...
/// 1. writes the server benchmark's generated articles (<see cref="ServerBenchmark.Articles"/>) to a folder;
/// 2. times reading and extraction alone in this process, on one thread and on one thread per core: the most any
///    ingest could do, which the store's share is read against;
/// 3. runs the built app's <c>ingest FOLDER</c> as its own process on a fresh database, and with --baseline also the
///    build in DIR (a copy of another commit's bin/Release/net10.0), alternating, --rounds times: the ratio of the two
///    within one run is what to compare on a busy machine. Start-up (host, migration) is timed by ingesting an empty
///    folder on a fresh database and taken off.
/// PostgreSQL: --connection, or POLICYTRACKER_TEST_POSTGRES; the database named in it (default policytracker_bench)
/// is dropped and created for every run.
/// </summary>
internal static class FolderIngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestArguments.Parse(args, "baseline", "claims", "rounds", "set");
        var provider = options.Provider;
        var baseline = options.Text("baseline");
        var claims = (int)options.Number("claims", 100_000);
        var rounds = (int)options.Number("rounds", 1);
        var settings = options.All("set").Select(s => "--" + s).ToList();
        var root = ServerBenchmark.RepositoryRoot();
        var builds = new List<(string Label, string Dll)>();
        if (baseline is not null)
        {
            builds.Add(("before", IngestProcess.Dll(root, baseline)));
        }

        builds.Add(("after", IngestProcess.Dll(root)));
        var work = Path.Combine(Path.GetTempPath(), $"policytracker-folder-ingest-{provider}".ToLowerInvariant());
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var corpus = Directory.CreateDirectory(Path.Combine(work, "corpus")).FullName;
        var empty = Directory.CreateDirectory(Path.Combine(work, "empty")).FullName;
        var database = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = options.ConnectionString(work),
        };

        Console.WriteLine($"date:     {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine:  {Environment.ProcessorCount} cores, {CpuModel()}");
        Console.WriteLine($"load:     {Load()}");
        Console.WriteLine($"database: {provider}");
        var documents = ServerBenchmark.Articles(root, claims);
        foreach (var document in documents)
        {
            await File.WriteAllBytesAsync(Path.Combine(corpus, document.FileName), document.Bytes);
        }

        var megabytes = documents.Sum(d => (double)d.Bytes.Length) / 1_000_000;
        ServerBenchmark.ExtractAlone(documents, 1, 200);
        var extractAlone = ServerBenchmark.ExtractAlone(documents, Environment.ProcessorCount, documents.Count);
        Console.WriteLine();
        Console.WriteLine("| build | round | load at start | wall s | start-up s | ingest s | documents/s | MB/s | CPU ms per document | peak MB | ingest ÷ extraction alone |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rates = new Dictionary<string, List<double>>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (label, dll) in builds)
            {
                await ServerBenchmark.ResetAsync(database);
                var startUp = await IngestProcess.RunAsync(dll, work, provider, database.ConnectionString, [empty], settings);
                await ServerBenchmark.ResetAsync(database);
                var load = Load();
                var run = await IngestProcess.RunAsync(dll, work, provider, database.ConnectionString, [corpus], settings);
                var added = run.Output.Split('\n').Count(l => l.StartsWith("added ", StringComparison.Ordinal));
                if (added != documents.Count)
                {
                    Console.WriteLine($"  {label}: {added} of {documents.Count} added; {run.Output[..Math.Min(run.Output.Length, 2000)]}");
                }

                var seconds = run.Seconds - startUp.Seconds;
                var rate = documents.Count / seconds;
                (rates.TryGetValue(label, out var list) ? list : rates[label] = []).Add(rate);
                Console.WriteLine(Invariant(
                    $"| {label} | {round} | {load} | {run.Seconds:F1} | {startUp.Seconds:F1} | {seconds:F1} | **{rate:F0}** | {megabytes / seconds:F2} | {(run.CpuSeconds - startUp.CpuSeconds) * 1000 / documents.Count:F1} | {run.PeakMegabytes:N0} | {seconds / extractAlone:F2} |"));
                if (Summary(run.LogLines) is { } summary)
                {
                    Console.WriteLine($"  {summary}");
                }

                if (provider == DatabaseProvider.Sqlite)
                {
                    SqliteConnection.ClearAllPools();
                }
            }
        }

        if (rates.TryGetValue("before", out var before))
        {
            var after = rates["after"];
            Console.WriteLine();
            Console.WriteLine(Invariant(
                $"after ÷ before, documents/s, per round: {string.Join(", ", after.Zip(before, (a, b) => (a / b).ToString("F2", CultureInfo.InvariantCulture)))}"));
        }

        return 0;
    }

    /// <summary>The run's summary from the ingest's log (its message with the values filled in), if the build writes one.</summary>
    private static string? Summary(IReadOnlyList<string> lines)
    {
        var line = lines.LastOrDefault(l => l.Contains("Ingest run", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(line);
        var text = json.RootElement.GetProperty("@mt").GetString()!;
        foreach (var property in json.RootElement.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.Number
                ? property.Value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture)
                : property.Value.ToString();
            text = System.Text.RegularExpressions.Regex.Replace(text, "\\{" + property.Name + "(:[^}]*)?\\}", value.Replace("$", "$$", StringComparison.Ordinal));
        }

        return text;
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? "unknown CPU";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
