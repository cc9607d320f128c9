using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Editing;

/// <summary>Editors' work across re-ingests, contradiction reviews, bulk tagging and the audit history.</summary>
public sealed class ReviewWorkflowTests
{
    private const string Help = """
        # Acme privacy help

        Acme does not use your conversations to train its models unless you opt in.

        Deleted conversations are removed from Acme's servers within 30 days.

        Acme keeps your account data for 2 years after you close your account.
        """;

    // Titled like the help page, so both are about Acme: the extractor takes an unknown company's name from a title
    // such as "Acme privacy …".
    private const string Blog = "Acme privacy notes\n\nAcme trains its models on your conversations unless you opt out.\n";

    [Fact]
    public async Task Reingest_NewBytes_KeepsTagsOnClaimsStillThereAndRecordsTheOnesGone()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, ("acme-help.md", Help));
        var training = await ClaimIdAsync(app, "acme-help.md", "training.default");
        var deleted = await ClaimIdAsync(app, "acme-help.md", "retention.deleted_chats");
        var closed = await ClaimIdAsync(app, "acme-help.md", "retention.closed_account");
        using var editor = await app.SignInAsync(Roles.Editor);
        await TagAsync(editor, training, "Verified", "Checked against the policy.", passage: ("Not used unless you opt in.", "Acme policy, May 2026"));
        await TagAsync(editor, closed, "Disputed", "Which account data?");

        // Act: a new version moves the training sentence, drops the closed-account sentence, adds one.
        var v2 = Help.Replace("Acme keeps your account data for 2 years after you close your account.", "", StringComparison.Ordinal)
            .Replace("# Acme privacy help\n", "# Acme privacy help\n\nUpdated in June.\n", StringComparison.Ordinal)
            + "\nAcme keeps logs for 90 days.\n";
        await IngestAsync(app, ("acme-help.md", v2));

        // Assert
        await using var db = app.CreateDbContext();
        var kept = await db.Claims.Include(c => c.Evidence).SingleAsync(c => c.Id == training);
        Assert.Equal((ClaimStatus.Verified, "Checked against the policy.", 1), (kept.Status, kept.ReviewNote, kept.Revision));
        Assert.Equal("Acme policy, May 2026", Assert.Single(kept.Evidence).SourceName);
        var text = await db.Sources.Where(s => s.FileName == "acme-help.md").Select(s => s.Text).SingleAsync();
        Assert.Equal(kept.Quote, text[kept.Start..kept.End]);
        Assert.True(await db.Claims.AnyAsync(c => c.Id == deleted && c.Status == ClaimStatus.Unreviewed));
        Assert.False(await db.Claims.AnyAsync(c => c.Id == closed));
        var gone = await db.AuditEntries.SingleAsync(a => a.ClaimId == closed && a.Action == AuditAction.ClaimRemovedByIngest);
        Assert.Equal(("Disputed", "Which account data?", AuditActors.Ingest), (gone.From, gone.Note, gone.Actor));

        var page = await editor.GetDocumentAsync($"/Claims/{training}");
        Assert.Equal("Verified", page.GetElementById("claim-status")!.TextContent.Trim());
        Assert.Contains("Checked against the policy.", page.GetElementById("history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContradictionReview_DismissedWithReason_StaysDismissedAfterReingest()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, ("acme-help.md", Help), ("acme-blog.txt", Blog));
        using var editor = await app.SignInAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync("/Contradictions");
        var form = ReviewForm(page, "training.default");

        // Act
        using var saved = await editor.SubmitAsync(form, new()
        {
            ["Input.State"] = "Dismissed", ["Input.Reason"] = "DifferentTime", ["Input.Note"] = "The blog is from 2023.",
        });
        await IngestAsync(app, ("acme-blog.txt", Blog + "Updated: nothing changed.\n"), ("acme-help.md", Help + "\nMore soon.\n"));
        var after = await editor.GetDocumentAsync("/Contradictions?state=Dismissed");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var finding = Assert.Single(after.QuerySelectorAll("article.finding"));
        Assert.Equal("Dismissed", finding.QuerySelector(".review-state")!.GetAttribute("data-review-state"));
        Assert.Contains("Dismissed (different time)", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("The blog is from 2023.", finding.TextContent, StringComparison.Ordinal);
        Assert.Empty((await editor.GetDocumentAsync("/Contradictions?state=Open")).QuerySelectorAll("article.finding"));
        var overview = await editor.GetDocumentAsync("/");
        Assert.Equal(("1", "0"), (overview.GetElementById("contradiction-count")!.TextContent.Trim(), overview.GetElementById("open-count")!.TextContent.Trim()));
        Assert.Contains("Dismissed", overview.QuerySelector("ol.disputed")!.TextContent, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ContradictionReviewed);
        Assert.Equal(("Open", "Dismissed (different time)", "training.default"), (entry.From, entry.To, entry.Topic));
    }

    [Fact]
    public async Task ContradictionReview_DismissedWithoutReasonOrStale_RefusedAndNothingChanges()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, ("acme-help.md", Help), ("acme-blog.txt", Blog));
        using var alice = await app.SignInAsync(Roles.Editor);
        using var bob = await app.SignInAsync(Roles.Editor);
        var alicePage = await alice.GetDocumentAsync("/Contradictions");
        var bobPage = await bob.GetDocumentAsync("/Contradictions");

        // Act
        using var noReason = await alice.SubmitAsync(ReviewForm(alicePage, "training.default"), new() { ["Input.State"] = "Dismissed", ["Input.Reason"] = "" });
        using var confirmed = await alice.SubmitAsync(ReviewForm(alicePage, "training.default"), new() { ["Input.State"] = "Confirmed", ["Input.Note"] = "Alice confirms" });
        using var stale = await bob.SubmitAsync(ReviewForm(bobPage, "training.default"), new() { ["Input.State"] = "Dismissed", ["Input.Reason"] = "DifferentScope" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why", (await FormClient.ParseAsync(noReason)).GetElementById("review-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Alice confirms", (await FormClient.ParseAsync(stale)).GetElementById("review-stale")!.TextContent, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var review = await db.ContradictionReviews.SingleAsync();
        Assert.Equal((ContradictionState.Confirmed, 1), (review.State, review.Revision));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.ContradictionReviewed));
    }

    [Fact]
    public async Task BulkTag_FromClaimsPage_TagsEveryTickedClaimWithOneHistoryEntryEach()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, ("acme-help.md", Help), ("acme-blog.txt", Blog));
        using var editor = await app.SignInAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync("/Claims?source=acme-help");
        var ticked = page.QuerySelectorAll("input[name='Bulk.Selected']").Select(i => i.GetAttribute("value")!).ToArray();

        // Act
        using var response = await editor.SubmitAsync(page.Forms["bulk-form"]!,
            new() { ["Bulk.Status"] = "NotApplicable", ["Bulk.Note"] = "Help page, not policy" },
            new() { ["Bulk.Selected"] = ticked });

        // Assert
        Assert.Equal(3, ticked.Length);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("source=acme-help", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var statuses = await db.Claims.Where(c => c.Source!.FileName == "acme-help.md").Select(c => c.Status).ToListAsync();
        Assert.All(statuses, s => Assert.Equal(ClaimStatus.NotApplicable, s));
        Assert.Equal(ClaimStatus.Unreviewed, await db.Claims.Where(c => c.Source!.FileName == "acme-blog.txt").Select(c => c.Status).SingleAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.To == "NotApplicable" && a.Note == "Help page, not policy"));
    }

    [Fact]
    public async Task BulkTag_OneTickedClaimChangedMeanwhile_NothingSavedAndTheNewerValueShown()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, ("acme-help.md", Help), ("acme-blog.txt", Blog));
        using var alice = await app.SignInAsync(Roles.Editor);
        using var bob = await app.SignInAsync(Roles.Editor);
        var bobPage = await bob.GetDocumentAsync("/Compare?subject=acme");
        var ticked = bobPage.QuerySelectorAll("input[name='Bulk.Selected']").Select(i => i.GetAttribute("value")!).ToArray();
        var blogClaim = await ClaimIdAsync(app, "acme-blog.txt", "training.default");
        await TagAsync(alice, blogClaim, "Disputed", "Alice got here first");

        // Act
        using var response = await bob.SubmitAsync(bobPage.Forms["bulk-form"]!,
            new() { ["Bulk.Status"] = "Verified", ["Bulk.Evidence.Passage"] = "Quoted.", ["Bulk.Evidence.PassageSource"] = "Acme policy" },
            new() { ["Bulk.Selected"] = ticked });

        // Assert
        Assert.Equal(4, ticked.Length);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var stale = (await FormClient.ParseAsync(response)).GetElementById("bulk-stale")!.TextContent;
        Assert.Contains($"Claim {blogClaim} is now Disputed", stale, StringComparison.Ordinal);
        Assert.Contains("Alice got here first", stale, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Claims.CountAsync(c => c.Status == ClaimStatus.Verified));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.ClaimId != null));
    }

    [Fact]
    public async Task AuditHistory_UpdateOrDelete_RefusedByTheDatabaseAndTheContext()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, ("acme-blog.txt", Blog));
        using var editor = await app.SignInAsync(Roles.Editor);
        await TagAsync(editor, await ClaimIdAsync(app, "acme-blog.txt", "training.default"), "Disputed", "kept forever");
        await using var db = app.CreateDbContext();

        // Act
        var update = await Record.ExceptionAsync(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.Note, "rewritten")));
        var delete = await Record.ExceptionAsync(() => db.AuditEntries.ExecuteDeleteAsync());
        var entry = await db.AuditEntries.SingleAsync(a => a.ClaimId != null);
        entry.Note = "rewritten";
        var tracked = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        // Assert
        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", tracked?.Message, StringComparison.Ordinal);
        await using var fresh = app.CreateDbContext();
        Assert.Equal("kept forever", (await fresh.AuditEntries.SingleAsync(a => a.ClaimId != null)).Note);
    }

    [Fact]
    public async Task ActivityFeed_ShowsReviewsNewestFirst_AccountChangesOnlyToAdmins()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, ("acme-help.md", Help));
        var editorEmail = await app.AddUserAsync(Roles.Editor);
        using var editor = await app.SignInAsync(Roles.Editor, editorEmail);
        await TagAsync(editor, await ClaimIdAsync(app, "acme-help.md", "training.default"), "Disputed", "first");
        await TagAsync(editor, await ClaimIdAsync(app, "acme-help.md", "retention.deleted_chats"), "NotApplicable", "second");
        using var admin = await app.SignInAsync(Roles.Admin);

        // Act
        var asReader = await app.Anonymous().GetDocumentAsync("/Activity");
        var asAdmin = await admin.GetDocumentAsync("/Activity");

        // Assert
        var entries = asReader.QuerySelectorAll("#activity > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains("second", entries[0], StringComparison.Ordinal);
        Assert.Contains(editorEmail, entries[1], StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Contains("added as", StringComparison.Ordinal));
        Assert.Contains(asAdmin.QuerySelectorAll("#activity > li"), li => li.TextContent.Contains($"user {editorEmail}", StringComparison.Ordinal));
    }

    private static async Task IngestAsync(TestApp app, params (string Name, string Text)[] files)
    {
        _ = app.Factory.Services;
        var paths = files.Select(f => app.WriteFile(f.Name, f.Text)).ToArray();
        var result = await app.RunCliAsync(["ingest", .. paths]);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }

    private static async Task<long> ClaimIdAsync(TestApp app, string file, string topic)
    {
        await using var db = app.CreateDbContext();
        return await db.Claims.Where(c => c.Source!.FileName == file && c.Topic == topic).Select(c => c.Id).SingleAsync();
    }

    private static async Task TagAsync(FormClient client, long claimId, string status, string note, (string Passage, string Source)? passage = null)
    {
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");
        using var response = await client.SubmitAsync(page.Forms["tag-form"]!, new()
        {
            ["Input.Status"] = status,
            ["Input.Note"] = note,
            ["Input.Evidence.Passage"] = passage?.Passage,
            ["Input.Evidence.PassageSource"] = passage?.Source,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static AngleSharp.Html.Dom.IHtmlFormElement ReviewForm(AngleSharp.Html.Dom.IHtmlDocument page, string topic) =>
        page.QuerySelectorAll("form.review-form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name='Input.Topic']")!.GetAttribute("value") == topic);
}
