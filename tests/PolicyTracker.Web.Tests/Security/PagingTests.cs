using System.Net;
using System.Text.Json;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Security;

/// <summary>
/// Page numbers from the query string are anyone's: a page far past the end is answered honestly, as an empty page
/// by the API and as the last page by the pages, never as the first page under the number asked for, and never a 500.
/// </summary>
public sealed class PagingTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Theory]
    [InlineData(999_999_999, null)]
    [InlineData(int.MaxValue, 200)]
    [InlineData(42_949_673, 100)]
    public async Task ApiClaims_PageFarPastTheEnd_EmptyPageUnderTheNumberAsked(int page, int? pageSize)
    {
        // Arrange
        var size = pageSize is { } given ? $"&pageSize={given}" : "";

        // Act
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync($"/api/claims?page={page}{size}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(page, root.GetProperty("page").GetInt32());
        Assert.Equal(app.Claims.Count, root.GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("pageCount").GetInt32());
        Assert.Equal(0, root.GetProperty("claims").GetArrayLength());
    }

    [Fact]
    public async Task ApiClaims_LastPage_HoldsTheRest()
    {
        // Act
        using var client = app.Factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/claims?pageSize=3&page=4"));

        // Assert: 10 claims, 3 a page.
        Assert.Equal(4, json.RootElement.GetProperty("pageCount").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("claims").GetArrayLength());
    }

    [Theory]
    [InlineData(999_999_999)]
    [InlineData(int.MaxValue)]
    public async Task ClaimsPage_PageFarPastTheEnd_ShowsTheLastPageAsTheLast(int page)
    {
        // Act
        var doc = await app.GetDocumentAsync($"/Claims?pageSize=3&page={page}");

        // Assert
        Assert.Equal("Page 4 of 4", doc.QuerySelector("nav.pager span")!.TextContent.Trim());
        Assert.Single(doc.QuerySelectorAll("table.claims tbody tr"));
        Assert.Contains("showing 10\u201310", doc.GetElementById("result-count")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("nav.pager a[rel=prev]"));
        Assert.Null(doc.QuerySelector("nav.pager a[rel=next]"));
    }

    [Theory]
    [InlineData("/Claims")]
    [InlineData("/Sources")]
    [InlineData("/Activity")]
    [InlineData("/Compare?subject=acme")]
    [InlineData("/Contradictions")]
    [InlineData("/api/claims")]
    public async Task PagedLists_OutlandishPageNumbers_NeverAServerError(string list)
    {
        // Arrange
        string[] pages = ["0", "-1", "-2147483648", "999999999", "2147483647", "2147483648", "99999999999999999999", "1e9", "abc", "", "%00"];
        var separator = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var client = app.Factory.CreateClient();

        foreach (var page in pages)
        {
            // Act
            using var response = await client.GetAsync($"{list}{separator}page={page}&pageSize={page}");

            // Assert: answered (a number that is no number may be refused as a bad request), never failed.
            Assert.True(
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                $"{list} page={page} answered {(int)response.StatusCode}");
        }
    }
}
