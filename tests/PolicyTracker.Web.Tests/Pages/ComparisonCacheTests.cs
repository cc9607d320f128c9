using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>Its own app, since the test changes the stored claims.</summary>
public sealed class ComparisonCacheTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task Contradictions_ClaimsChangeAfterFirstRequest_NewComparisonServed()
    {
        // Arrange
        using var client = app.Factory.CreateClient();
        using (var before = JsonDocument.Parse(await client.GetStringAsync("/api/contradictions")))
        {
            Assert.Equal(2, before.RootElement.GetArrayLength());
        }

        // Act: a claim that disagrees with the policy on export rights, written the way an ingest commits it.
        await using (var db = app.CreateDbContext())
        {
            var article = await db.Sources.SingleAsync(s => s.Id == app.ArticleId);
            var quote = "Acme removes deleted chats within 30 days.";
            var start = AnalystApp.ArticleText.IndexOf(quote, StringComparison.Ordinal);
            db.Claims.Add(new Claim
            {
                SourceId = article.Id, Subject = "acme", Topic = "rights.export", Scope = "consumer", Value = "no",
                Quote = quote, Start = start, End = start + quote.Length,
            });
            await db.SaveChangesAsync();
        }

        // Assert
        using var after = JsonDocument.Parse(await client.GetStringAsync("/api/contradictions"));
        Assert.Equal(3, after.RootElement.GetArrayLength());
        Assert.Contains(after.RootElement.EnumerateArray(), f => f.GetProperty("topic").GetString() == "rights.export");
    }
}
