namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand, so a schedule is driven without waiting. Only the time of day is replaced:
/// timers and time-outs still run on the system's clock, so a fetch's time limit is real.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
