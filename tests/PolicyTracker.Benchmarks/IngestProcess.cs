using System.Diagnostics;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Benchmarks;

/// <summary>What one run of the app's <c>ingest</c> command took, watched from outside the process.</summary>
/// <param name="Seconds">Wall time from start to exit, start-up and the migration check included.</param>
/// <param name="CpuSeconds">The process's user and system CPU time.</param>
/// <param name="PeakMegabytes">The process's peak resident memory (VmHWM, sampled every 50 ms).</param>
/// <param name="Output">What it printed, standard output then standard error.</param>
/// <param name="LogLines">The lines of its log files (compact JSON), this run's last.</param>
internal sealed record IngestRunResult(double Seconds, double CpuSeconds, long PeakMegabytes, string Output, IReadOnlyList<string> LogLines);

/// <summary>Runs the built app's <c>ingest</c> command as its own process, as a person would, and watches it.</summary>
internal static class IngestProcess
{
    /// <summary>The built app in the repository, or a copy of another build of it (a folder holding PolicyTracker.Web.dll).</summary>
    public static string Dll(string root, string? folder = null)
    {
        var dll = folder is null
            ? Path.Combine(root, "src", "PolicyTracker.Web", "bin", "Release", "net10.0", "PolicyTracker.Web.dll")
            : Path.Combine(folder, "PolicyTracker.Web.dll");
        return File.Exists(dll) ? dll : throw new ArgumentException($"{dll} is not built; run dotnet build -c Release first");
    }

    /// <summary>Ingests <paramref name="paths"/> with the app at <paramref name="dll"/>; its data folder and logs are under <paramref name="work"/>.</summary>
    public static async Task<IngestRunResult> RunAsync(
        string dll, string work, DatabaseProvider provider, string connectionString, IEnumerable<string> paths, IEnumerable<string>? settings = null)
    {
        var data = Path.Combine(work, "data");
        var seeds = Directory.CreateDirectory(Path.Combine(work, "no-seeds")).FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        foreach (var arg in new[] { dll, "ingest" }.Concat(paths).Concat(
        [
            $"--Database:Provider={provider}", $"--ConnectionStrings:Default={connectionString}",
            $"--Storage:DataDirectory={data}", $"--Seeds:Directory={seeds}",
        ]).Concat(settings ?? []))
        {
            start.ArgumentList.Add(arg);
        }

        var logs = Path.Combine(data, "logs");
        var logged = Directory.Exists(logs) ? Directory.EnumerateFiles(logs).Sum(f => File.ReadLines(f).LongCount()) : 0;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        double cpu = 0;
        while (!process.HasExited)
        {
            try
            {
                peak = Math.Max(peak, ServerBenchmark.Memory(process.Id, "VmHWM"));
                cpu = Math.Max(cpu, ServerBenchmark.CpuSeconds(process.Id));
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                // The process ended between the check and the read.
            }

            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        var text = (await output).Trim() + (await errors).Trim();
        IReadOnlyList<string> lines = Directory.Exists(logs)
            ? [.. Directory.EnumerateFiles(logs).Order(StringComparer.Ordinal).SelectMany(File.ReadLines).Skip((int)logged)]
            : [];
        return new IngestRunResult(seconds, cpu, peak, text, lines);
    }
}

/// <summary>
/// The options of a benchmark that runs the ingest command on a database: <c>--provider</c>, <c>--connection</c>, and
/// the benchmark's own, each <c>--name value</c> (a name given twice keeps both values).
/// </summary>
internal sealed class IngestArguments
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    private IngestArguments(DatabaseProvider provider, string? connection)
    {
        Provider = provider;
        Connection = connection;
    }

    public DatabaseProvider Provider { get; }

    public string? Connection { get; }

    /// <summary>Reads <paramref name="args"/>, which may hold the provider, the connection and <paramref name="names"/>.</summary>
    public static IngestArguments Parse(string[] args, params string[] names)
    {
        var provider = DatabaseProvider.Sqlite;
        string? connection = null;
        var rest = new List<(string Name, string Value)>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            switch (args[i])
            {
                case "--provider":
                    provider = Enum.Parse<DatabaseProvider>(args[i + 1], ignoreCase: true);
                    break;
                case "--connection":
                    connection = args[i + 1];
                    break;
                case var name when names.Contains(name[2..]) && name.StartsWith("--", StringComparison.Ordinal):
                    rest.Add((name[2..], args[i + 1]));
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var parsed = new IngestArguments(provider, connection);
        foreach (var (name, value) in rest)
        {
            (parsed.values.TryGetValue(name, out var list) ? list : parsed.values[name] = []).Add(value);
        }

        return parsed;
    }

    /// <summary>The connection string for the benchmark's database: a SQLite file in <paramref name="work"/>, or the PostgreSQL server's.</summary>
    public string ConnectionString(string work) => Provider == DatabaseProvider.Sqlite
        ? Connection ?? $"Data Source={Path.Combine(work, "bench.db")}"
        : ServerBenchmark.PostgresConnectionString(Connection);

    public string? Text(string name) => values.GetValueOrDefault(name)?[^1];

    public IReadOnlyList<string> All(string name) => values.GetValueOrDefault(name) ?? [];

    public double Number(string name, double fallback) =>
        Text(name) is { } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
