using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>The app started on an empty database, with the real seed articles shipped beside it.</summary>
public sealed class StartupTests(SeededTestApp app) : IClassFixture<SeededTestApp>
{
    [Fact]
    public async Task Startup_EmptyDatabase_IngestsEverySeed()
    {
        // Arrange
        var seeds = Directory.GetFiles(Workspace.ShippedSeedsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // Act
        _ = app.Factory.Services;

        // Assert
        Assert.Equal(4, seeds.Count);
        await using var db = app.CreateDbContext();
        var sources = await db.Sources.Include(s => s.Versions).OrderBy(s => s.FileName).ToListAsync();
        Assert.Equal(seeds, sources.Select(s => s.FileName));
        Assert.All(sources, s =>
        {
            Assert.Equal(1, s.Version);
            Assert.Equal(1, Assert.Single(s.Versions).Version);
            Assert.NotEmpty(s.Text);
        });
    }

    [Fact]
    public async Task Seeds_Ingested_EveryQuoteIsExactSlice()
    {
        // Act
        _ = app.Factory.Services;

        // Assert
        await using var db = app.CreateDbContext();
        // Suggestions too: the version counts every claim it was read with, whatever an editor has yet to decide.
        var sources = await db.Sources.IgnoreQueryFilters().Include(s => s.Claims).ToListAsync();
        Assert.All(sources, s =>
        {
            Assert.All(s.Claims, c => Assert.Equal(c.Quote, s.Text[c.Start..c.End]));
            Assert.Equal(s.Claims.Count, db.SourceVersions.Single(v => v.SourceId == s.Id).ClaimCount);
        });
    }

    /// <summary>Fails while the extractor is the placeholder that finds nothing; passes once the real one lands.</summary>
    [Fact]
    public async Task Seeds_Ingested_RealExtractorFindsClaims()
    {
        // Act
        _ = app.Factory.Services;

        // Assert
        await using var db = app.CreateDbContext();
        Assert.True(await db.Claims.AnyAsync(), "no claims extracted from the seed articles");
    }

    [Fact]
    public async Task Healthz_AfterStart_Returns200()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/healthz");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Index_Get_ShowsSourceAndClaimCounts()
    {
        // Arrange
        using var client = app.Factory.CreateClient();
        await using var db = app.CreateDbContext();
        var claims = await db.Claims.CountAsync();

        // Act
        var html = await client.GetStringAsync("/");

        // Assert
        Assert.Contains("<dd id=\"source-count\">4</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"claim-count\">{claims}</dd>", html, StringComparison.Ordinal);
    }
}
