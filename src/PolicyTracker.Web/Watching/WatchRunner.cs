using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Watching;

/// <summary>
/// A pass over watched sources: the due ones (the scheduler's pass, and what tests call to run it now) or those
/// named (<c>refresh</c>). Each source is fetched in a scope of its own, so one failure leaves the others' work intact.
/// </summary>
public sealed class WatchRunner(IServiceScopeFactory scopes)
{
    /// <summary>Fetches every due source this instance can claim; returns what was fetched.</summary>
    public Task<IReadOnlyList<FetchReport>> RunDueAsync(CancellationToken ct) => RunAsync(null, dueOnly: true, ct);

    /// <summary>Fetches <paramref name="name"/>, or every watched source, now, whether due or not.</summary>
    public Task<IReadOnlyList<FetchReport>> RefreshAsync(string? name, CancellationToken ct) => RunAsync(name, dueOnly: false, ct);

    private async Task<IReadOnlyList<FetchReport>> RunAsync(string? name, bool dueOnly, CancellationToken ct)
    {
        IReadOnlyList<(long Id, string Name)> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            candidates = await scope.ServiceProvider.GetRequiredService<SourceWatcher>().CandidatesAsync(name, dueOnly, ct);
        }

        var reports = new List<FetchReport>();
        foreach (var (id, candidate) in candidates)
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<SourceWatcher>().FetchIfClaimedAsync(id, dueOnly, ct);
            reports.Add(report ?? new FetchReport(
                candidate, FetchStatus.Unchanged, $"skipped {candidate}: another fetch of it is under way", null, PageValidators.None));
        }

        return reports;
    }
}
