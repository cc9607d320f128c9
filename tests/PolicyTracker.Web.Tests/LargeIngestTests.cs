using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Api;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>
/// A document dense with claims is stored in bulk: the database context never tracks its claims one by one (that cost
/// time growing faster than the claim count, and a gigabyte of memory at the size limit), and what is stored is exactly
/// what tracked entities stored: every claim, searchable, and on a new version the editors' work carried over.
/// How fast is measured by the large-ingest benchmark, not here.
/// </summary>
public sealed class LargeIngestTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Paragraphs = 5000;

    [Fact]
    public async Task IngestAsync_ClaimDenseDocumentThenNewVersion_StoredInBulkWithReviewsCarriedOver()
    {
        // Arrange
        var version1 = Document(Paragraphs, removed: -1, preface: "");
        var tracked = new List<int>();

        // Act
        var added = Assert.IsType<IngestOutcome.Added>(await IngestAsync("dense.txt", version1, tracked));

        // Assert: thousands of claims, and never more than a handful of entities tracked at a save.
        Assert.True(added.ClaimCount >= Paragraphs * 2, $"{added.ClaimCount} claims");
        Assert.All(tracked, count => Assert.InRange(count, 0, 10));
        await using (var db = app.CreateDbContext())
        {
            var claims = await db.Claims.Where(c => c.SourceId == added.SourceId).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(added.ClaimCount, claims.Count);
            Assert.All(claims, c => Assert.Equal(c.Quote, version1[c.Start..c.End]));
            Assert.Equal(claims.Select(c => c.Start), claims.Select(c => c.Start).Order());
            Assert.All(claims, c => Assert.Equal(ClaimStatus.Unreviewed, c.Status));
        }

        Assert.Equal(1, await SearchCountAsync("Zebracorp4321"));

        // Arrange: one claim reviewed with evidence, then dropped by the new version; another reviewed and kept.
        long droppedId, keptId;
        await using (var db = app.CreateDbContext())
        {
            var dropped = await db.Claims.Where(c => c.SourceId == added.SourceId && c.Quote.Contains("Zebracorp4321")).FirstAsync();
            var kept = await db.Claims.Where(c => c.SourceId == added.SourceId && c.Quote.Contains("Zebracorp4000")).FirstAsync();
            (dropped.Status, dropped.ReviewNote) = (ClaimStatus.Verified, "checked against the settings page");
            (kept.Status, kept.ReviewNote) = (ClaimStatus.Disputed, "needs a second source");
            db.ClaimEvidence.Add(new ClaimEvidence { ClaimId = dropped.Id, Quote = "Settings say so.", SourceName = "settings page" });
            await db.SaveChangesAsync();
            (droppedId, keptId) = (dropped.Id, kept.Id);
        }

        var version2 = Document(Paragraphs, removed: 4321, preface: "Revised edition.\n\n");
        tracked.Clear();

        // Act
        var replaced = Assert.IsType<IngestOutcome.NewVersion>(await IngestAsync("dense.txt", version2, tracked));

        // Assert
        Assert.Equal(2, replaced.Version);
        Assert.All(tracked, count => Assert.InRange(count, 0, 10));
        await using var after = app.CreateDbContext();
        var stored = await after.Claims.Where(c => c.SourceId == added.SourceId).ToListAsync();
        Assert.Equal(replaced.ClaimCount, stored.Count);
        Assert.All(stored, c => Assert.Equal(c.Quote, version2[c.Start..c.End]));
        var keptNow = Assert.Single(stored, c => c.Id == keptId);
        Assert.Equal((ClaimStatus.Disputed, "needs a second source"), (keptNow.Status, keptNow.ReviewNote));
        Assert.DoesNotContain(stored, c => c.Id == droppedId);
        Assert.False(await after.ClaimEvidence.AnyAsync(e => e.ClaimId == droppedId));
        var audit = await after.AuditEntries.SingleAsync(a => a.ClaimId == droppedId && a.Action == AuditAction.ClaimRemovedByIngest);
        Assert.Equal("Verified", audit.From);
        Assert.Contains("settings page", audit.Evidence, StringComparison.Ordinal);
        Assert.Contains("Zebracorp4321", audit.Target, StringComparison.Ordinal);
        Assert.Equal(0, await SearchCountAsync("Zebracorp4321"));
        Assert.Equal(1, await SearchCountAsync("Zebracorp4000"));
    }

    /// <summary>Paragraphs of two claims each, told apart by a made-up company name, which the search can find.</summary>
    private static string Document(int paragraphs, int removed, string preface)
    {
        var text = new StringBuilder("Example AI data practices\n\n").Append(preface);
        for (var i = 0; i < paragraphs; i++)
        {
            if (i != removed)
            {
                text.Append(CultureInfo.InvariantCulture, $"Example AI does not use your chats to train its models unless you opt in, as Zebracorp{i} noted. ")
                    .Append(CultureInfo.InvariantCulture, $"Deleted chats are removed within {(i % 90) + 1} days.\n\n");
            }
        }

        return text.ToString();
    }

    private async Task<IngestOutcome> IngestAsync(string name, string text, List<int> tracked)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
        db.SavingChanges += (_, _) => tracked.Add(db.ChangeTracker.Entries().Count());
        var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        return await ingestor.IngestAsync(name, Encoding.UTF8.GetBytes(text), CancellationToken.None);
    }

    private async Task<int> SearchCountAsync(string word)
    {
        using var client = app.Anonymous();
        var page = await client.Http.GetFromJsonAsync<ClaimsPageJson>($"/api/claims?q={word}");
        return page!.Total;
    }
}
