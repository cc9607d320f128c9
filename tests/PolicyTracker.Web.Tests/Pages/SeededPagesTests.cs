using AngleSharp.Html.Parser;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>The pages over the real seed articles, as a new user first sees them.</summary>
public sealed class SeededPagesTests(SeededTestApp app) : IClassFixture<SeededTestApp>
{
    [Fact]
    public async Task Overview_Seeds_OneClickToASeedContradiction()
    {
        // Arrange
        using var client = app.Factory.CreateClient();
        var parser = new HtmlParser();

        // Act
        var overview = parser.ParseDocument(await client.GetStringAsync("/"));
        var link = overview.QuerySelector(".disputed a")!.GetAttribute("href")!;
        var contradictions = parser.ParseDocument(await client.GetStringAsync(link));

        // Assert
        Assert.StartsWith("/Contradictions?subject=anthropic&topic=", link, StringComparison.Ordinal);
        var finding = Assert.Single(contradictions.QuerySelectorAll("article.finding"));
        Assert.True(finding.QuerySelectorAll("section.side").Length >= 2);
        Assert.NotEmpty(finding.QuerySelectorAll("blockquote"));
    }

    [Fact]
    public async Task Pages_Seeds_EveryPageAnswers200()
    {
        // Arrange
        using var client = app.Factory.CreateClient();
        string[] urls = ["/", "/Claims", "/Claims?q=train", "/Compare?subject=anthropic", "/Contradictions", "/Sources", "/Sources/1", "/Claims/1",
            "/api/claims", "/api/claims/1", "/api/contradictions", "/api/sources"];

        // Act
        var statuses = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            statuses.Add($"{url} {(int)response.StatusCode}");
        }

        // Assert
        Assert.Equal(urls.Select(u => $"{u} 200"), statuses);
    }
}
