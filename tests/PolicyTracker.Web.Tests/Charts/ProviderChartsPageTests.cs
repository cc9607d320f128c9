using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Versions;
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
        Assert.Equal(timeline.Rows.SelectMany(r => r.Days).Select(d => d.Describe()), Titles(page, "#change-timeline g.change"));
        Assert.Equal(changes.Select(ChangeTimeline.Describe), page.QuerySelectorAll("#timeline-table tbody tr td:nth-child(2)").Select(td => td.TextContent));
    }

    [Fact]
    public void Timeline_ChangesOnOneDay_ShareOneMarkThatCountsThem()
    {
        // Arrange: three changes to one provider's policy observed on one day, and one a month later.
        var day = new DateTimeOffset(2025, 6, 14, 9, 0, 0, TimeSpan.Zero);
        ClaimChange Change(string topic, DateTimeOffset at, bool added) => new(
            "acme-policy", "acme", topic, "consumer",
            added ? null : new ChangeSide(1, at.AddDays(-30), "no", "old", 0, 3), new ChangeSide(2, at, "yes", "new", 0, 3), 2, at);
        var timeline = ChangeTimeline.From([
            Change("rights.export", day, added: true), Change("rights.deletion", day.AddHours(3), added: true),
            Change("sharing.sale", day.AddHours(5), added: false), Change("sharing.sale", day.AddDays(30), added: false)]);

        // Act
        var svg = XElement.Parse(timeline.Render().Value!);

        // Assert: two marks; the day's names all three changes, is drawn as several kinds and says 3.
        XNamespace ns = "http://www.w3.org/2000/svg";
        var marks = svg.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("change ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, marks.Count);
        Assert.Equal("change change-several", (string?)marks[0].Attribute("class"));
        Assert.Equal(3, marks[0].Element(ns + "title")!.Value.Split('\n').Length);
        Assert.Equal("3", marks[0].Element(ns + "text")!.Value);
        Assert.Equal("change change-changed", (string?)marks[1].Attribute("class"));
        Assert.Null(marks[1].Element(ns + "text"));
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
