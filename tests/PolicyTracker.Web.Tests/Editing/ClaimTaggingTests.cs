using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Editing;

public sealed class ClaimTaggingTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task TagPost_EditorVerifiedWithClaimEvidence_SavesStatusEvidenceAndHistory()
    {
        // Arrange
        var claimId = app.Claims["article-training"];
        var evidenceId = app.Claims["policy-training"];
        var email = await app.AddUserAsync(Roles.Editor);
        using var client = await app.SignInAsync(Roles.Editor, email);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");

        // Act
        using var response = await client.SubmitAsync(
            page.Forms["tag-form"]!,
            new() { ["Input.Status"] = "Contradicted", ["Input.Note"] = "The policy says opt-in." },
            new() { ["Input.Evidence.ClaimIds"] = [evidenceId.ToString(System.Globalization.CultureInfo.InvariantCulture)] });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Claims/{claimId}#review", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var claim = await db.Claims.Include(c => c.Evidence).SingleAsync(c => c.Id == claimId);
        Assert.Equal(ClaimStatus.Contradicted, claim.Status);
        Assert.Equal("The policy says opt-in.", claim.ReviewNote);
        Assert.Equal(email, claim.ReviewedBy);
        Assert.Equal(1, claim.Revision);
        var evidence = Assert.Single(claim.Evidence);
        Assert.Equal(evidenceId, evidence.EvidenceClaimId);
        Assert.Equal("Acme does not train on your chats unless you opt in.", evidence.Quote);
        Assert.Equal("acme-policy.md", evidence.SourceName);
        var entry = await db.AuditEntries.SingleAsync(a => a.ClaimId == claimId);
        Assert.Equal((email, AuditAction.ClaimStatusChanged, "Unreviewed", "Contradicted", "The policy says opt-in."), (entry.Actor, entry.Action, entry.From, entry.To, entry.Note));
        Assert.Contains("acme-policy.md", entry.Evidence, StringComparison.Ordinal);

        var after = await client.GetDocumentAsync($"/Claims/{claimId}");
        Assert.Equal("Contradicted", after.GetElementById("claim-status")!.TextContent.Trim());
        var history = after.GetElementById("history")!.TextContent;
        Assert.Contains("Unreviewed → Contradicted", history, StringComparison.Ordinal);
        Assert.Contains(email, history, StringComparison.Ordinal);
        Assert.Contains("The policy says opt-in.", history, StringComparison.Ordinal);
        Assert.Contains("acme-policy.md", after.GetElementById("evidence")!.TextContent, StringComparison.Ordinal);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)after.GetElementById($"evidence-{evidenceId}")!).IsChecked, "saved evidence is ticked again");
    }

    [Fact]
    public async Task TagPost_OnlyTheNoteChanged_KeepsTheSavedEvidence()
    {
        // Arrange: a verdict with a passage and a claim that is not in the list of related claims.
        var claimId = app.Claims["script-html"];
        var evidenceId = app.Claims["policy-export"];
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");
        using var first = await client.SubmitAsync(page.Forms["tag-form"]!, new()
        {
            ["Input.Status"] = "Verified",
            ["Input.Evidence.ClaimIdsText"] = $"{evidenceId}",
            ["Input.Evidence.Passage"] = "We never sell data.",
            ["Input.Evidence.PassageSource"] = "Acme policy",
        });
        var reopened = await client.GetDocumentAsync($"/Claims/{claimId}");

        // Act
        using var second = await client.SubmitAsync(reopened.Forms["tag-form"]!, new() { ["Input.Note"] = "Also in the FAQ." });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = app.CreateDbContext();
        var claim = await db.Claims.Include(c => c.Evidence).SingleAsync(c => c.Id == claimId);
        Assert.Equal((ClaimStatus.Verified, "Also in the FAQ.", 2), (claim.Status, claim.ReviewNote, claim.Revision));
        Assert.Equal(
            [(evidenceId, "acme-policy.md"), (null, "Acme policy")],
            claim.Evidence.OrderBy(e => e.Id).Select(e => (e.EvidenceClaimId, e.SourceName)));
    }

    [Fact]
    public async Task TagPost_VerifiedWithQuotedPassage_SavesPassageWithItsSource()
    {
        // Arrange
        var claimId = app.Claims["policy-export"];
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");

        // Act
        using var response = await client.SubmitAsync(page.Forms["tag-form"]!, new()
        {
            ["Input.Status"] = "Verified",
            ["Input.Evidence.Passage"] = "Download your data from Settings > Privacy.",
            ["Input.Evidence.PassageSource"] = "https://acme.example/help/export",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var evidence = await db.ClaimEvidence.SingleAsync(e => e.ClaimId == claimId);
        Assert.Null(evidence.EvidenceClaimId);
        Assert.Equal(("Download your data from Settings > Privacy.", "https://acme.example/help/export"), (evidence.Quote, evidence.SourceName));
        Assert.Equal(ClaimStatus.Verified, (await db.Claims.SingleAsync(c => c.Id == claimId)).Status);
    }

    [Theory]
    [InlineData("Verified", "", "", "Verified needs evidence")]
    [InlineData("Contradicted", "", "", "Contradicted needs evidence")]
    [InlineData("Verified", "A passage with no source.", "", "Say where the quoted passage is from")]
    [InlineData("Verified", "", "A source with no passage", "without the passage")]
    public async Task TagPost_VerdictWithoutUsableEvidence_RefusedWithReasonAndNothingChanges(string status, string passage, string source, string reason)
    {
        // Arrange
        var claimId = app.Claims["script-deleted-30"];
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");
        var before = await StateAsync(claimId);

        // Act
        using var response = await client.SubmitAsync(page.Forms["tag-form"]!, new()
        {
            ["Input.Status"] = status,
            ["Input.Evidence.Passage"] = passage,
            ["Input.Evidence.PassageSource"] = source,
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var shown = await FormClient.ParseAsync(response);
        Assert.Contains(reason, shown.GetElementById("tag-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(claimId));
    }

    [Fact]
    public async Task TagPost_EvidenceIsTheClaimItselfOrUnknown_Refused()
    {
        // Arrange
        var claimId = app.Claims["script-deleted-90"];
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");
        var before = await StateAsync(claimId);

        // Act
        using var self = await client.SubmitAsync(page.Forms["tag-form"]!, new() { ["Input.Status"] = "Verified", ["Input.Evidence.ClaimIdsText"] = $"{claimId}" });
        using var unknown = await client.SubmitAsync(page.Forms["tag-form"]!, new() { ["Input.Status"] = "Verified", ["Input.Evidence.ClaimIdsText"] = "#999999" });
        using var garbage = await client.SubmitAsync(page.Forms["tag-form"]!, new() { ["Input.Status"] = "Verified", ["Input.Evidence.ClaimIdsText"] = "twelve" });

        // Assert
        Assert.Contains("cannot be evidence for itself", (await FormClient.ParseAsync(self)).GetElementById("tag-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("no claim 999999", (await FormClient.ParseAsync(unknown)).GetElementById("tag-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("'twelve' is not a claim id", (await FormClient.ParseAsync(garbage)).GetElementById("tag-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(claimId));
    }

    [Fact]
    public async Task TagPost_DisputedWithNoteOnly_SavedWithoutEvidence()
    {
        // Arrange
        var claimId = app.Claims["article-deleted"];
        using var client = await app.SignInAsync(Roles.Admin);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");

        // Act
        using var response = await client.SubmitAsync(page.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed", ["Input.Note"] = "Ask Acme." });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        // An anonymous type, not a tuple: PostgreSQL's provider would read a tuple as one ROW value.
        var stored = await db.Claims.Where(c => c.Id == claimId).Select(c => new { c.Status, c.ReviewNote }).SingleAsync();
        Assert.Equal((ClaimStatus.Disputed, "Ask Acme."), (stored.Status, stored.ReviewNote));
    }

    [Fact]
    public async Task TagPost_StaleRevision_RefusedShowingTheNewerValueAndNothingLost()
    {
        // Arrange: two editors open the same claim.
        var claimId = app.Claims["policy-deleted"];
        var first = await app.AddUserAsync(Roles.Editor);
        using var alice = await app.SignInAsync(Roles.Editor, first);
        using var bob = await app.SignInAsync(Roles.Editor);
        var alicePage = await alice.GetDocumentAsync($"/Claims/{claimId}");
        var bobPage = await bob.GetDocumentAsync($"/Claims/{claimId}");
        using var saved = await alice.SubmitAsync(alicePage.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed", ["Input.Note"] = "Alice's note" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Act: Bob saves from the page he loaded before Alice saved.
        using var stale = await bob.SubmitAsync(bobPage.Forms["tag-form"]!, new() { ["Input.Status"] = "NotApplicable", ["Input.Note"] = "Bob's note" });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var refused = await FormClient.ParseAsync(stale);
        var warning = refused.GetElementById("stale-warning")!.TextContent;
        Assert.Contains(first, warning, StringComparison.Ordinal);
        Assert.Contains("Disputed", warning, StringComparison.Ordinal);
        Assert.Contains("Alice's note", warning, StringComparison.Ordinal);
        Assert.Equal("Bob's note", refused.QuerySelector("#tag-note")!.TextContent);
        await using (var db = app.CreateDbContext())
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == claimId);
            Assert.Equal((ClaimStatus.Disputed, "Alice's note", 1), (claim.Status, claim.ReviewNote, claim.Revision));
        }

        // Act: Bob saves again, now knowing what Alice did.
        using var again = await bob.SubmitAsync(refused.Forms["tag-form"]!);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var after = app.CreateDbContext();
        var final = await after.Claims.SingleAsync(c => c.Id == claimId);
        Assert.Equal((ClaimStatus.NotApplicable, "Bob's note", 2), (final.Status, final.ReviewNote, final.Revision));
        Assert.Equal(2, await after.AuditEntries.CountAsync(a => a.ClaimId == claimId));
    }

    private async Task<string> StateAsync(long claimId)
    {
        await using var db = app.CreateDbContext();
        var claim = await db.Claims.Include(c => c.Evidence).SingleAsync(c => c.Id == claimId);
        var audit = await db.AuditEntries.CountAsync(a => a.ClaimId == claimId);
        return $"{claim.Status} {claim.ReviewNote} r{claim.Revision} e{claim.Evidence.Count} a{audit}";
    }
}
