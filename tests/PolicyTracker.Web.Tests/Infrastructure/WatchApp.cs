using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// The app with a page server on 127.0.0.1 that is allow-listed, a second one on 127.0.0.2 that is not (the
/// forbidden target: it counts whatever reaches it), a clock the tests move and the scheduler's timer off, so
/// passes run when a test calls <see cref="RunDueAsync"/>.
/// </summary>
public sealed class WatchApp : TestApp, IAsyncLifetime
{
    /// <summary>The size limit here, small enough to exceed cheaply.</summary>
    public const int MaxFileBytes = 100_000;

    public const double TimeoutSeconds = 3;

    public ManualClock Clock { get; } = new();

    public PageServer Pages { get; private set; } = null!;

    public PageServer Forbidden { get; private set; } = null!;

    private static readonly KeyValuePair<string, string>[] FetchSettings =
    [
        new("Fetch:AllowedHosts:0", "127.0.0.1"),
        new("Fetch:SchedulerEnabled", "false"),
        new("Fetch:Retries", "0"),
        new("Fetch:TimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Ingest:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    protected override IEnumerable<KeyValuePair<string, string>> Settings => FetchSettings;

    public override IEnumerable<string> HostArgs => [.. base.HostArgs, .. FetchSettings.Select(s => $"--{s.Key}={s.Value}")];

    public async Task InitializeAsync()
    {
        Pages = await PageServer.StartAsync("127.0.0.1");
        Forbidden = await PageServer.StartAsync("127.0.0.2");
    }

    public async Task DisposeAsync()
    {
        await Pages.DisposeAsync();
        await Forbidden.DisposeAsync();
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

    /// <summary>Adds a watched source the way the page and the command do, on this app's clock.</summary>
    public async Task<WatchResult> WatchAsync(string url, string name, TimeSpan? every = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SourceWatcher>().AddAsync(url, every ?? WatchInterval.Default, name, null, default);
    }

    /// <summary>One scheduler pass, now.</summary>
    public Task<IReadOnlyList<FetchReport>> RunDueAsync() => Factory.Services.GetRequiredService<WatchRunner>().RunDueAsync(default);
}
