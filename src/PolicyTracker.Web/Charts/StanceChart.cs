using Microsoft.AspNetCore.Html;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Web.Charts;

/// <summary>
/// For each training topic, how many providers take each stance: one bar per topic, split by the value the matrix
/// shows for each provider, each part labelled with its value and count.
/// </summary>
public sealed class StanceChart
{
    private const double Width = 860;
    private const double Left = 250;
    private const double BarEnd = 840;
    private const double Top = 30;
    private const double RowHeight = 34;
    private const int Palette = 4;

    private StanceChart(IReadOnlyList<StanceBar> bars, int providers)
    {
        Bars = bars;
        Providers = providers;
    }

    /// <summary>One bar per training topic that some provider states, in matrix order.</summary>
    public IReadOnlyList<StanceBar> Bars { get; }

    /// <summary>How many providers the matrix shows: the full length of a bar.</summary>
    public int Providers { get; }

    /// <summary>
    /// The bars of the training rows whose topic takes one of a few stances (opt-in or out, yes or no, past or future
    /// only, by <paramref name="catalog"/>); a date such as when the choice was introduced is not a stance.
    /// </summary>
    public static StanceChart From(ProviderMatrix matrix, TopicCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(catalog);
        var bars = matrix.Rows
            .Where(r => r.Family == "training" && catalog.KindOf(r.Topic) is null or ValueKind.Stance or ValueKind.YesNo or ValueKind.Timing)
            .Select(r => new StanceBar(
                r.Topic,
                [.. r.Cells
                    .Where(c => c.Shown is not null)
                    .GroupBy(c => c.Shown!.Value, StringComparer.Ordinal)
                    .Select(g => new StanceSegment(g.Key, [.. g.Select(c => new StanceProvider(c.Subject, c.Agreeing, c.ShownIsOfficial))]))
                    .OrderByDescending(s => s.Providers.Count).ThenBy(s => s.Value, StringComparer.Ordinal)]))
            .Where(b => b.Segments.Count > 0)
            .ToList();
        return new StanceChart(bars, matrix.Subjects.Count);
    }

    public HtmlString Render()
    {
        var height = Top + Math.Max(Bars.Count, 1) * RowHeight + 10;
        var svg = new Svg(
            "stance-chart", Width, height,
            "How many providers take each stance, per training topic",
            $"{Bars.Count} training topics; each bar is split by the value the providers state, out of {Providers} providers. The table after the chart gives every provider.",
            "chart chart-stance");
        svg.Element("text", $"Providers (of {Providers})", ("x", Left), ("y", 14.0), ("class", "axis-title"));
        var unit = (BarEnd - Left) / Math.Max(Providers, 1);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var y = Top + i * RowHeight;
            svg.Element("text", bar.Topic, ("x", Left - 8), ("y", y + 17), ("class", "row-label"), ("text-anchor", "end"));
            var x = Left;
            for (var s = 0; s < bar.Segments.Count; s++)
            {
                var segment = bar.Segments[s];
                var width = segment.Providers.Count * unit;
                svg.Open("g", ("class", $"segment segment-{s % Palette}"));
                svg.Element("title", segment.Describe());
                svg.Empty("rect", ("x", x), ("y", y), ("width", width), ("height", RowHeight - 10));
                svg.Element("text", $"{segment.Value}: {segment.Providers.Count}", ("x", x + 6), ("y", y + 17), ("class", "segment-label"));
                svg.Close();
                x += width;
            }
        }

        return svg.ToHtml();
    }
}

/// <summary>One training topic's providers, split by stance.</summary>
public sealed record StanceBar(string Topic, IReadOnlyList<StanceSegment> Segments);

/// <summary>The providers that state one value on a training topic.</summary>
public sealed record StanceSegment(string Value, IReadOnlyList<StanceProvider> Providers)
{
    public string Describe() =>
        $"{Value}: {Providers.Count} {(Providers.Count == 1 ? "provider" : "providers")} ({string.Join(", ", Providers.Select(p => p.Describe()))})";
}

/// <summary>A provider taking a stance, with how many sources back it.</summary>
public sealed record StanceProvider(string Subject, int Sources, bool Official)
{
    public string Describe() => $"{Subject} ({Sources} {(Sources == 1 ? "source" : "sources")}{(Official ? ", official" : "")})";
}
