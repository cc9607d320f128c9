using System.Globalization;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class EditorReviewTests(BrowserFixture browser)
{
    private const string Password = "a long password for the browser test";

    [Fact]
    public async Task Editor_TagsClaimContradictedWithEvidence_SeesItInHistory_SecondEditorsStaleSaveRefused()
    {
        // Arrange: two editors, each in their own browser context, open the same disputed claim.
        var alice = $"alice-{Guid.NewGuid():N}@example.org";
        var bob = $"bob-{Guid.NewGuid():N}@example.org";
        await browser.App.AddUserAsync(alice, "Editor", Password);
        await browser.App.AddUserAsync(bob, "Editor", Password);
        await using var aliceSession = await browser.NewPageAsync();
        await using var bobSession = await browser.NewPageAsync();
        var (alicePage, dialogs) = aliceSession;
        var bobPage = bobSession.Page;

        await new SignInScreen(alicePage).SignInAsync(alice, Password);
        var contradictions = await new ContradictionsScreen(alicePage).OpenAsync();
        var (aliceClaim, claimIdText) = await contradictions.OpenFirstClaimAsync();
        var claimId = long.Parse(claimIdText, CultureInfo.InvariantCulture);
        var disagreeing = alicePage.Locator("#others tbody tr.row-conflict").First;
        var evidenceId = long.Parse(
            (await disagreeing.Locator("input[type=checkbox]").GetAttributeAsync("value"))!, CultureInfo.InvariantCulture);

        await new SignInScreen(bobPage).SignInAsync(bob, Password);
        var bobClaim = await new ClaimScreen(bobPage).OpenAsync(claimId);

        // Act: Alice tags it contradicted, citing the disagreeing claim.
        await aliceClaim.FillReviewAsync("Contradicted", "The provider's own policy says otherwise.");
        await aliceClaim.TickEvidenceAsync(evidenceId);
        await aliceClaim.SaveReviewAsync();

        // Assert
        await Assertions.Expect(alicePage.Locator("#flash")).ToContainTextAsync("Contradicted");
        await Assertions.Expect(aliceClaim.Status).ToHaveTextAsync("Contradicted");
        await Assertions.Expect(aliceClaim.History).ToHaveCountAsync(1);
        var entry = await aliceClaim.History.First.InnerTextAsync();
        Assert.Contains("Unreviewed → Contradicted", entry, StringComparison.Ordinal);
        Assert.Contains(alice, entry, StringComparison.Ordinal);
        Assert.Contains($"(claim {evidenceId})", entry, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(alicePage, "claim-reviewed");

        // Act: Bob, still on the page he opened before Alice saved, saves his own verdict.
        await bobClaim.FillReviewAsync("Not applicable", "Bob's view");
        await bobClaim.SaveReviewAsync();

        // Assert: refused, with Alice's value shown; nothing of hers is lost.
        await Assertions.Expect(bobClaim.StaleWarning).ToBeVisibleAsync();
        var warning = await bobClaim.StaleWarning.InnerTextAsync();
        Assert.Contains(alice, warning, StringComparison.Ordinal);
        Assert.Contains("Contradicted", warning, StringComparison.Ordinal);
        await Assertions.Expect(bobClaim.Status).ToHaveTextAsync("Contradicted");
        await Assertions.Expect(bobClaim.History).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(bobPage, "claim-stale-save");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Editor_DismissesContradictionWithReason_AdminSeesItInActivity()
    {
        // Arrange
        var editor = $"carol-{Guid.NewGuid():N}@example.org";
        var admin = $"admin-{Guid.NewGuid():N}@example.org";
        await browser.App.AddUserAsync(editor, "Editor", Password);
        await browser.App.AddUserAsync(admin, "Admin", Password);
        await using var editorSession = await browser.NewPageAsync();
        await using var adminSession = await browser.NewPageAsync();
        var page = editorSession.Page;
        await new SignInScreen(page).SignInAsync(editor, Password);
        await page.GotoAsync("/Contradictions?topic=training.setting_timing");
        var finding = page.Locator("article.finding").First;

        // Act
        await finding.Locator("summary", new() { HasText = "Review this contradiction" }).ClickAsync();
        await finding.GetByRole(AriaRole.Radio, new() { Name = "Dismissed" }).CheckAsync();
        await finding.GetByLabel("Reason, when dismissed").SelectOptionAsync("DifferentTime");
        await finding.GetByLabel("Note").FillAsync("The article predates the policy change.");
        await finding.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();

        // Assert
        await Assertions.Expect(page.Locator("#flash")).ToContainTextAsync("Dismissed (different time)");
        await Assertions.Expect(page.Locator("article.finding").First.Locator(".review-state")).ToContainTextAsync("Dismissed (different time)");
        await BrowserFixture.ScreenshotAsync(page, "contradiction-reviewed", fullPage: false);

        var adminPage = adminSession.Page;
        await new SignInScreen(adminPage).SignInAsync(admin, Password);
        await adminPage.GotoAsync("/Activity");
        await Assertions.Expect(adminPage.Locator("#activity")).ToContainTextAsync("Open → Dismissed (different time)");
        await Assertions.Expect(adminPage.Locator("#activity")).ToContainTextAsync($"user {editor}");
        await BrowserFixture.ScreenshotAsync(adminPage, "activity", fullPage: false);
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(adminPage.Locator("#accounts")).ToContainTextAsync(editor);
        await BrowserFixture.ScreenshotAsync(adminPage, "admin-users", fullPage: false);
    }
}
