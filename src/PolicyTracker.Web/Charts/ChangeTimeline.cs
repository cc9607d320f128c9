using System.Globalization;
using Microsoft.AspNetCore.Html;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Charts;

/// <summary>The changes between versions per provider on one time axis: a row per provider, a mark per change.</summary>
public sealed class ChangeTimeline
{
    private const double Width = 860;
    private const double Left = 130;
    private const double AxisEnd = 840;
    private const double Top = 20;
    private const double RowHeight = 30;

    private ChangeTimeline(IReadOnlyList<TimelineRow> rows) => Rows = rows;

    /// <summary>One row per provider with changes, by name; each row's changes oldest first.</summary>
    public IReadOnlyList<TimelineRow> Rows { get; }

    public static ChangeTimeline From(ProviderMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return From(matrix.Changes);
    }

    public static ChangeTimeline From(IEnumerable<ClaimChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new ChangeTimeline(
        [
            .. changes
                .GroupBy(c => c.Subject, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new TimelineRow(g.Key, [.. g.OrderBy(c => c.ToObserved)])),
        ]);
    }

    public HtmlString Render()
    {
        var changes = Rows.SelectMany(r => r.Changes).ToList();
        var height = Top + Math.Max(Rows.Count, 1) * RowHeight + 34;
        var svg = new Svg(
            "change-timeline", Width, height,
            "Changes between versions per provider over time",
            $"{changes.Count} changes for {Rows.Count} providers. The table after the chart lists every change.",
            "chart chart-timeline");
        if (changes.Count == 0)
        {
            return svg.ToHtml();
        }

        // A month either side, so the first and last marks are not drawn on the edge.
        var scale = new TimeScale(changes.Min(c => c.ToObserved).AddMonths(-1), changes.Max(c => c.ToObserved).AddMonths(1), Left, AxisEnd);
        var months = (scale.End - scale.Start).TotalDays / 30;
        var step = months <= 8 ? 1 : months <= 24 ? 3 : months <= 60 ? 6 : 12;
        var bottom = Top + Rows.Count * RowHeight;
        foreach (var tick in scale.MonthTicks(step))
        {
            var x = scale.Map(tick);
            svg.Empty("line", ("x1", x), ("x2", x), ("y1", Top - 4), ("y2", bottom), ("class", "grid"));
            svg.Element("text", tick.ToString("yyyy-MM", CultureInfo.InvariantCulture), ("x", x), ("y", bottom + 16), ("class", "tick"), ("text-anchor", "middle"));
        }

        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var y = Top + i * RowHeight + RowHeight / 2;
            svg.Element("text", row.Subject, ("x", Left - 8), ("y", y + 4), ("class", "row-label"), ("text-anchor", "end"));
            svg.Empty("line", ("x1", Left), ("x2", AxisEnd), ("y1", y), ("y2", y), ("class", "row-rule"));
            foreach (var day in row.Days)
            {
                var x = scale.Map(day.Date);
                var kind = day.Kind is { } one ? one.ToString().ToLowerInvariant() : "several";
                svg.Open("g", ("class", $"change change-{kind}"));
                svg.Element("title", day.Describe());

                // Kind by shape too: a diamond for a changed value (or a day of several kinds), a triangle up for
                // added, down for removed.
                var points = day.Kind switch
                {
                    ChangeKind.Added => $"{Svg.Number(x)},{Svg.Number(y - 7)} {Svg.Number(x + 7)},{Svg.Number(y + 5)} {Svg.Number(x - 7)},{Svg.Number(y + 5)}",
                    ChangeKind.Removed => $"{Svg.Number(x)},{Svg.Number(y + 7)} {Svg.Number(x + 7)},{Svg.Number(y - 5)} {Svg.Number(x - 7)},{Svg.Number(y - 5)}",
                    _ => $"{Svg.Number(x)},{Svg.Number(y - 7)} {Svg.Number(x + 7)},{Svg.Number(y)} {Svg.Number(x)},{Svg.Number(y + 7)} {Svg.Number(x - 7)},{Svg.Number(y)}",
                };
                svg.Empty("polygon", ("points", points));

                // Changes on one day share a mark, which says how many it stands for rather than hiding them under each other.
                if (day.Changes.Count > 1)
                {
                    svg.Element("text", day.Changes.Count.ToString(CultureInfo.InvariantCulture), ("x", x + 9), ("y", y - 6), ("class", "mark-count"));
                }

                svg.Close();
            }
        }

        return svg.ToHtml();
    }

    /// <summary>A change in one line, in the words every list of changes uses (<see cref="ChangeWords"/>).</summary>
    public static string Describe(ClaimChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{ChangeWords.Date(change.ToObserved)}: {ChangeWords.Title(change.Subject, change.Topic, change.From?.Value, change.To?.Value)} ({change.Scope}, {ChangeWords.Kind(change.Kind)} in {change.Source})";
    }
}

/// <summary>One provider's changes, oldest first.</summary>
public sealed record TimelineRow(string Subject, IReadOnlyList<ClaimChange> Changes)
{
    /// <summary>The changes by the day they were observed (UTC), oldest first: one mark each.</summary>
    public IReadOnlyList<TimelineDay> Days { get; } =
    [
        .. Changes
            .GroupBy(c => DateOnly.FromDateTime(c.ToObserved.UtcDateTime))
            .Select(g => new TimelineDay(g.Key, [.. g])),
    ];
}

/// <summary>The changes of one provider observed on one day.</summary>
public sealed record TimelineDay(DateOnly Day, IReadOnlyList<ClaimChange> Changes)
{
    /// <summary>Where the day's mark stands: its first change's time.</summary>
    public DateTimeOffset Date => Changes[0].ToObserved;

    /// <summary>The kind all the day's changes share; null when they differ.</summary>
    public ChangeKind? Kind => Changes.All(c => c.Kind == Changes[0].Kind) ? Changes[0].Kind : null;

    /// <summary>Each change in one line, as the table after the chart lists them.</summary>
    public string Describe() => string.Join('\n', Changes.Select(ChangeTimeline.Describe));
}
