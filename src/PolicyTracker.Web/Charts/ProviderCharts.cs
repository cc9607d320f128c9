using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Web.Charts;

/// <summary>The three charts drawn from one provider matrix, as the Providers page and the report show them.</summary>
public sealed record ProviderCharts(RetentionChart Retention, StanceChart Stances, ChangeTimeline Timeline)
{
    public static ProviderCharts From(ProviderMatrix matrix, TopicCatalog catalog) =>
        new(RetentionChart.From(matrix, catalog), StanceChart.From(matrix, catalog), ChangeTimeline.From(matrix));
}
