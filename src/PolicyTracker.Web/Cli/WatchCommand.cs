using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Cli;

/// <summary>
/// <c>watch URL [--every 1d] [--source NAME]</c> fetches an address now and then on a schedule;
/// <c>watch --list</c> shows every watched source with its state.
/// </summary>
internal sealed class WatchCommand : ICommand
{
    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "--every", "--source" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "--list" };

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args) =>
        args.Has("--list") ? (args.Positional.Count > 0 || args.Has("--every") || args.Has("--source") ? "--list takes nothing else" : null)
        : args.Positional.Count != 1 ? "name one address, e.g. watch https://example.com/privacy"
        : args.Value("--every") is { } every && WatchInterval.Parse(every).Problem is { } problem ? $"--every: {problem}"
        : IngestAs.CheckSource(args.Value("--source")) is { } badName ? $"--source: {badName}"
        : null;

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (args.Has("--list"))
        {
            await ListAsync(services.GetRequiredService<PolicyDbContext>(), output, ct);
            return CommandLine.Success;
        }

        var every = args.Value("--every") is { } text ? WatchInterval.Parse(text).Interval : WatchInterval.Default;
        var result = await services.GetRequiredService<SourceWatcher>().AddAsync(args.Positional[0], every, args.Value("--source"), null, ct);
        await output.WriteLineAsync(result.Line);
        return result.Watched ? CommandLine.Success : CommandLine.Failure;
    }

    private static async Task ListAsync(PolicyDbContext db, TextWriter output, CancellationToken ct)
    {
        var watched = await db.WatchedSources.AsNoTracking().OrderBy(w => w.Name).ToListAsync(ct);
        if (watched.Count == 0)
        {
            await output.WriteLineAsync("no watched sources; add one with: watch URL");
            return;
        }

        foreach (var w in watched)
        {
            var last = w.LastFetchAt is { } at ? $"last fetch {Time(at)} {FetchStatusText.For(w.LastStatus)}" : "not fetched yet";
            var failing = w.LastError is { } reason ? $", {reason}" : "";
            await output.WriteLineAsync($"{w.Name}\t{w.Url}\tevery {WatchInterval.Format(w.Interval)}\t{last}{failing}\tnext fetch {Time(w.NextFetchAt)}");
        }
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary><c>unwatch NAME</c>: stops fetching a source; the source and its versions stay.</summary>
internal sealed class UnwatchCommand : ICommand
{
    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args) => args.Positional.Count != 1 ? "name one watched source" : null;

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var name = args.Positional[0];
        if (!await services.GetRequiredService<SourceWatcher>().RemoveAsync(name, ct))
        {
            await output.WriteLineAsync($"refused {name}: no watched source has that name (watch --list shows them)");
            return CommandLine.Failure;
        }

        await output.WriteLineAsync($"unwatched {name}: its versions stay");
        return CommandLine.Success;
    }
}

/// <summary><c>refresh [NAME]</c>: fetches one watched source, or all, now instead of when they are due.</summary>
internal sealed class RefreshCommand : ICommand
{
    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args) => args.Positional.Count > 1 ? "name at most one watched source" : null;

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var name = args.Positional.Count == 1 ? args.Positional[0] : null;
        var reports = await services.GetRequiredService<WatchRunner>().RefreshAsync(name, ct);
        if (reports.Count == 0)
        {
            await output.WriteLineAsync(name is null ? "no watched sources; add one with: watch URL" : $"refused {name}: no watched source has that name");
            return name is null ? CommandLine.Success : CommandLine.Failure;
        }

        foreach (var report in reports)
        {
            await output.WriteLineAsync(report.Line);
        }

        return reports.Any(r => r.Failed) ? CommandLine.Failure : CommandLine.Success;
    }
}
