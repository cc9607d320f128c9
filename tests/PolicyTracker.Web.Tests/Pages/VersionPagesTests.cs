using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>A source's history, the diff between two versions, and what a claim says about its versions.</summary>
public sealed class VersionPagesTests(VersionsApp app) : IClassFixture<VersionsApp>
{
    [Fact]
    public async Task History_ThreeVersions_NewestFirstWithBothDatesAndCurrentMarked()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.OpenAiId}/History");

        // Assert
        var rows = page.QuerySelectorAll("#versions tbody tr").ToList();
        Assert.Equal(["version-3", "version-2", "version-1"], rows.Select(r => r.Id));
        Assert.Equal(["2025-11-01", "2025-10-01", "2025-03-10"], rows.Select(r => r.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Contains("states 2025-10-30", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("openai-1.md", rows[2].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[0].QuerySelector(".badge-current"));
        Assert.Null(rows[1].QuerySelector(".badge-current"));
        var changesIntoTwo = rows[1].QuerySelector("a")!;
        Assert.Equal($"/Sources/{app.OpenAiId}/Diff?from=1&to=2", changesIntoTwo.GetAttribute("href"));
        Assert.Equal("1 change", changesIntoTwo.TextContent.Trim());
        Assert.Equal("first version", rows[2].QuerySelector("td:last-child")!.TextContent.Trim());
    }

    [Fact]
    public async Task History_CompareForm_GetsTheDiffOfThePickedVersions()
    {
        // Arrange
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync($"/Sources/{app.OpenAiId}/History");
        var form = page.Forms["compare-form"]!;

        // Act
        using var response = await client.Http.GetAsync($"{form.GetAttribute("action")}?from=1&to=3");

        // Assert
        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("2", page.QuerySelector("#from option[selected]")!.GetAttribute("value"));
        Assert.Equal("3", page.QuerySelector("#to option[selected]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SourceDetails_Versioned_LinksToHistory()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.OpenAiId}");

        // Assert
        Assert.Equal($"/Sources/{app.OpenAiId}/History", page.GetElementById("history-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Diff_ConsecutiveVersions_SummarySideBySideWordsAndClaimsMarked()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.OpenAiId}/Diff?from=1&to=2");

        // Assert: the typed change above the texts.
        var summary = Assert.Single(page.QuerySelectorAll("#summary-changes tbody tr"));
        Assert.Contains("opt-in → opt-out", summary.QuerySelector(".change-values")!.TextContent.Replace("to", "", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("explicitly opt in", summary.QuerySelector("del.quote-old")!.TextContent, StringComparison.Ordinal);

        // The edited training line, its changed words marked on each side.
        var changed = page.QuerySelectorAll(".diff-row.diff-changed").Single(r => r.TextContent.Contains("train", StringComparison.Ordinal));
        Assert.Contains("explicitly", string.Concat(changed.QuerySelectorAll(".diff-old del").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Contains("may", string.Concat(changed.QuerySelectorAll(".diff-new ins").Select(d => d.TextContent)), StringComparison.Ordinal);

        // Each side's claim marked; neither version is the current one, so neither links to a claim page.
        var oldMark = changed.QuerySelector(".diff-old mark.claim")!;
        var newMark = changed.QuerySelector(".diff-new mark.claim")!;
        Assert.Contains("training.default = opt-in", oldMark.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("training.default = opt-out", newMark.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(changed.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task Diff_ToTheCurrentVersion_ItsClaimsLinkToTheirPages()
    {
        // Arrange
        var claimId = await ClaimIdAsync(app.OpenAiId, "retention.deleted_chats");

        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.OpenAiId}/Diff?from=2&to=3");

        // Assert
        var changed = page.QuerySelectorAll(".diff-row.diff-changed").Single(r => r.TextContent.Contains("Deleted chats", StringComparison.Ordinal));
        Assert.Contains("P90D", changed.QuerySelector($".diff-new a[href='/Claims/{claimId}'] mark.claim")!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(changed.QuerySelectorAll(".diff-old a"));
    }

    [Fact]
    public async Task Diff_LongUnchangedRun_FoldedInDetailsStillThere()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.OpenAiId}/Diff?from=2&to=3");

        // Assert
        var fold = page.QuerySelector("details.diff-fold")!;
        Assert.Matches("^\\d+ unchanged lines", fold.QuerySelector("summary")!.TextContent);
        Assert.Contains("Section 5 explains nothing", fold.TextContent, StringComparison.Ordinal);
        Assert.Null(fold.QuerySelector(".diff-changed, .diff-added, .diff-removed"));
    }

    [Fact]
    public async Task Diff_NonConsecutiveVersions_ListsTheChangesOfEveryStep()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.OpenAiId}/Diff?from=3&to=1");

        // Assert: picked the wrong way round, still older on the left; both steps' changes listed.
        Assert.Contains("version 1 against version 3", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var steps = page.QuerySelectorAll("#summary-changes tbody tr").Select(r => r.QuerySelector("a.diff-link")!.GetAttribute("href")).ToList();
        Assert.Equal([$"/Sources/{app.OpenAiId}/Diff?from=1&to=2", $"/Sources/{app.OpenAiId}/Diff?from=2&to=3"], steps);
    }

    [Theory]
    [InlineData("?from=1&to=9", HttpStatusCode.NotFound, "no version 9")]
    [InlineData("?from=2&to=2", HttpStatusCode.BadRequest, "compared with itself")]
    [InlineData("", HttpStatusCode.BadRequest, "Pick two versions")]
    public async Task Diff_VersionsItCannotCompare_RefusedWithAReason(string query, HttpStatusCode status, string reason)
    {
        // Arrange
        using var client = app.Anonymous();

        // Act
        using var response = await client.Http.GetAsync($"/Sources/{app.OpenAiId}/Diff{query}");

        // Assert
        Assert.Equal(status, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains(reason, page.GetElementById("diff-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("diff"));
    }

    [Fact]
    public async Task Diff_UnknownSource_NotFound()
    {
        // Arrange
        using var client = app.Anonymous();

        // Act
        using var response = await client.Http.GetAsync("/Sources/999999/Diff?from=1&to=2");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Diff_LegacyVersionWithoutText_SaysSoAndStillListsTheChange()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Sources/{app.MistralId}/Diff?from=1&to=2");

        // Assert
        Assert.Contains("Version 1 was stored before versions kept their text", page.GetElementById("diff-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("diff"));
        Assert.Single(page.QuerySelectorAll("#summary-changes tbody tr"));
    }

    [Fact]
    public async Task Claim_ChangedInALaterVersion_SaysSinceThatVersion()
    {
        // Arrange
        var claimId = await ClaimIdAsync(app.OpenAiId, "training.default");

        // Act
        var page = await app.GetDocumentAsync($"/Claims/{claimId}");

        // Assert
        Assert.Equal("since version 2 (2025-10-01)", page.GetElementById("claim-since")!.TextContent.Trim());
    }

    [Fact]
    public async Task Claim_SameValueSinceTheFirstVersion_SaysSinceVersionOne()
    {
        // Arrange
        var claimId = await ClaimIdAsync(app.AnthropicId, "training.default");

        // Act
        var page = await app.GetDocumentAsync($"/Claims/{claimId}");

        // Assert
        Assert.Equal("since version 1 (2025-01-05)", page.GetElementById("claim-since")!.TextContent.Trim());
        Assert.Null(page.GetElementById("quote-changed"));
    }

    [Fact]
    public async Task Claim_FirstVersionWithoutText_SinceTheFirstVersionWithText()
    {
        // Arrange: Mistral's training value changed into version 2; its retention never changed, and version 1 lost its text.
        var claimId = await ClaimIdAsync(app.MistralId, "retention.deleted_chats");

        // Act
        var page = await app.GetDocumentAsync($"/Claims/{claimId}");

        // Assert
        Assert.Equal("since version 2 (2025-05-05)", page.GetElementById("claim-since")!.TextContent.Trim());
    }

    [Fact]
    public async Task Claim_QuoteRewordedAfterReview_NoticeWithOldAndNewWords()
    {
        // Arrange
        var claimId = await ClaimIdAsync(app.AnthropicId, "retention.deleted_chats");

        // Act
        var page = await app.GetDocumentAsync($"/Claims/{claimId}");

        // Assert
        var notice = page.GetElementById("quote-changed")!;
        Assert.Contains("Quote changed in a new version", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("Deleted chats are removed within 30 days", page.GetElementById("previous-quote")!.TextContent);
        Assert.Contains("permanently removed", page.GetElementById("current-quote")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_StatusSetAgainAfterRewording_ClearsTheNoticeAndSaysSoInTheHistory()
    {
        // Arrange: a claim of its own, reviewed on words a new version changed; the same status is set again, so
        // only the re-review makes it a save.
        var claimId = await ClaimIdAsync(app.MistralId, "training.default");
        await using (var setup = app.CreateDbContext())
        {
            var claim = await setup.Claims.SingleAsync(c => c.Id == claimId);
            (claim.Status, claim.PreviousQuote) = (ClaimStatus.Disputed, "Mistral's older words");
            await setup.SaveChangesAsync();
        }

        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");

        // Act
        using var response = await client.SubmitAsync(page.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Claims.Where(c => c.Id == claimId).Select(c => c.PreviousQuote).SingleAsync());
        var entry = await db.AuditEntries.Where(a => a.ClaimId == claimId).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("reviewed again on its new quote", entry.Target, StringComparison.Ordinal);
        var after = await client.GetDocumentAsync($"/Claims/{claimId}");
        Assert.Null(after.GetElementById("quote-changed"));
    }

    private async Task<long> ClaimIdAsync(long sourceId, string topic)
    {
        await using var db = app.CreateDbContext();
        return await db.Claims.Where(c => c.SourceId == sourceId && c.Topic == topic).Select(c => c.Id).SingleAsync();
    }
}
