using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class OverviewPageTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task Overview_Get_ShowsCountsOfSourcesClaimsAndContradictions()
    {
        // Act
        var page = await app.GetDocumentAsync("/");

        // Assert
        Assert.Equal("3", page.GetElementById("source-count")!.TextContent);
        Assert.Equal(app.Claims.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.GetElementById("claim-count")!.TextContent);
        Assert.Equal("2", page.GetElementById("contradiction-count")!.TextContent);
    }

    [Fact]
    public async Task Overview_DisputedTopics_LinkStraightToTheirContradictions()
    {
        // Act
        var page = await app.GetDocumentAsync("/");

        // Assert
        var links = page.QuerySelectorAll(".disputed a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Contradictions?subject=acme&topic=retention.deleted_chats#c-acme--retention.deleted_chats", links);
        Assert.Contains("/Contradictions?subject=acme&topic=training.default#c-acme--training.default", links);

        // The one the most sources dispute comes first.
        Assert.Contains("retention.deleted_chats", links[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_RecentSources_NewestFirstWithKind()
    {
        // Act
        var page = await app.GetDocumentAsync("/");

        // Assert
        var rows = page.QuerySelectorAll("section[aria-labelledby=recent-heading] tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("script-article.txt", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Official policy", rows[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_EveryPage_HasNavigationToEveryScreen()
    {
        // Act
        var page = await app.GetDocumentAsync("/Claims");

        // Assert
        var nav = page.QuerySelector("nav[aria-label=Main]")!;
        Assert.Equal(["Overview", "Claims", "Compare", "Providers", "Contradictions", "Changes", "Suggestions", "Sources", "Export", "Activity"], nav.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Equal("page", nav.QuerySelector("a[href='/Claims']")!.GetAttribute("aria-current"));
        Assert.Equal("/css/site.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!.Split('?')[0]);
    }

    [Fact]
    public async Task Stylesheet_Get_IsServedByTheApp()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/css/site.css");

        // Assert
        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("mark.claim:target", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
