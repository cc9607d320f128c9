using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Operations;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Tests.Operations;

/// <summary>The app's meter records what operators watch: ingests, failed fetches, page latency and the page cache.</summary>
public sealed class MetricsTests : IDisposable
{
    private const string Policy = "# Acme policy\n\nAcme does not use your conversations to train its models unless you opt in.\n";

    private readonly MetricsApp app = new();
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public MetricsTests()
    {
        // Only this app's meter: other test classes run apps of their own, each with a meter of the same name.
        var meter = app.Factory.Services.GetRequiredService<AppMetrics>().Meter;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    [Fact]
    public async Task Ingest_AddedThenSameBytes_CountsEachOutcomeWithItsDuration()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(Policy);

        // Act
        await IngestAsync("acme-policy.md", bytes);
        await IngestAsync("acme-policy.md", bytes);

        // Assert
        var counted = Named("policytracker.ingest.documents");
        Assert.Equal(["added", "unchanged"], counted.Select(m => m.Tag("outcome")));
        var durations = Named("policytracker.ingest.duration");
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.True(d.Value > 0));
    }

    [Fact]
    public async Task Pages_VisitorTwiceThenEditor_RecordsAMissAHitAndEveryAnswersLatency()
    {
        // Arrange
        await IngestAsync("acme-policy.md", Encoding.UTF8.GetBytes(Policy));
        using var visitor = app.Anonymous();
        using var editor = await app.SignInAsync(Roles.Editor);
        measurements.Clear();

        // Act
        await visitor.Http.GetAsync("/Claims?topic=training.default");
        await visitor.Http.GetAsync("/Claims?topic=training.default");
        await editor.Http.GetAsync("/Claims?topic=training.default");

        // Assert
        Assert.Single(Named("policytracker.page_cache.misses"), m => m.Tag("page") == "/Claims/Index");
        Assert.Single(Named("policytracker.page_cache.hits"), m => m.Tag("page") == "/Claims/Index");
        var latencies = Named("policytracker.page.duration").Where(m => m.Tag("page") == "/Claims/Index").ToList();
        Assert.Equal(["False", "False", "True"], latencies.Select(m => m.Tag("signed_in")));
    }

    [Fact]
    public async Task Fetch_RefusedAddress_CountsAFailure()
    {
        // Arrange
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var watcher = scope.ServiceProvider.GetRequiredService<SourceWatcher>();

        // Act: a loopback address is refused by the guard, as an internal address always is.
        var result = await watcher.AddAsync("http://127.0.0.1:9/privacy", TimeSpan.FromDays(1), null, null, default);

        // Assert
        Assert.False(result.Watched);
        Assert.Single(Named("policytracker.fetch.failures"));
    }

    public void Dispose()
    {
        listener.Dispose();
        app.Dispose();
    }

    private async Task IngestAsync(string name, byte[] bytes)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SourceIngestor>().IngestAsync(name, bytes, default);
    }

    private List<Measurement> Named(string name) => [.. measurements.Where(m => m.Instrument == name)];

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray()));

    private sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value?.ToString();
    }

    /// <summary>No retries, so a refused fetch fails at once.</summary>
    private sealed class MetricsApp : TestApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Fetch:Retries", "0")];
    }
}
