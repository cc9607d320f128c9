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
        return new ChangeTimeline(
        [
            .. matrix.Changes
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
            foreach (var change in row.Changes)
            {
                var x = scale.Map(change.ToObserved);
                svg.Open("g", ("class", $"change change-{change.Kind.ToString().ToLowerInvariant()}"));
                svg.Element("title", Describe(change));

                // Kind by shape too: a diamond for a changed value, a triangle up for added, down for removed.
                var points = change.Kind switch
                {
                    ChangeKind.Added => $"{Svg.Number(x)},{Svg.Number(y - 7)} {Svg.Number(x + 7)},{Svg.Number(y + 5)} {Svg.Number(x - 7)},{Svg.Number(y + 5)}",
                    ChangeKind.Removed => $"{Svg.Number(x)},{Svg.Number(y + 7)} {Svg.Number(x + 7)},{Svg.Number(y - 5)} {Svg.Number(x - 7)},{Svg.Number(y - 5)}",
                    _ => $"{Svg.Number(x)},{Svg.Number(y - 7)} {Svg.Number(x + 7)},{Svg.Number(y)} {Svg.Number(x)},{Svg.Number(y + 7)} {Svg.Number(x - 7)},{Svg.Number(y)}",
                };
                svg.Empty("polygon", ("points", points));
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
public sealed record TimelineRow(string Subject, IReadOnlyList<ClaimChange> Changes);
