using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Charts;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Charts;

public sealed class ProviderChartsPageTests(VersionsApp app) : IClassFixture<VersionsApp>
{
    [Fact]
    public async Task Providers_Charts_EveryMarkAndTableRowIsTheMatrixs()
    {
        // Arrange
        var matrix = await BuildAsync(MatrixQuery.All);
        var catalog = app.Factory.Services.GetRequiredService<TopicCatalog>();
        var retention = RetentionChart.From(matrix, catalog);
        var stances = StanceChart.From(matrix, catalog);
        var timeline = ChangeTimeline.From(matrix);

        // Act
        var page = await app.GetDocumentAsync("/Providers");

        // Assert: the retention marks, the stance segments and the change marks carry the matrix's values.
        Assert.NotEmpty(retention.Points);
        Assert.Equal(retention.Points.Select(p => p.Describe()), Titles(page, "#retention-chart g.point"));
        Assert.Equal(retention.Points.Count, page.QuerySelectorAll("#retention-table tbody tr").Length);
        Assert.Equal(stances.Bars.SelectMany(b => b.Segments).Select(s => s.Describe()), Titles(page, "#stance-chart g.segment"));
        var changes = timeline.Rows.SelectMany(r => r.Changes).ToList();
        Assert.Equal(matrix.Changes.Count, changes.Count);
        Assert.Equal(changes.Select(ChangeTimeline.Describe), Titles(page, "#change-timeline g.change"));
        Assert.Equal(changes.Select(ChangeTimeline.Describe), page.QuerySelectorAll("#timeline-table tbody tr td:nth-child(2)").Select(td => td.TextContent));
    }

    [Fact]
    public async Task Providers_TrainingStances_EachProviderCountedUnderItsValue()
    {
        // Act
        var page = await app.GetDocumentAsync("/Providers?family=training");

        // Assert: Anthropic's policy says opt-in; Mistral's changed to opt-out in its second version.
        var segments = page.QuerySelectorAll("#stance-chart g.segment").ToDictionary(
            g => g.QuerySelector("text")!.TextContent, g => g.QuerySelector("title")!.TextContent);
        Assert.Contains("anthropic (1 source", segments.Single(s => s.Key.StartsWith("opt-in: ", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Contains("mistral (1 source", segments.Single(s => s.Key.StartsWith("opt-out: ", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Equal(3, segments.Keys.Sum(k => int.Parse(k[(k.IndexOf(':', StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(page.QuerySelector("#retention-chart"));
    }

    [Fact]
    public async Task Providers_Charts_EachSvgIsWellFormedWithTitleDescAndNoStyle()
    {
        // Act
        var page = await app.GetDocumentAsync("/Providers");

        // Assert
        var svgs = page.QuerySelectorAll("svg.chart").ToList();
        Assert.Equal(3, svgs.Count);
        foreach (var svg in svgs)
        {
            var root = XElement.Parse(svg.OuterHtml);
            Assert.Equal("title", root.Elements().First().Name.LocalName);
            Assert.Equal("desc", root.Elements().Skip(1).First().Name.LocalName);
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        }
    }

    [Fact]
    public async Task Providers_SortByName_ColumnsByNameClaimsSortMostFirst()
    {
        // Act
        var byName = await app.GetDocumentAsync("/Providers?sort=name");
        var byClaims = await app.GetDocumentAsync("/Providers");

        // Assert: OpenAI has the most claims; by name Anthropic comes first.
        var matrix = await BuildAsync(MatrixQuery.All);
        Assert.Equal(matrix.Subjects.Select(s => s.Subject), Columns(byClaims));
        Assert.Equal("openai", Columns(byClaims)[0]);
        Assert.Equal(Columns(byClaims).Order(StringComparer.Ordinal), Columns(byName));
        Assert.NotEqual(Columns(byClaims), Columns(byName));
    }

    private static List<string> Columns(IParentNode page) =>
        [.. page.QuerySelectorAll(".provider-matrix thead th[data-subject]").Select(th => th.GetAttribute("data-subject")!)];

    private static IEnumerable<string> Titles(IParentNode page, string selector) =>
        page.QuerySelectorAll(selector).Select(g => g.QuerySelector("title")!.TextContent);

    private async Task<ProviderMatrix> BuildAsync(MatrixQuery query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProviderMatrixQueries>().BuildAsync(query, ReportFilter.All, default)).Matrix;
    }
}
