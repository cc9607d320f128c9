using System.Net;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class SourcesPageTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task Sources_Get_ListsEverySourceWithKindAndClaimCount()
    {
        // Act
        var page = await app.GetDocumentAsync("/Sources");

        // Assert
        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(["acme-policy.md", "acme-review.txt", "script-article.txt"], rows.Select(r => r.QuerySelector(".muted")!.TextContent));
        Assert.Contains("Official policy", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("4", rows[0].Children[4].TextContent.Trim());
    }

    [Fact]
    public async Task Sources_KindFilter_OnlyThatKind()
    {
        // Act
        var page = await app.GetDocumentAsync("/Sources?kind=OfficialPolicy");

        // Assert
        Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Equal("OfficialPolicy", page.QuerySelector("#kind option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SourceDetails_TextWithScript_RendersItAsText()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        var html = await client.GetStringAsync($"/Sources/{app.ScriptId}");

        // Assert
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var page = AnalystApp.Parse(html);
        Assert.Empty(page.QuerySelectorAll("main script, main b"));
        Assert.Contains("<script>alert(1)</script>", page.GetElementById("source-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceDetails_EveryClaim_HasAMarkWithAnchorTopicAndValue()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.ScriptId}");

        // Assert
        var id = app.Claims["script-deleted-90"];
        var mark = page.GetElementById($"claim-{id}")!;
        Assert.Equal("MARK", mark.TagName);
        Assert.Contains("retention.deleted_chats = P90D", mark.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains($"[claim {id}: retention.deleted_chats = P90D", mark.QuerySelector(".visually-hidden")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("Acme keeps deleted chats for 90 days.", mark.TextContent.Replace(" [end of claim]", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='#claim-{id}']"));
    }

    [Fact]
    public async Task SourceDetails_NestedQuotes_InnerMarkInsideOuter()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.PolicyId}");

        // Assert
        var outer = page.GetElementById($"claim-{app.Claims["policy-training"]}")!;
        var inner = page.GetElementById($"claim-{app.Claims["policy-control"]}")!;
        Assert.Same(outer, inner.ParentElement);
        Assert.Equal("unless you opt in", Visible(inner));
        Assert.Equal("Acme does not train on your chats unless you opt in.", Visible(outer));
        Assert.Equal(AnalystApp.PolicyText, Visible(page.GetElementById("source-text")!));
    }

    [Fact]
    public async Task SourceDetails_UnknownId_Returns404()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/Sources/987654");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The text a sighted reader sees: the element's text without the screen-reader-only spans.</summary>
    private static string Visible(AngleSharp.Dom.IElement element)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return copy.TextContent;
    }
}
