using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>
/// Paging by keyset: a reader following the next links sees every claim that was there when they began exactly once,
/// while claims sorting before and after their place are added between pages.
/// </summary>
public sealed class KeysetPagingTests
{
    private static readonly string[] Companies = ["Delta", "Echo", "Foxtrot", "Golf"];

    [Theory]
    [InlineData("")]
    [InlineData("-id")]
    [InlineData("source")]
    [InlineData("-status")]
    [InlineData("-topic")]
    public async Task ApiNextLinks_ClaimsAddedWhilePaging_NoneSkippedNoneRepeated(string sort)
    {
        // Arrange
        using var app = new TestApp();
        foreach (var company in Companies)
        {
            await IngestAsync(app, company);
        }

        var before = await ClaimIdsAsync(app);
        Assert.True(before.Count >= 6, $"the documents made only {before.Count} claims");
        using var client = app.Anonymous();
        var seen = new List<long>();
        string? next = $"/api/claims?pageSize=2&sort={sort}";
        var pages = 0;

        // Act: after the first page, claims sorting first and last are added; after the second, more.
        while (next is not null && pages < 50)
        {
            var page = await client.Http.GetFromJsonAsync<JsonElement>(next);
            seen.AddRange(page.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").GetString();
            pages++;
            if (pages == 1)
            {
                await IngestAsync(app, "Alpha");
                await IngestAsync(app, "Zulu");
            }
            else if (pages == 2)
            {
                await IngestAsync(app, "Bravo");
            }
        }

        // Assert
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Except(seen));
    }

    [Fact]
    public async Task ClaimsPage_NextAndPreviousLinks_CarryTheCursorAndComeBackToTheSameRows()
    {
        // Arrange
        using var app = new TestApp();
        foreach (var company in Companies)
        {
            await IngestAsync(app, company);
        }

        using var client = app.Anonymous();
        var first = await client.GetDocumentAsync("/Claims?pageSize=2");
        var firstRows = Rows(first);

        // Act
        var nextLink = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        await IngestAsync(app, "Alpha");
        var second = await client.GetDocumentAsync(nextLink);
        var previousLink = second.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href")!;
        var third = await client.GetDocumentAsync(second.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!);

        // Assert: the way forward starts after the last claim seen, whatever was added before it.
        Assert.Contains("after=", nextLink, StringComparison.Ordinal);
        Assert.Contains("page=2", nextLink, StringComparison.Ordinal);
        Assert.Empty(firstRows.Intersect(Rows(second)));
        Assert.Empty(Rows(second).Intersect(Rows(third)));
        Assert.Contains("Page 2 of", second.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("before=", previousLink, StringComparison.Ordinal);
        Assert.Contains("before=", third.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href")!, StringComparison.Ordinal);
        var backToSecond = await client.GetDocumentAsync(third.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(Rows(second), Rows(backToSecond));
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.claims td.quote-cell a").Select(a => a.GetAttribute("href")!)];

    private static async Task<List<long>> ClaimIdsAsync(TestApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Claims.Select(c => c.Id).ToListAsync();
    }

    /// <summary>A policy of <paramref name="company"/>'s with two claims, so its subject sorts by the company's name.</summary>
    private static async Task IngestAsync(TestApp app, string company)
    {
        _ = app.Factory.Services;
        var text = $"# {company} privacy policy\n\n{company} does not use your conversations to train its models unless you opt in.\n\n" +
                   $"{company} deletes your conversations within 30 days after you delete them.\n";
        var result = await app.RunCliAsync("ingest", app.WriteFile($"{company.ToLowerInvariant()}-policy.md", text));
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }
}
