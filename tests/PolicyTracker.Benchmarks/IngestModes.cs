using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Benchmarks;

/// <summary>How the server benchmark ingests its articles (<c>--ingest</c>).</summary>
internal enum IngestMode
{
    /// <summary>As the <c>ingest</c> command does: readers on every core, one writer storing batches (<see cref="IngestPipeline"/>).</summary>
    Batched,

    /// <summary>As before batches: each worker reads, extracts and stores one document per transaction.</summary>
    OneByOne,

    /// <summary>Store alone, one-by-one and batched, each from an empty database, --rounds times: the ratios within one run.</summary>
    Compare,
}

/// <summary>The ingest phase of the server benchmark, in each of its modes, through the app's own services.</summary>
internal static class IngestModes
{
    /// <summary>Ingests every document in <paramref name="mode"/> into the (empty) database; returns documents per second.</summary>
    public static async Task<double> RunAsync(WebApplication app, IngestMode mode, IReadOnlyList<GeneratedDocument> documents, int workers)
    {
        var megabytes = documents.Sum(d => (double)d.Bytes.Length) / 1_000_000;
        var claims = 0;
        var refused = new ConcurrentBag<string>();
        void Count(IngestOutcome outcome)
        {
            if (outcome is IngestOutcome.Added added)
            {
                Interlocked.Add(ref claims, added.ClaimCount);
            }
            else
            {
                refused.Add(outcome.Line);
            }
        }

        var serverCpu = await ServerCpuAsync(app);
        var serverBefore = serverCpu();
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        if (mode == IngestMode.OneByOne)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                // One scope per worker, as one process per worker would have: its own context and connection.
                await using var scope = app.Services.CreateAsyncScope();
                var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
                int i;
                while ((i = Interlocked.Increment(ref next)) < documents.Count)
                {
                    Count(await ingestor.IngestAsync(documents[i].FileName, documents[i].Bytes, CancellationToken.None));
                }
            })));
        }
        else
        {
            await using var scope = app.Services.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<IngestPipeline>();
            var entries = documents.Select(d => new IngestFile(d.FileName, d.Bytes.Length, _ => Task.FromResult(new FileBytes(d.Bytes, null))));
            await foreach (var report in pipeline.RunAsync(entries, IngestAs.FileName, CancellationToken.None))
            {
                Count(report.Outcome ?? new IngestOutcome.Rejected(report.Entry.Shown, report.Line));
            }
        }

        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var serverSeconds = serverCpu() - serverBefore;
        var label = mode == IngestMode.OneByOne ? $"one by one, {workers} workers" : $"batched, {workers} readers and one writer";
        Console.WriteLine(Invariant(
            $"Ingest ({label}): {documents.Count:N0} documents, {claims:N0} claims in {seconds:F1} s = {documents.Count / seconds:F0} documents/s, {megabytes / seconds:F2} MB/s, {claims / seconds:N0} claims/s; CPU {cpuSeconds * 1000 / documents.Count:F1} ms per document{(serverSeconds > 0 ? $" + {serverSeconds * 1000 / documents.Count:F1} ms in the database server" : "")}"));
        foreach (var line in refused.Take(5))
        {
            Console.WriteLine($"  not added: {line}");
        }

        return documents.Count / seconds;
    }

    /// <summary>
    /// The store's share, told apart by running the two stages one after the other: a chunk of documents is read and
    /// extracted on <paramref name="workers"/> threads (through the app's own PrepareAsync), then stored by one
    /// writer in batches, and so on. Returns the store's CPU time as a share of reading and extraction's.
    /// </summary>
    public static async Task<double> StoreAloneAsync(WebApplication app, IReadOnlyList<GeneratedDocument> documents, int workers)
    {
        var settings = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        var readers = Enumerable.Range(0, workers).Select(_ => app.Services.CreateAsyncScope()).ToList();
        var run = new IngestRun(IngestAs.FileName);
        await using var connection = await writer.OpenForRunAsync(CancellationToken.None);
        var serverCpu = await ServerCpuAsync(app);
        var serverSeconds = 0.0;
        TimeSpan extractWall = default, extractCpu = default, storeWall = default, storeCpu = default;
        try
        {
            foreach (var chunk in documents.Chunk(settings.BatchFiles * 8))
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var prepared = new PreparedFile[chunk.Length];
                var next = -1;
                await Task.WhenAll(readers.Select(reader => Task.Run(async () =>
                {
                    var ingestor = reader.ServiceProvider.GetRequiredService<SourceIngestor>();
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < chunk.Length)
                    {
                        prepared[i] = await ingestor.PrepareAsync(chunk[i].FileName, chunk[i].FileName, chunk[i].Bytes, IngestAs.FileName, CancellationToken.None);
                    }
                })));
                extractWall += watch.Elapsed;
                extractCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;

                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var server = serverCpu();
                watch.Restart();
                foreach (var batch in prepared.Chunk(settings.BatchFiles))
                {
                    await writer.StoreAsync(batch, run, CancellationToken.None);
                }

                storeWall += watch.Elapsed;
                storeCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
                serverSeconds += serverCpu() - server;
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }

        var n = documents.Count;
        var share = (storeCpu.TotalSeconds + serverSeconds) / extractCpu.TotalSeconds;
        Console.WriteLine(Invariant(
            $"Stages apart: read + extract {n / extractWall.TotalSeconds:F0} documents/s on {workers} threads, CPU {extractCpu.TotalMilliseconds / n:F2} ms per document; store {n / storeWall.TotalSeconds:F0} documents/s on one thread in batches of {settings.BatchFiles}, CPU {storeCpu.TotalMilliseconds / n:F2} ms per document{(serverSeconds > 0 ? $" + {serverSeconds * 1000 / n:F2} ms in the database server" : "")} ({storeWall.TotalMilliseconds / n:F2} ms wall): the store's CPU is {share:P0} of extraction's"));
        return share;
    }

    /// <summary>
    /// The CPU seconds the database server has used so far: on PostgreSQL, its postmaster and every process it started,
    /// those that ended too (counted in the postmaster's children's time); nothing for SQLite, which runs in this process.
    /// </summary>
    public static async Task<Func<double>> ServerCpuAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
        if (DatabaseProviders.ProviderOf(db) != DatabaseProvider.Postgres)
        {
            return () => 0;
        }

        var backend = await db.Database.SqlQueryRaw<int>("""SELECT pg_backend_pid() AS "Value" """).SingleAsync();
        var postmaster = int.Parse(Stat(backend)[1], CultureInfo.InvariantCulture);
        return () =>
        {
            var seconds = 0.0;
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                try
                {
                    var stat = Stat(pid);
                    var own = pid == postmaster;
                    if (own || int.Parse(stat[1], CultureInfo.InvariantCulture) == postmaster)
                    {
                        // utime and stime; for the postmaster also cutime and cstime, its ended children's.
                        seconds += Enumerable.Range(11, own ? 4 : 2).Sum(i => long.Parse(stat[i], CultureInfo.InvariantCulture)) / 100.0;
                    }
                }
                catch (IOException)
                {
                    // The process ended while it was being read.
                }
            }

            return seconds;
        };
    }

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] parent, [11] utime, [12] stime, ...</summary>
    private static string[] Stat(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>Empties the database between modes, and migrates it again.</summary>
    public static async Task ResetAsync(WebApplication app, DatabaseOptions database)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        await ServerBenchmark.ResetAsync(database);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
