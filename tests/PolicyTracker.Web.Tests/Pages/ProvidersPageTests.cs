using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class ProvidersPageTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task Providers_EveryCell_ShowsWhatTheMatrixSaysAndLinksToItsClaims()
    {
        // Arrange
        var result = await BuildAsync(MatrixQuery.All);

        // Act
        var page = await app.GetDocumentAsync("/Providers");

        // Assert: one column per subject and one row per topic, and each cell's words are the matrix's.
        Assert.Equal(result.Matrix.Subjects.Select(s => s.Subject), page.QuerySelectorAll(".provider-matrix thead th[data-subject]").Select(th => th.GetAttribute("data-subject")));
        Assert.Equal(result.Matrix.Rows.Select(r => r.Topic), page.QuerySelectorAll(".provider-matrix tr[data-topic]").Select(tr => tr.GetAttribute("data-topic")));
        foreach (var row in result.Matrix.Rows)
        {
            var cells = page.QuerySelectorAll($".provider-matrix tr[data-topic='{row.Topic}'] td").ToList();
            Assert.Equal(row.Cells.Count, cells.Count);
            foreach (var (cell, td) in row.Cells.Zip(cells))
            {
                AssertCell(cell, td, result);
            }
        }
    }

    [Fact]
    public async Task Providers_AcmeTraining_OfficialValueDisputedWithWhatTheArticleSays()
    {
        // Act
        var page = await app.GetDocumentAsync("/Providers");

        // Assert
        var cell = page.QuerySelector(".provider-matrix tr[data-topic='training.default'] td[data-subject='acme']")!;
        Assert.Equal("opt-in", cell.QuerySelector(".value")!.TextContent);
        Assert.NotNull(cell.QuerySelector(".kind-official"));
        Assert.Contains("Disputed", cell.QuerySelector(".badge-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Articles/guides: opt-out (1)", cell.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Claims?subject=acme&topic=training.default", cell.QuerySelector("a.cell-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Providers_TopicNoSourceStates_NoStatementFoundNotDisputed()
    {
        // Act
        var page = await app.GetDocumentAsync("/Providers");

        // Assert
        var cell = page.QuerySelector(".provider-matrix tr[data-topic='security.encryption_at_rest'] td[data-subject='acme']")!;
        Assert.Contains("no statement found", cell.TextContent, StringComparison.Ordinal);
        Assert.Null(cell.QuerySelector(".badge-conflict"));
        Assert.Contains("mx-none", cell.ClassList);
    }

    [Fact]
    public async Task Providers_FamilyAndSubjectFilters_OnlyThoseRowsAndColumns()
    {
        // Act
        var page = await app.GetDocumentAsync("/Providers?family=retention&subject=globex");

        // Assert
        Assert.Equal(["retention"], page.QuerySelectorAll(".provider-matrix tbody").Select(b => b.GetAttribute("data-family")));
        Assert.Equal(["globex"], page.QuerySelectorAll(".provider-matrix thead th[data-subject]").Select(th => th.GetAttribute("data-subject")));
        Assert.True(page.QuerySelector("input[name=family][value=retention]")!.HasAttribute("checked"));
        Assert.Equal("/Providers?family=retention&subject=globex&sort=name", page.QuerySelector("#sort-name")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Providers_ArticlesOnly_ComparedWithoutThePolicyAndLinksKeepTheKind()
    {
        // Act
        var page = await app.GetDocumentAsync("/Providers?kind=article");

        // Assert: without the policy, the article stands alone on training and nothing is official.
        var cell = page.QuerySelector(".provider-matrix tr[data-topic='training.default'] td[data-subject='acme']")!;
        Assert.Equal("opt-out", cell.QuerySelector(".value")!.TextContent);
        Assert.Null(cell.QuerySelector(".kind-official"));
        Assert.Null(cell.QuerySelector(".badge-conflict"));
        Assert.Equal("/Claims?subject=acme&topic=training.default&kind=Article", cell.QuerySelector("a.cell-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Providers_UnknownSort_400WithTheReason()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/Providers?sort=colour");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown sort", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvidersCsv_Download_OneRowPerCellWithBomAndTheMatrixValues()
    {
        // Arrange
        var result = await BuildAsync(MatrixQuery.All);
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/Providers?handler=Csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', CsvMatrixWriter.Columns), lines[0]);
        Assert.Equal(result.Matrix.Rows.Sum(r => r.Cells.Count), lines.Length - 1);
        Assert.Equal(
            "training,training.default,acme,opt-in,true,1,2,2,\"opt-out (1 sources, 0 official)\",Disagree,true,false,false,false,/Claims?subject=acme&topic=training.default",
            lines.Single(l => l.StartsWith("training,training.default,acme,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ApiProviders_Get_TheMatrixInItsJsonShape()
    {
        // Arrange
        var result = await BuildAsync(MatrixQuery.All);
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/api/providers");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = json.RootElement;
        Assert.Equal(["subjects", "recentSince", "rows"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(result.Matrix.Subjects.Select(s => s.Subject), root.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("subject").GetString()));
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(result.Matrix.Rows.Select(r => r.Topic), rows.Select(r => r.GetProperty("topic").GetString()));
        foreach (var (row, jsonRow) in result.Matrix.Rows.Zip(rows))
        {
            foreach (var (cell, jsonCell) in row.Cells.Zip(jsonRow.GetProperty("cells").EnumerateArray()))
            {
                Assert.Equal(cell.Shown?.Value, jsonCell.GetProperty("value").GetString());
                Assert.Equal(cell.Agreeing, jsonCell.GetProperty("agreeingSources").GetInt32());
                Assert.Equal(cell.ClaimCount, jsonCell.GetProperty("claims").GetInt32());
                Assert.Equal(cell.Disputed, jsonCell.GetProperty("disputed").GetBoolean());
                Assert.Equal(cell.NoStatement, jsonCell.GetProperty("noStatement").GetBoolean());
            }
        }
    }

    [Fact]
    public async Task ApiProviders_UnknownKind_Returns400()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/api/providers?kind=Tabloid");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static void AssertCell(MatrixCell cell, IElement td, MatrixResult result)
    {
        var text = td.TextContent;
        Assert.Equal(result.ClaimsUrl(cell), td.QuerySelector("a.cell-link")?.GetAttribute("href"));
        Assert.Equal(cell.NoStatement, text.Contains("no statement found", StringComparison.Ordinal));
        Assert.Equal(cell.Disputed, td.QuerySelector(".badge-conflict") is not null);
        Assert.Equal(cell.ShownIsOfficial, td.QuerySelector(".kind-official") is not null);
        Assert.Equal(cell.ChangedRecently, text.Contains("changed recently", StringComparison.Ordinal));
        if (cell.Shown is { } shown)
        {
            Assert.Equal(shown.Value, td.QuerySelector(".value")!.TextContent);
            Assert.Contains($"{cell.Agreeing} of {cell.SourceCount} source", text, StringComparison.Ordinal);
        }
    }

    private async Task<MatrixResult> BuildAsync(MatrixQuery query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProviderMatrixQueries>().BuildAsync(query, ReportFilter.All, default);
    }
}
