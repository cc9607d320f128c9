using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Editing;

/// <summary>Two editors saving the same claim at the same moment: one save wins, the other is refused, nothing is lost.</summary>
public sealed class ConcurrentSaveTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task TagPost_TwoEditorsAtOnce_OneSavedOneConflictEveryTimeAndHistoryComplete()
    {
        // Arrange
        const int pairs = 10;
        var claimId = app.Claims["article-deleted"];
        using var alice = await app.SignInAsync(Roles.Editor);
        using var bob = await app.SignInAsync(Roles.Editor);
        var winners = new List<string>();

        for (var i = 0; i < pairs; i++)
        {
            var alicePage = await alice.GetDocumentAsync($"/Claims/{claimId}");
            var bobPage = await bob.GetDocumentAsync($"/Claims/{claimId}");

            // Act: both save from the same revision at once.
            var responses = await Task.WhenAll(
                alice.SubmitAsync(alicePage.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed", ["Input.Note"] = $"alice {i}" }),
                bob.SubmitAsync(bobPage.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed", ["Input.Note"] = $"bob {i}" }));

            // Assert
            Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            winners.Add(responses[0].StatusCode == HttpStatusCode.Redirect ? $"alice {i}" : $"bob {i}");
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        await using var db = app.CreateDbContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == claimId);
        Assert.Equal((pairs, winners[^1]), (claim.Revision, claim.ReviewNote));
        var notes = await db.AuditEntries.Where(a => a.ClaimId == claimId).OrderBy(a => a.Id).Select(a => a.Note).ToListAsync();
        Assert.Equal<string?>(winners, notes);
    }
}
