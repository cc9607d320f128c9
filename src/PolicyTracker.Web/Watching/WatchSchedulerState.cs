namespace PolicyTracker.Web.Watching;

/// <summary>
/// How this instance's <see cref="WatchScheduler"/> is doing, for the readiness check: whether it runs here, when its
/// last pass ended and whether that pass failed.
/// </summary>
public sealed class WatchSchedulerState
{
    private readonly Lock gate = new();
    private Snapshot current = new(Enabled: true, LastPassAt: null, LastError: null);

    public Snapshot Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    public void Disabled()
    {
        lock (gate)
        {
            current = current with { Enabled = false };
        }
    }

    public void PassSucceeded(DateTimeOffset at)
    {
        lock (gate)
        {
            current = current with { LastPassAt = at, LastError = null };
        }
    }

    public void PassFailed(DateTimeOffset at, string error)
    {
        lock (gate)
        {
            current = current with { LastPassAt = at, LastError = error };
        }
    }

    /// <summary>One moment's state; <see cref="LastError"/> is null when the last pass succeeded.</summary>
    public sealed record Snapshot(bool Enabled, DateTimeOffset? LastPassAt, string? LastError);
}
