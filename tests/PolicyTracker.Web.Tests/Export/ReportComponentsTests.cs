using System.Globalization;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Components;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Export;

/// <summary>The HTML report's Providers section, and the components it shares with the pages.</summary>
public sealed class ReportComponentsTests(ReportApp app) : IClassFixture<ReportApp>
{
    private const string Script = "<script>alert(1)</script>";

    private const string Formula = "=cmd|' /C calc'!A0";

    [Fact]
    public async Task Html_Report_HasTheProviderMatrixOfItsFilter()
    {
        // Arrange
        var expected = await MatrixAsync(ReportFilter.Of(subjects: ["acme", "initech"]));

        // Act
        var doc = await ReportAsync("/Export/Download?format=html&subject=acme,initech");

        // Assert: the page's matrix for the report's filter, one column per subject and one row per topic.
        var section = doc.QuerySelector("section#providers")!;
        Assert.Equal(ReportProviders.Heading, section.QuerySelector("h2")!.TextContent);
        var table = section.QuerySelector("table.provider-matrix")!;
        Assert.Equal(["acme", "initech"], table.QuerySelectorAll("thead th[data-subject]").Select(th => th.GetAttribute("data-subject")).Order());
        Assert.Equal(expected.Matrix.Rows.Select(r => r.Topic), table.QuerySelectorAll("tr[data-topic]").Select(tr => tr.GetAttribute("data-topic")));

        // The same marks as the page: official, disputed in words, agreeing sources, no statement found.
        var training = table.QuerySelector("tr[data-topic='training.default'] td[data-subject='acme']")!;
        Assert.Equal("opt-in", training.QuerySelector(".value")!.TextContent);
        Assert.NotNull(training.QuerySelector(".kind-official"));
        Assert.Contains("≠ Disputed", training.QuerySelector(".badge-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 of 2 sources", training.TextContent, StringComparison.Ordinal);
        Assert.Contains("Articles/guides: opt-out (1)", training.TextContent, StringComparison.Ordinal);
        var none = table.QuerySelector("tr[data-topic='security.encryption_at_rest'] td[data-subject='acme']")!;
        Assert.Contains("no statement found", none.TextContent, StringComparison.Ordinal);

        // A file on its own: no link leaves it.
        Assert.Empty(section.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task Html_Report_HasTheThreeChartsEachTitledAndDescribedWithItsTable()
    {
        // Act
        var doc = await ReportAsync("/Export/Download?format=html");

        // Assert
        var section = doc.QuerySelector("section#providers")!;
        var svgs = section.QuerySelectorAll("svg.chart").ToList();
        Assert.Equal(["retention-chart", "stance-chart", "change-timeline"], svgs.Select(s => s.Id));
        foreach (var svg in svgs)
        {
            var root = XElement.Parse(svg.OuterHtml);
            Assert.Equal(["title", "desc"], root.Elements().Take(2).Select(e => e.Name.LocalName));
            Assert.All(root.Elements().Take(2), e => Assert.False(string.IsNullOrWhiteSpace(e.Value)));
            Assert.Equal("img", (string?)root.Attribute("role"));
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        }

        // Each chart's text equivalent follows it.
        Assert.All(["#retention-table", "#stances-table", "#timeline-table"], id => Assert.NotEmpty(section.QuerySelectorAll($"{id} tbody tr")));
        Assert.Contains("initech", section.QuerySelector("#timeline-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvidersPageAndReport_SameMatrixComponent_SameCellsAndCharts()
    {
        // Act
        var page = await app.GetDocumentAsync("/Providers");
        var report = await ReportAsync("/Export/Download?format=html");

        // Assert: every cell's content is the same markup; only the page wraps it in a link to its claims.
        var pageCells = Cells(page.QuerySelector("table.provider-matrix")!);
        var reportCells = Cells(report.QuerySelector("section#providers")!);
        Assert.NotEmpty(pageCells);
        Assert.Equal(pageCells.Keys.Order(), reportCells.Keys.Order());
        foreach (var (key, cell) in pageCells)
        {
            Assert.Equal("A", cell.TagName);
            Assert.Equal("SPAN", reportCells[key].TagName);
            Assert.Equal(cell.InnerHtml, reportCells[key].InnerHtml);
        }

        // The charts are the same drawings, and the legend the same words.
        foreach (var id in new[] { "retention-chart", "stance-chart", "change-timeline" })
        {
            Assert.Equal(page.GetElementById(id)!.OuterHtml, report.GetElementById(id)!.OuterHtml);
        }

        Assert.Equal(page.QuerySelector(".legend-line")!.InnerHtml, report.QuerySelector("section#providers .legend-line")!.InnerHtml);
    }

    [Fact]
    public async Task MatrixAndQuotePair_HostileSubjectValueAndQuote_EncodedInHtml()
    {
        // Arrange: a subject, a value and a quote that are markup and a formula.
        var matrix = HostileMatrix();
        var side = new ReportSide(Formula, 1, 1, [new ReportQuote(7, "consumer", Script + " " + Formula, 3, Script, SourceKind.Article, ClaimStatus.Disputed, false)]);

        // Act
        var cells = await HtmlReportWriter.RenderAsync<ProviderMatrixTable>(new Dictionary<string, object?> { ["Matrix"] = matrix });
        var quotes = await HtmlReportWriter.RenderAsync<QuotePair>(new Dictionary<string, object?>
        {
            ["Sides"] = new[] { side }, ["Subject"] = Script, ["Topic"] = "training.default",
        });

        // Assert: the text is there, as text; no element came from it.
        foreach (var html in new[] { cells, quotes })
        {
            Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
            var doc = AnalystApp.Parse(html);
            Assert.Empty(doc.QuerySelectorAll("script"));
            Assert.Contains(Script, doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(Formula, doc.Body.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(Script, AnalystApp.Parse(cells).QuerySelector("th[data-subject]")!.GetAttribute("data-subject"));
    }

    [Fact]
    public async Task MatrixCsv_HostileSubjectAndValue_FormulaEscapedAndQuoted()
    {
        // Arrange
        var matrix = HostileMatrix();

        // Act
        var csv = await CsvMatrixWriter.WriteAsync(new MatrixResult(matrix, [], ReportFilter.All, new Dictionary<long, SourceKind>()));

        // Assert: the formula behind an apostrophe, the quote in it doubled inside quotes; the markup as plain text.
        Assert.StartsWith("\uFEFF" + string.Join(',', CsvMatrixWriter.Columns) + "\r\n", csv, StringComparison.Ordinal);
        var rows = StrictCsv.Parse(csv[1..].TrimEnd('\n').TrimEnd('\r'));
        var record = rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).Single(r => r["topic"] == "training.default");
        Assert.Equal(Script, record["subject"]);
        Assert.Equal("'" + Formula, record["value"]);
        Assert.Contains(",\"'=cmd|' /C calc'!A0\",", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimsCsv_HostileReviewNote_FormulaEscaped()
    {
        // Act
        using var client = app.Factory.CreateClient();
        var bytes = await client.GetByteArrayAsync("/Export/Download?format=csv&subject=initech");

        // Assert: the note starting "=cmd|" keeps every character behind the apostrophe.
        var rows = StrictCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)[..^2]);
        var id = app.Claims["hostile-formula"].ToString(CultureInfo.InvariantCulture);
        var record = rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).Single(r => r["id"] == id);
        Assert.StartsWith("'" + Formula, record["reviewNote"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_Report_HasTheMatrixAsATable()
    {
        // Arrange
        var expected = await MatrixAsync(ReportFilter.All);
        using var client = app.Factory.CreateClient();

        // Act
        var lines = (await client.GetStringAsync("/Export/Download?format=md")).Split('\n');

        // Assert: a column per provider, a row per topic, the cell's words as the page writes them.
        var start = Array.IndexOf(lines, "## " + ReportProviders.Heading);
        Assert.True(start > Array.IndexOf(lines, "## Summary") && start < Array.IndexOf(lines, "## acme"));
        var section = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var header = section.First(l => l.StartsWith("| Topic |", StringComparison.Ordinal));
        Assert.Equal(expected.Matrix.Subjects.Select(s => s.Subject), header.Split('|').Skip(2).SkipLast(1).Select(h => h.Trim().Split(' ')[0]));
        var topics = section.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Matrix.Rows.Select(r => $"| `{r.Topic}` |"), topics.Select(l => l[..(l.IndexOf("` |", StringComparison.Ordinal) + 3)]));
        var training = Assert.Single(topics, l => l.StartsWith("| `training.default` |", StringComparison.Ordinal));
        Assert.Contains("**opt-in** · Official · ≠ Disputed · 1 of 2 sources · Articles/guides: opt-out (1)", training, StringComparison.Ordinal);
        Assert.Contains("no statement found", Assert.Single(topics, l => l.StartsWith("| `security.encryption_at_rest` |", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatrixTable_SomeProviders_OnlyTheirColumnsAndSaysWhich()
    {
        // Arrange
        var matrix = (await MatrixAsync(ReportFilter.All)).Matrix;

        // Act: the second provider alone, as the report splits a wide matrix.
        var html = await HtmlReportWriter.RenderAsync<ProviderMatrixTable>(new Dictionary<string, object?> { ["Matrix"] = matrix, ["First"] = 1, ["Count"] = 1 });

        // Assert
        var table = AnalystApp.Parse(html).QuerySelector("table.provider-matrix")!;
        Assert.Equal([matrix.Subjects[1].Subject], table.QuerySelectorAll("thead th[data-subject]").Select(th => th.GetAttribute("data-subject")));
        Assert.All(table.QuerySelectorAll("tr[data-topic]"), tr => Assert.Equal(matrix.Subjects[1].Subject, Assert.Single(tr.QuerySelectorAll("td")).GetAttribute("data-subject")));
        Assert.Equal($"Providers 2–2 of {matrix.Subjects.Count}", table.QuerySelector("caption")!.TextContent);
    }

    /// <summary>Cells by subject and topic, in every matrix table inside: the element inside each that holds its content.</summary>
    private static Dictionary<string, IElement> Cells(IElement container) =>
        container.QuerySelectorAll("table.provider-matrix td.mx-cell").ToDictionary(
            td => $"{td.GetAttribute("data-subject")}/{td.ParentElement!.GetAttribute("data-topic")}",
            td => td.QuerySelector(".cell-link")!);

    private static ProviderMatrix HostileMatrix()
    {
        var claims = new[]
        {
            new ComparableClaim(1, 1, "a.txt", Script, "training.default", "consumer", Formula),
            new ComparableClaim(2, 2, "b.txt", Script, "training.default", "consumer", "opt-in"),
        };
        return ProviderMatrix.Build(ComparisonModel.Build(claims, []), new Dictionary<long, SourceKind>(), DateTimeOffset.UnixEpoch);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ReportAsync(string url)
    {
        using var client = app.Factory.CreateClient();
        return AnalystApp.Parse(await client.GetStringAsync(url));
    }

    private async Task<MatrixResult> MatrixAsync(ReportFilter filter)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProviderMatrixQueries>().BuildAsync(new MatrixQuery([], filter.Subjects, MatrixSort.Claims), filter, default);
    }
}
