using Microsoft.AspNetCore.Html;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Web.Charts;

/// <summary>
/// Retention periods per provider and topic on one logarithmic axis from 72 hours to 5 years: one row per provider
/// and retention topic that states a value, at the value the matrix shows. Values that are not periods
/// (<c>account-lifetime</c>, <c>indefinite</c>) sit in a lane of their own, named.
/// </summary>
public sealed class RetentionChart
{
    public const double AxisMinHours = 72;
    public const double AxisMaxHours = 5 * 365 * RetentionPeriod.HoursPerDay;

    private const double Width = 860;
    private const double Left = 250;
    private const double AxisEnd = 690;
    private const double LaneMark = 735;
    private const double Top = 34;
    private const double RowHeight = 24;

    /// <summary>Where the ticks go, in hours, with their labels.</summary>
    public static IReadOnlyList<(double Hours, string Label)> Ticks { get; } =
    [
        (72, "72 h"), (7 * 24, "1 wk"), (30 * 24, "30 d"), (90 * 24, "90 d"), (365 * 24, "1 yr"), (AxisMaxHours, "5 yr"),
    ];

    public static LogScale Scale { get; } = new(AxisMinHours, AxisMaxHours, Left, AxisEnd);

    private RetentionChart(IReadOnlyList<RetentionPoint> points) => Points = points;

    /// <summary>One point per provider and retention topic that states a value, by topic (matrix order) then provider.</summary>
    public IReadOnlyList<RetentionPoint> Points { get; }

    /// <summary>
    /// The points of the retention rows whose topic takes a duration (<paramref name="catalog"/>), so a yes/no topic
    /// of the family, such as whether zero retention is offered, is not drawn as a period.
    /// </summary>
    public static RetentionChart From(ProviderMatrix matrix, TopicCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(catalog);
        return new RetentionChart(
        [
            .. matrix.Rows
                .Where(r => r.Family == "retention" && catalog.KindOf(r.Topic) is null or ValueKind.Duration)
                .SelectMany(r => r.Cells)
                .Where(c => c.Shown is not null)
                .Select(c => RetentionPoint.Of(c, c.Shown!))
                .Where(p => p is not null)
                .Select(p => p!),
        ]);
    }

    public HtmlString Render()
    {
        var height = Top + Math.Max(Points.Count, 1) * RowHeight + 30;
        var svg = new Svg(
            "retention-chart", Width, height,
            "Retention periods per provider and topic",
            $"{Points.Count} values on a logarithmic axis from 72 hours to 5 years; values that are not periods are named on the right. The table after the chart gives every value.",
            "chart chart-retention");

        svg.Element("text", "Period (log scale)", ("x", Left), ("y", 14.0), ("class", "axis-title"));
        svg.Element("text", "not a period", ("x", LaneMark - 8), ("y", 14.0), ("class", "axis-title"));
        var bottom = Top + Points.Count * RowHeight;
        foreach (var (hours, label) in Ticks)
        {
            var x = Scale.Map(hours);
            svg.Empty("line", ("x1", x), ("x2", x), ("y1", Top - 6), ("y2", bottom), ("class", "grid"));
            svg.Element("text", label, ("x", x), ("y", bottom + 16), ("class", "tick"), ("text-anchor", "middle"));
        }

        svg.Empty("line", ("x1", AxisEnd + 30), ("x2", AxisEnd + 30), ("y1", Top - 6), ("y2", bottom), ("class", "lane-edge"));
        for (var i = 0; i < Points.Count; i++)
        {
            var point = Points[i];
            var y = Top + i * RowHeight + RowHeight / 2;
            svg.Element("text", $"{point.Subject} · {point.Topic["retention.".Length..]}", ("x", Left - 8), ("y", y + 4), ("class", "row-label"), ("text-anchor", "end"));
            svg.Empty("line", ("x1", Left), ("x2", AxisEnd), ("y1", y), ("y2", y), ("class", "row-rule"));
            var x = point.Hours is { } hours ? Scale.Map(hours) : LaneMark;
            svg.Open("g", ("class", point.CssClass));
            svg.Element("title", point.Describe());
            if (point.Official)
            {
                // The policy's own word is a square, anyone else's a circle: told by shape, not colour alone.
                svg.Empty("rect", ("x", x - 5), ("y", y - 5), ("width", 10.0), ("height", 10.0));
            }
            else
            {
                svg.Empty("circle", ("cx", x), ("cy", y), ("r", 5.0));
            }

            // Labels sit beside their mark, left of it near the axis's end so they stay off the lane.
            var anchor = point.Hours is not null && x > AxisEnd - 80 ? "end" : "start";
            svg.Element("text", point.Label, ("x", anchor == "end" ? x - 9 : x + 9), ("y", y + 4), ("class", "point-label"), ("text-anchor", anchor));
            svg.Close();
        }

        return svg.ToHtml();
    }
}

/// <summary>One provider's value on one retention topic, placed on the axis when it is a period.</summary>
/// <param name="Hours">The period in hours, or null when the value is not a period.</param>
public sealed record RetentionPoint(string Subject, string Topic, string Value, double? Hours, bool Official, bool Disputed, int Agreeing, int Sources)
{
    /// <summary>The value as words ("30 days"), or the value itself when it is not a period.</summary>
    public string Words => Hours is { } hours ? RetentionPeriod.Words(hours) : Value;

    /// <summary>Drawn at an end of the axis because it lies outside 72 hours to 5 years.</summary>
    public bool OutsideAxis => Hours is { } hours && RetentionChart.Scale.Clamps(hours);

    /// <summary>The label beside the mark: the words, "≠" when disputed, an arrow when held at an end of the axis.</summary>
    public string Label =>
        (OutsideAxis ? (Hours < RetentionChart.AxisMinHours ? "◂ " : "▸ ") : "") + Words + (Disputed ? " ≠" : "");

    public string CssClass => "point" + (Official ? " point-official" : "") + (Disputed ? " point-disputed" : "");

    public string Describe() =>
        $"{Subject}, {Topic}: {Value} ({Words}){(Official ? ", the provider's own policy" : "")}{(Disputed ? ", disputed" : "")}, {Agreeing} of {Sources} sources";

    internal static RetentionPoint? Of(MatrixCell cell, MatrixValue shown) =>
        new(cell.Subject, cell.Topic, shown.Value, RetentionPeriod.TryHours(shown.Value, out var hours) ? hours : null,
            cell.ShownIsOfficial, cell.Disputed, cell.Agreeing, cell.SourceCount);
}
