using System.Net;
using System.Text.Json;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class ApiTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    private static readonly string[] ClaimFields =
        ["id", "source", "subject", "topic", "scope", "value", "quote", "start", "end", "status", "confidence", "cues", "suggestion"];

    [Fact]
    public async Task ApiClaims_Filters_PagedInExportShape()
    {
        // Act
        using var json = await GetJsonAsync("/api/claims?subject=acme&topic=retention.deleted_chats&sort=id&pageSize=3&page=2");

        // Assert
        var root = json.RootElement;
        Assert.Equal(["page", "pageSize", "total", "pageCount", "next", "claims"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("page").GetInt32());
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        var claim = Assert.Single(root.GetProperty("claims").EnumerateArray());
        Assert.Equal(ClaimFields, claim.EnumerateObject().Select(p => p.Name));
        Assert.Equal(app.Claims["script-deleted-30"], claim.GetProperty("id").GetInt64());
        Assert.Equal("script-article.txt", claim.GetProperty("source").GetString());
        Assert.Equal("Unreviewed", claim.GetProperty("status").GetString());
        var start = claim.GetProperty("start").GetInt32();
        Assert.Equal(claim.GetProperty("quote").GetString(), AnalystApp.ScriptText[start..claim.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public async Task ApiClaims_SearchAndKind_SameFiltersAsThePage()
    {
        // Act
        using var json = await GetJsonAsync("/api/claims?q=chats&kind=OfficialPolicy");

        // Assert
        var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal("acme-policy.md", c.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task ApiClaims_UnknownKind_Returns400()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/api/claims?kind=Tabloid");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ApiClaim_ById_ExportShapeOr404()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var json = await GetJsonAsync($"/api/claims/{app.Claims["script-html"]}");
        using var missing = await client.GetAsync("/api/claims/987654");

        // Assert
        Assert.Equal(ClaimFields, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Beware <script>alert(1)</script> and <b>bold</b> claims.", json.RootElement.GetProperty("quote").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ApiContradictions_Get_ExportShapeWithSelfContradiction()
    {
        // Act
        using var json = await GetJsonAsync("/api/contradictions");

        // Assert
        var findings = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(
            ["subject", "topic", "claimIds", "values", "sources", "selfContradiction"], f.EnumerateObject().Select(p => p.Name)));
        var retention = findings.Single(f => f.GetProperty("topic").GetString() == "retention.deleted_chats");
        Assert.True(retention.GetProperty("selfContradiction").GetBoolean());
        Assert.Equal(["P30D", "P90D"], retention.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        var training = findings.Single(f => f.GetProperty("topic").GetString() == "training.default");
        Assert.False(training.GetProperty("selfContradiction").GetBoolean());
    }

    [Fact]
    public async Task ApiSources_Get_ExportShape()
    {
        // Act
        using var json = await GetJsonAsync("/api/sources");

        // Assert
        var sources = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["acme-policy.md", "acme-review.txt", "script-article.txt"], sources.Select(s => s.GetProperty("fileName").GetString()));
        Assert.All(sources, s => Assert.Equal(
            ["id", "fileName", "title", "format", "kind", "sha256", "version", "ingestedAt"], s.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("OfficialPolicy", sources[0].GetProperty("kind").GetString());
        Assert.True(sources[0].GetProperty("ingestedAt").TryGetDateTimeOffset(out _));
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
