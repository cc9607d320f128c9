using System.Net;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class ClaimsPageTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task Claims_NoFilter_ListsEveryClaim()
    {
        // Act
        var page = await app.GetDocumentAsync("/Claims");

        // Assert
        Assert.Equal(app.Claims.Count, page.QuerySelectorAll("table.claims tbody tr").Length);
        Assert.StartsWith($"{app.Claims.Count} claims", page.GetElementById("result-count")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_TopicAndKindFilters_OnlyMatchingRows()
    {
        // Act
        var page = await app.GetDocumentAsync("/Claims?topic=retention.deleted_chats&kind=Article");

        // Assert
        var rows = page.QuerySelectorAll("table.claims tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("retention.deleted_chats", r.Children[1].TextContent.Trim()));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("Acme privacy policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claims_SubjectScopeValueSourceStatus_EachNarrows()
    {
        // Act
        var bySubject = await app.GetDocumentAsync("/Claims?subject=globex");
        var byScope = await app.GetDocumentAsync("/Claims?scope=all");
        var byValue = await app.GetDocumentAsync("/Claims?value=P90D");
        var bySource = await app.GetDocumentAsync("/Claims?source=acme-policy");
        var byStatus = await app.GetDocumentAsync("/Claims?status=Verified");

        // Assert
        Assert.Single(bySubject.QuerySelectorAll("table.claims tbody tr"));
        Assert.Single(byScope.QuerySelectorAll("table.claims tbody tr"));
        Assert.Single(byValue.QuerySelectorAll("table.claims tbody tr"));
        Assert.Equal(4, bySource.QuerySelectorAll("table.claims tbody tr").Length);
        Assert.Empty(byStatus.QuerySelectorAll("table.claims tbody tr"));
    }

    [Fact]
    public async Task Claims_FullTextSearch_FindsWordsAndPrefixesInQuotes()
    {
        // Act
        var words = await app.GetDocumentAsync("/Claims?q=opt+out");
        var prefix = await app.GetDocumentAsync("/Claims?q=expo");
        var syntax = await app.GetDocumentAsync("/Claims?q=%22unbalanced+OR+(");

        // Assert
        var row = Assert.Single(words.QuerySelectorAll("table.claims tbody tr"));
        Assert.Contains("unless you opt out", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("export your data", Assert.Single(prefix.QuerySelectorAll("table.claims tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.NotNull(syntax.QuerySelector(".empty"));
    }

    [Fact]
    public async Task Claims_Filters_RoundTripIntoTheFormAndPagerLinks()
    {
        // Act
        var page = await app.GetDocumentAsync("/Claims?subject=acme&topic=retention.deleted_chats&q=deleted&sort=-value&pageSize=2");

        // Assert
        Assert.Equal("acme", page.QuerySelector("#subject option[selected]")!.GetAttribute("value"));
        Assert.Equal("retention.deleted_chats", page.QuerySelector("#topic option[selected]")!.GetAttribute("value"));
        Assert.Equal("deleted", page.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal("-value", page.QuerySelector("input[name=sort]")!.GetAttribute("value"));
        var next = page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var lastId = page.QuerySelectorAll("table.claims td.quote-cell a")[^1].GetAttribute("href")!["/Claims/".Length..];
        Assert.Equal($"/Claims?subject=acme&topic=retention.deleted_chats&q=deleted&sort=-value&pageSize=2&page=2&after={lastId}", next);
    }

    [Fact]
    public async Task Claims_Paging_SecondPageHasTheRest()
    {
        // Act
        var first = await app.GetDocumentAsync("/Claims?sort=id&pageSize=4");
        var last = await app.GetDocumentAsync("/Claims?sort=id&pageSize=4&page=3");

        // Assert
        Assert.Equal(4, first.QuerySelectorAll("table.claims tbody tr").Length);
        Assert.Equal(app.Claims.Count - 8, last.QuerySelectorAll("table.claims tbody tr").Length);
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
        Assert.NotNull(last.QuerySelector(".pager a[rel=prev]"));
    }

    [Fact]
    public async Task Claims_SortByValueDescending_OrdersRowsAndMarksHeader()
    {
        // Act
        var page = await app.GetDocumentAsync("/Claims?sort=-value");

        // Assert
        var values = page.QuerySelectorAll("table.claims tbody tr").Select(r => r.Children[3].TextContent.Trim()).ToList();
        Assert.Equal(values.OrderDescending(StringComparer.Ordinal), values);
        Assert.Equal("descending", page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Claims_NothingMatches_HelpfulEmptyState()
    {
        // Act
        var page = await app.GetDocumentAsync("/Claims?subject=nobody&q=zebra");

        // Assert
        var empty = page.QuerySelector(".empty")!.TextContent;
        Assert.Contains("No claim matches these filters", empty, StringComparison.Ordinal);
        Assert.Contains("clear them all", empty, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.claims"));
    }

    [Fact]
    public async Task Claims_FormControls_AllHaveLabels()
    {
        // Act
        var page = await app.GetDocumentAsync("/Claims");

        // Assert
        var controls = page.QuerySelectorAll("form.filters input:not([type=hidden]), form.filters select").ToList();
        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.NotNull(page.QuerySelector($"label[for='{c.Id}']")));
    }

    [Fact]
    public async Task ClaimDetails_Get_ShowsContextSourceLinkAndOtherClaims()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Claims/{app.Claims["article-deleted"]}");

        // Assert
        var context = page.GetElementById("quote-context")!;
        Assert.Equal("Acme removes deleted chats within 30 days.", context.QuerySelector("mark")!.TextContent);
        Assert.Contains("Acme trains on your chats unless you opt out.", context.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Sources/{app.ArticleId}#claim-{app.Claims["article-deleted"]}", page.GetElementById("source-link")!.GetAttribute("href"));
        var rows = page.QuerySelectorAll("section[aria-labelledby=others-heading] tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Disagrees", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("P90D", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count(r => r.TextContent.Contains("Agrees", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ClaimDetails_UnknownId_Returns404()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/Claims/987654");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
