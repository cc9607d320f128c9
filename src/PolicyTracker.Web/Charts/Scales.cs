namespace PolicyTracker.Web.Charts;

/// <summary>
/// Maps values in [<see cref="Min"/>, <see cref="Max"/>] onto a logarithmic axis from <see cref="From"/> to
/// <see cref="To"/> (pixels): equal ratios take equal distances, so 3 days to 30 days is as long as 30 to 300.
/// </summary>
public sealed record LogScale(double Min, double Max, double From, double To)
{
    /// <summary>Where <paramref name="value"/> falls; values outside the domain are held at its ends.</summary>
    public double Map(double value)
    {
        if (Min <= 0 || Max <= Min)
        {
            throw new InvalidOperationException("A logarithmic scale needs 0 < Min < Max.");
        }

        var clamped = Math.Clamp(value, Min, Max);
        return From + (To - From) * (Math.Log(clamped) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min));
    }

    /// <summary>True when <paramref name="value"/> lies outside the domain and is drawn at an end.</summary>
    public bool Clamps(double value) => value < Min || value > Max;
}

/// <summary>Maps moments between <see cref="Start"/> and <see cref="End"/> onto a straight axis from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record TimeScale(DateTimeOffset Start, DateTimeOffset End, double From, double To)
{
    public double Map(DateTimeOffset at)
    {
        var span = (End - Start).TotalSeconds;
        return span <= 0 ? (From + To) / 2 : From + (To - From) * (at - Start).TotalSeconds / span;
    }

    /// <summary>The first day of every <paramref name="months"/>-th month inside the axis: where ticks go.</summary>
    public IEnumerable<DateTimeOffset> MonthTicks(int months)
    {
        var tick = new DateTimeOffset(Start.Year, Start.Month, 1, 0, 0, 0, TimeSpan.Zero);
        if (tick < Start)
        {
            tick = tick.AddMonths(1);
        }

        for (; tick <= End; tick = tick.AddMonths(months))
        {
            yield return tick;
        }
    }
}
