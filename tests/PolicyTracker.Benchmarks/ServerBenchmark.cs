using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// The app end to end on one database, at 100,000 claims:
///   server --provider Sqlite|Postgres [--connection CS] [--claims 100000] [--workers N] [--clients 32] [--requests 25] [--skip-ingest]
///          [--ingest batched|one-by-one|compare] [--rounds 1] [--ingest-only]
/// 1. generates article-sized documents (<see cref="ArticleGenerator"/>) until they hold about --claims claims, and
///    ingests them into a fresh database through the app's own ingest (<see cref="IngestModes"/>): batched as the
///    ingest command does, with --workers readers (default: one per core); or one by one on --workers workers; or
///    both, with the stages apart, --rounds times (compare);
/// 2. times the contradiction recompute (loading every claim and comparing them) five times;
/// 3. starts the built app as its own process (Kestrel on 127.0.0.1) over that database, and sends the Claims, Compare,
///    Contradictions and Providers pages, as a visitor and as a signed-in editor, from --clients concurrent clients,
///    --requests each, reporting the latency each client sees (request sent to last byte read) and the server
///    process's peak resident memory (VmHWM).
/// PostgreSQL: --connection, or POLICYTRACKER_TEST_POSTGRES (as set by scripts/postgres-test-server.sh); the
/// benchmark drops and creates the database named in it (default policytracker_bench).
/// </summary>
internal static class ServerBenchmark
{
    // "{n}" is a different number on every request, so that page is never served from the read-page cache: it shows
    // what a request costs when it has to be rendered. The Providers page has no pages, so there it is never kept
    // either (UnreadQueryNotCached).
    private static readonly string[] Pages =
        ["/Claims", "/Claims?page={n}", "/Compare?subject={subject}", "/Contradictions", "/Providers", "/Providers?page={n}"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ServerArguments.Parse(args);
        var root = RepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), $"policytracker-server-bench-{options.Provider}".ToLowerInvariant());
        Directory.CreateDirectory(work);
        var database = new DatabaseOptions { Provider = options.Provider, ConnectionString = ConnectionString(options, work) };

        Console.WriteLine($"date:     {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"cores:    {Environment.ProcessorCount}");
        Console.WriteLine($"load:     {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"database: {options.Provider}");
        Console.WriteLine();

        if (!options.SkipIngest)
        {
            await IngestAsync(root, database, options, work);
        }

        if (options.IngestOnly)
        {
            return 0;
        }

        await RecomputeAsync(database);
        await ServePagesAsync(root, database, options, work);
        return 0;
    }

    private static string ConnectionString(ServerArguments options, string work)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            return options.Connection ?? $"Data Source={Path.Combine(work, "bench.db")}";
        }

        return PostgresConnectionString(options.Connection);
    }

    /// <summary>The benchmark's PostgreSQL database: --connection, else the test server's, on a database of its own.</summary>
    public static string PostgresConnectionString(string? connection)
    {
        var server = connection ?? Environment.GetEnvironmentVariable("POLICYTRACKER_TEST_POSTGRES")
            ?? throw new ArgumentException("--provider Postgres needs --connection or POLICYTRACKER_TEST_POSTGRES");
        var builder = new NpgsqlConnectionStringBuilder(server);
        if (string.IsNullOrEmpty(builder.Database) || builder.Database == builder.Username)
        {
            builder.Database = "policytracker_bench";
        }

        return builder.ConnectionString;
    }

    /// <summary>An empty database: the SQLite file deleted, or the PostgreSQL database dropped.</summary>
    internal static async Task ResetAsync(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        await DropPostgresDatabaseAsync(database.ConnectionString);
    }

    /// <summary>Drops the database a PostgreSQL connection string names, connecting to the server's maintenance database.</summary>
    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Justification: the database name comes from the person running the benchmark.
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static async Task IngestAsync(string root, DatabaseOptions database, ServerArguments options, string work)
    {
        var documents = Articles(root, options.Claims);
        ExtractAlone(documents, 1, 200);

        await using var app = BuildHost(database, work);
        if (options.Ingest != IngestMode.Compare)
        {
            await IngestModes.ResetAsync(app, database);
            await IngestModes.RunAsync(app, options.Ingest, documents, options.Workers);
        }
        else
        {
            // Each mode from an empty database, in turn: on a busy machine only ratios within one round compare. A
            // warm-up first, so that no mode pays for compiling the code they share.
            await IngestModes.ResetAsync(app, database);
            Console.Write("Warm-up: ");
            await IngestModes.RunAsync(app, IngestMode.Batched, [.. documents.Take(300)], options.Workers);
            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.WriteLine($"Round {round}, load {File.ReadAllText("/proc/loadavg").Trim()}:");
                await IngestModes.ResetAsync(app, database);
                await IngestModes.StoreAloneAsync(app, documents, options.Workers);
                await IngestModes.ResetAsync(app, database);
                var before = await IngestModes.RunAsync(app, IngestMode.OneByOne, documents, options.Workers);
                await IngestModes.ResetAsync(app, database);
                var after = await IngestModes.RunAsync(app, IngestMode.Batched, documents, options.Workers);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  batched ÷ one by one: {after / before:F2}"));
            }
        }

        // Statistics for the query planners, as PostgreSQL's autovacuum gathers them soon after a bulk ingest on its own
        // (SQLite gathers them only when told to).
        await using (var db = DatabaseProviders.CreateContext(database))
        {
            await db.Database.ExecuteSqlRawAsync(database.Provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Generated articles (<see cref="ArticleGenerator"/>, always the same seed) enough to hold about
    /// <paramref name="claims"/> claims: the claims per document are estimated by extracting a sample first.
    /// </summary>
    public static List<GeneratedDocument> Articles(string root, int claims)
    {
        var generator = new ArticleGenerator(root, seed: 20261123);
        var sample = Enumerable.Range(0, 100).Select(i => generator.Next(-1 - i)).ToList();
        var extractor = new ClaimExtractor(TopicCatalog.Default);
        var perDocument = sample.Average(d => extractor.Extract(SourceReader.Read(d.FileName, d.Bytes, long.MaxValue)).Count);
        var count = (int)Math.Ceiling(claims / perDocument);
        var documents = Enumerable.Range(0, count).Select(i => generator.Next(i)).ToList();
        var megabytes = documents.Sum(d => (double)d.Bytes.Length) / 1_000_000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {documents.Count:N0} documents, {megabytes:F1} MB, {documents.Average(d => d.Bytes.Length) / 1000:F1} KB each on average, from {generator.PhrasingCount} gold phrasings; about {perDocument:F1} claims per document"));
        return documents;
    }

    /// <summary>
    /// Reading and extraction alone, of the first <paramref name="count"/> documents on <paramref name="threads"/>
    /// threads, to tell the database's share of the ingest time from the extractor's. Returns the seconds it took.
    /// </summary>
    public static double ExtractAlone(IReadOnlyList<GeneratedDocument> documents, int threads, int count)
    {
        var extractor = new ClaimExtractor(TopicCatalog.Default);
        var chosen = documents.Take(count).ToList();
        var alone = Stopwatch.StartNew();
        var aloneCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var extracted = 0;
        Parallel.ForEach(
            chosen,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            d => Interlocked.Add(ref extracted, extractor.Extract(SourceReader.Read(d.FileName, d.Bytes, long.MaxValue)).Count));
        alone.Stop();
        aloneCpu = Process.GetCurrentProcess().TotalProcessorTime - aloneCpu;
        var megabytes = chosen.Sum(d => (double)d.Bytes.Length) / 1_000_000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read + extract alone, {(threads == 1 ? "one thread" : $"{threads} threads")}, {(count >= documents.Count ? "every document" : $"first {chosen.Count} documents")}: {chosen.Count / alone.Elapsed.TotalSeconds:F0} documents/s, {megabytes / alone.Elapsed.TotalSeconds:F2} MB/s ({extracted:N0} claims; {megabytes / aloneCpu.TotalSeconds:F2} MB per CPU-second)"));
        return alone.Elapsed.TotalSeconds;
    }

    /// <summary>The comparison computed from scratch, as after an ingest: every claim loaded, then compared.</summary>
    private static async Task RecomputeAsync(DatabaseOptions database)
    {
        // A database kept from an earlier build (--skip-ingest) gets this build's schema first, as the app's start would.
        await using (var migrate = DatabaseProviders.CreateContext(database))
        {
            await migrate.Database.MigrateAsync();
        }

        var times = new List<(double Load, double Total)>();
        for (var run = 0; run < 6; run++)
        {
            await using var db = DatabaseProviders.CreateContext(database);
            using var cache = new ComparisonCache();
            var queries = new ContradictionQueries(db, cache);
            var watch = Stopwatch.StartNew();
            var comparison = await queries.CompareAsync(CancellationToken.None);
            var total = watch.Elapsed.TotalMilliseconds;
            var compare = Stopwatch.StartNew();
            _ = ComparisonModel.Build(comparison.Claims, []);
            if (run > 0)
            {
                times.Add((total - compare.Elapsed.TotalMilliseconds, total));
            }

            if (run == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Comparison: {comparison.Claims.Count:N0} claims, {comparison.Contradictions.Count:N0} contradictions, {comparison.Corroborations.Count:N0} corroborations"));
            }
        }

        times.Sort((a, b) => a.Total.CompareTo(b.Total));
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Contradiction recompute (median of {times.Count} after a warm-up): {median.Total:F0} ms, of which loading the claims about {median.Load:F0} ms (the rest comparing them); best {times[0].Total:F0}, worst {times[^1].Total:F0} ms"));
    }

    private static async Task ServePagesAsync(string root, DatabaseOptions database, ServerArguments options, string work)
    {
        var port = FreePort();
        var seeds = Directory.CreateDirectory(Path.Combine(work, "no-seeds")).FullName;
        var dll = Path.Combine(root, "src", "PolicyTracker.Web", "bin", "Release", "net10.0", "PolicyTracker.Web.dll");
        if (!File.Exists(dll))
        {
            throw new ArgumentException($"{dll} is not built; run dotnet build -c Release first");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        foreach (var arg in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production",
            $"--Database:Provider={database.Provider}", $"--ConnectionStrings:Default={database.ConnectionString}",
            $"--Storage:DataDirectory={Path.Combine(work, "data")}", $"--Seeds:Directory={seeds}",
            "--Serilog:MinimumLevel:Default=Warning", "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var server = Process.Start(start)!;
        var output = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            var started = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var health = await client.GetAsync("/healthz");
                    if (health.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (started.Elapsed < TimeSpan.FromMinutes(2) && !server.HasExited)
                {
                }

                await Task.Delay(100);
            }

            // The first page that reads the comparison waits for the background warm-up to finish computing it.
            var first = Stopwatch.StartNew();
            (await client.GetAsync("/Contradictions")).EnsureSuccessStatusCode();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Server up in {started.Elapsed.TotalSeconds - first.Elapsed.TotalSeconds:F1} s; first Contradictions page {first.Elapsed.TotalMilliseconds:F0} ms; resident memory {Memory(server.Id, "VmRSS")} MB"));

            string[] subjects = ["anthropic", "openai", "google", "microsoft", "meta", "mistral", "xai", "perplexity"];
            Console.WriteLine();
            Console.WriteLine($"{options.Clients} concurrent clients, {options.Requests} requests each per page after {options.Clients} warm-up requests; latency as the client sees it, loopback");
            Console.WriteLine("| Page | requests/s | p50 ms | p99 ms | max ms | server CPU ms per request | server peak MB so far |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            var load = new PageLoad(options.Clients, options.Requests, server.Id);
            foreach (var page in Pages)
            {
                var requestNumber = 0;
                string Url(int i) => page
                    .Replace("{subject}", subjects[i % subjects.Length], StringComparison.Ordinal)
                    .Replace("{n}", Interlocked.Increment(ref requestNumber).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                await load.MeasureAsync(
                    $"`{page.Replace("{subject}", "…", StringComparison.Ordinal).Replace("{n}", "N", StringComparison.Ordinal)}`",
                    (c, r) => PageLoad.GetAsync(client, Url(c + r)));
            }

            // Signed in as an editor: never served from the cache, each client with its own filter, as people work.
            await using var editor = await SignedInClient.StartAsync(client.BaseAddress!, database, work, options.Clients);
            string[] filters = ["", "?subject={s}", "?topic=training.default&sort=-value", "?subject={s}&sort=status", "?sort=source", "?subject={s}&topic=retention.deleted_chats"];
            string Filter(int c) => filters[c % filters.Length].Replace("{s}", subjects[c / filters.Length % subjects.Length], StringComparison.Ordinal);
            var pageNumber = 0;
            await load.MeasureAsync("editor `/Claims?…&page=N` (offset, varied filters)", (c, r) => PageLoad.GetAsync(
                editor.Http, $"/Claims{Filter(c)}{(Filter(c).Length == 0 ? "?" : "&")}page={Interlocked.Increment(ref pageNumber) % 200 + 2}"));
            var next = new string?[options.Clients];
            await load.MeasureAsync("editor `/Claims?…` following Next links (keyset, varied filters)", async (c, r) =>
                next[c] = await editor.FollowNextAsync(next[c] ?? $"/Claims{Filter(c)}"));
            await load.MeasureAsync("editor `/Compare?subject=…`", (c, r) => PageLoad.GetAsync(editor.Http, $"/Compare?subject={subjects[(c + r) % subjects.Length]}"));
            await load.MeasureAsync("editor `/Contradictions?subject=…`", (c, r) => PageLoad.GetAsync(editor.Http, $"/Contradictions?subject={subjects[(c + r) % subjects.Length]}"));

            // The matrix as people narrow it: families, providers, order, and source kinds (which compare only those
            // sources' claims); each client goes through the filters in turn, starting at its own.
            string[] matrixFilters =
            [
                "", "?family=training", "?sort=name", "?subject={s}&subject={t}", "?kind=OfficialPolicy",
                "?family=retention&kind=Article&kind=Guide", "?family=rights&sort=name", "?subject={s}&kind=OfficialPolicy",
            ];
            string MatrixFilter(int i) => matrixFilters[i % matrixFilters.Length]
                .Replace("{s}", subjects[i / matrixFilters.Length % subjects.Length], StringComparison.Ordinal)
                .Replace("{t}", subjects[(i / matrixFilters.Length + 1) % subjects.Length], StringComparison.Ordinal);
            await load.MeasureAsync("editor `/Providers?…` (varied filters)", (c, r) => PageLoad.GetAsync(editor.Http, $"/Providers{MatrixFilter(c + r)}"));

            // The same load on the smallest Kestrel endpoint, in this run: page throughput is read as a share of it.
            await using var hello = await HelloWorld.StartAsync(FreePort());
            await new PageLoad(options.Clients, options.Requests, Environment.ProcessId)
                .MeasureAsync("hello-world Kestrel endpoint (baseline; CPU column is the benchmark process, load generator included)", (c, r) => PageLoad.GetAsync(hello.Client, "/"));

            Console.WriteLine();
            Console.WriteLine($"Server peak resident memory (VmHWM): {Memory(server.Id, "VmHWM")} MB");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            await server.WaitForExitAsync();
            var error = await errors;
            if (error.Length > 0)
            {
                Console.WriteLine($"server stderr: {error[..Math.Min(error.Length, 2000)]}");
            }

            _ = await output;
        }
    }

    private static WebApplication BuildHost(DatabaseOptions database, string work)
    {
        var builder = AppHost.CreateBuilder(
            new WebApplicationOptions
            {
                ContentRootPath = AppHost.ContentRoot,
                Args =
                [
                    $"--Database:Provider={database.Provider}", $"--ConnectionStrings:Default={database.ConnectionString}",
                    $"--Storage:DataDirectory={Path.Combine(work, "data")}", "--Serilog:MinimumLevel:Default=Warning",
                ],
            },
            forCommand: true);
        return builder.Build();
    }

    internal static long Memory(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024;
    }

    /// <summary>User and system CPU time a process has used (utime and stime of /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    internal static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PolicyTracker.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new ArgumentException("run the benchmark from inside the repository");
    }
}

internal sealed record ServerArguments(
    DatabaseProvider Provider, string? Connection, int Claims, int Workers, int Clients, int Requests, bool SkipIngest,
    IngestMode Ingest = IngestMode.Batched, int Rounds = 1, bool IngestOnly = false)
{
    public static ServerArguments Parse(string[] args)
    {
        var result = new ServerArguments(DatabaseProvider.Sqlite, null, 100_000, Environment.ProcessorCount, 32, 25, false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--skip-ingest" or "--ingest-only")
            {
                result = args[i] == "--skip-ingest" ? result with { SkipIngest = true } : result with { IngestOnly = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            var value = args[++i];
            result = args[i - 1] switch
            {
                "--provider" => result with { Provider = Enum.Parse<DatabaseProvider>(value, ignoreCase: true) },
                "--connection" => result with { Connection = value },
                "--claims" => result with { Claims = int.Parse(value, CultureInfo.InvariantCulture) },
                "--workers" => result with { Workers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--clients" => result with { Clients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--requests" => result with { Requests = int.Parse(value, CultureInfo.InvariantCulture) },
                "--ingest" => result with { Ingest = Enum.Parse<IngestMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true) },
                "--rounds" => result with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i - 1]}"),
            };
        }

        return result;
    }
}
