using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// One phase of concurrent load: a warm-up request per client, then each client's requests one after another; prints
/// a table row of throughput, the latency each client saw, the server's CPU per request and its peak resident memory
/// so far, which tells the phase that raised it.
/// </summary>
internal sealed class PageLoad(int clients, int requests, int serverPid)
{
    /// <summary>Sends one request; <paramref name="request"/> gets the client's number and its request's number.</summary>
    public async Task MeasureAsync(string label, Func<int, int, Task> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => request(c, 0)));

        var times = new ConcurrentBag<double>();
        var serverCpu = ServerBenchmark.CpuSeconds(serverPid);
        var all = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var r = 0; r < requests; r++)
            {
                var watch = Stopwatch.StartNew();
                await request(c, r);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        })));
        all.Stop();
        serverCpu = ServerBenchmark.CpuSeconds(serverPid) - serverCpu;
        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {sorted.Count / all.Elapsed.TotalSeconds:F0} | {ServerBenchmark.Percentile(sorted, 0.50):F1} | {ServerBenchmark.Percentile(sorted, 0.99):F1} | {sorted[^1]:F1} | {serverCpu * 1000 / sorted.Count:F1} | {ServerBenchmark.Memory(serverPid, "VmHWM")} |"));
    }

    /// <summary>A GET read to its last byte, failing on any status but success.</summary>
    public static async Task GetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.CopyToAsync(Stream.Null);
        response.EnsureSuccessStatusCode();
    }
}
