using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// Generates a synthetic database and times the analyst pages on it, in process:
///   dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- pages [--sources 2000] [--claims 100000] [--requests 50] [--db PATH] [--only TEXT]
/// An existing --db file is reused as it is, so the generator runs once and the timings can be repeated.
/// </summary>
internal static class Benchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Arguments.Parse(args);
        var connectionString = await SyntheticCorpus.EnsureDatabaseAsync(options.Database, options.Sources, options.Claims);

        var seeds = Directory.CreateTempSubdirectory("policytracker-bench-seeds").FullName;
        await using var factory = new BenchmarkApp(connectionString, seeds, Path.Combine(Path.GetTempPath(), "policytracker-bench-data"));
        using var client = factory.CreateClient();

        // The first request migrates (a no-op) and fills the comparison cache: timed on its own as the cold start.
        var cold = Stopwatch.StartNew();
        (await client.GetAsync("/Contradictions")).EnsureSuccessStatusCode();
        Console.WriteLine($"First request after start (comparison computed and cached): {cold.Elapsed.TotalMilliseconds:F0} ms");

        string[] urls =
        [
            "/Claims",
            "/Claims?topic=training.default&scope=consumer&sort=-value",
            "/Claims?q=retention+deleted&subject=openai&page=3",
            "/Claims?sort=source&page=1000",
            "/Claims?source=synthetic-00042&kind=Article",
            "/Compare?subject=anthropic",
            "/Compare?subject=mistral",
            "/Contradictions",
            "/Contradictions?subject=openai&page=2",
            "/Providers",
            "/Providers?kind=OfficialPolicy&family=retention",
            "/",
            "/Sources/1000",
            "/api/claims?subject=google&pageSize=200",
            "/api/providers",
        ];

        Console.WriteLine();
        Console.WriteLine($"| Request | median ms | p95 ms | max ms |");
        Console.WriteLine($"|---|---:|---:|---:|");
        foreach (var url in urls.Where(u => options.Only is null || u.Contains(options.Only, StringComparison.Ordinal)))
        {
            for (var i = 0; i < 5; i++)
            {
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
            }

            var times = new List<double>(options.Requests);
            for (var i = 0; i < options.Requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{url}` | {Percentile(times, 0.5):F1} | {Percentile(times, 0.95):F1} | {times[^1]:F1} |"));
        }

        Directory.Delete(seeds);
        return 0;
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

internal sealed record Arguments(int Sources, int Claims, int Requests, string? Database, string? Only = null)
{
    public static Arguments Parse(string[] args)
    {
        var result = new Arguments(2_000, 100_000, 50, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result = args[i] switch
            {
                "--sources" => result with { Sources = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--claims" => result with { Claims = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--requests" => result with { Requests = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--db" => result with { Database = args[i + 1] },
                "--only" => result with { Only = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return result;
    }
}

/// <summary>The real app over the generated database, in production mode and logging only warnings.</summary>
internal sealed class BenchmarkApp(string connectionString, string seeds, string dataDirectory) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Seeds:Directory", seeds);
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");

        // One client asking for the same search hundreds of times is what the search limit stops; here it is the point.
        builder.UseSetting("RateLimits:SearchesPerClient", "1000000");
    }
}
