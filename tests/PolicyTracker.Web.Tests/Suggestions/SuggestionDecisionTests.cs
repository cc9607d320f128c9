using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Suggestions;

/// <summary>Accepting and rejecting suggestions: stored, audited, guarded by role, antiforgery and revision.</summary>
public sealed class SuggestionDecisionTests(SuggestionApp app) : IClassFixture<SuggestionApp>
{
    [Fact]
    public async Task Ingest_BelowThreshold_StoredAsPendingSuggestionsAndLeftOutOfClaims()
    {
        // Act
        var claims = await app.IngestAsync("storage-policy.txt", SuggestionApp.PolicyText("Anthropic"));
        var suggestions = await app.IngestAsync("storage-forum.txt", SuggestionApp.ForumText("Anthropic"), SuggestionApp.AllSuggestions);

        // Assert
        Assert.Equal(["retention.deleted_chats", "training.default"], claims.Keys.Order());
        Assert.Equal(["retention.deleted_chats", "rights.export", "training.default"], suggestions.Keys.Order());
        foreach (var id in claims.Values)
        {
            var claim = await app.ClaimAsync(id);
            Assert.Equal(SuggestionState.None, claim.Suggestion);
            Assert.InRange(claim.Confidence, Confidence.DefaultThreshold, 1.0);
        }

        foreach (var id in suggestions.Values)
        {
            var suggestion = await app.ClaimAsync(id);
            Assert.Equal((SuggestionState.Pending, 0), (suggestion.Suggestion, suggestion.Revision));
            Assert.InRange(suggestion.Confidence, 0.0, 1.0);
        }

        await using var db = app.CreateDbContext();
        Assert.Empty(db.Claims.Where(c => suggestions.Values.Contains(c.Id)));
        Assert.Equal(2, db.Claims.Count(c => claims.Values.Contains(c.Id)));
    }

    [Fact]
    public async Task Ingest_ThresholdOutOfRange_RefusedAsConfiguration()
    {
        // Act
        var path = app.WriteFile("threshold.txt", SuggestionApp.PolicyText("Anthropic"));
        var result = await app.RunCliAsync("ingest", path, "--Extraction:SuggestionThreshold=60");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SuggestionThreshold", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecidePost_EditorAcceptsOnSuggestionsPage_BecomesClaimWithHistory()
    {
        // Arrange
        var ids = await app.IngestAsync("accept-forum.txt", SuggestionApp.ForumText("Mistral"), SuggestionApp.AllSuggestions);
        var id = ids["training.default"];
        var email = await app.AddUserAsync(Roles.Editor);
        using var client = await app.SignInAsync(Roles.Editor, email);
        var page = await client.GetDocumentAsync("/Suggestions?source=accept-forum");
        Assert.Equal(3, page.QuerySelectorAll("#suggestions tbody tr").Length);

        // Act
        using var response = await client.SubmitAsync(Form(page, id), new() { ["Decision.Choice"] = "Accept", ["Decision.Note"] = "The help page says so too." });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Suggestions?source=accept-forum", response.Headers.Location?.OriginalString);
        var claim = await app.ClaimAsync(id);
        Assert.Equal((SuggestionState.Accepted, 1), (claim.Suggestion, claim.Revision));
        var entry = Assert.Single(await app.HistoryAsync(id));
        Assert.Equal(
            (email, AuditAction.SuggestionDecided, "Pending", "Accepted", "The help page says so too."),
            (entry.Actor, entry.Action, entry.From, entry.To, entry.Note));

        var after = await client.GetDocumentAsync("/Suggestions?source=accept-forum");
        Assert.Equal(2, after.QuerySelectorAll("#suggestions tbody tr").Length);
        Assert.Null(after.GetElementById($"suggestion-{id}"));
        var listed = await client.GetDocumentAsync("/Claims?source=accept-forum");
        Assert.Equal([id.ToString(CultureInfo.InvariantCulture)], ClaimLinks(listed));
        var claimPage = await client.GetDocumentAsync($"/Claims/{id}");
        Assert.Equal("Accepted", claimPage.GetElementById("suggestion-state")!.GetAttribute("data-state"));
        Assert.Contains("suggestion Pending → Accepted", claimPage.GetElementById("history")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(claimPage.Forms["tag-form"]);
    }

    [Fact]
    public async Task DecidePost_EditorRejectsOnClaimPage_KeptRejectedAndHiddenFromLists()
    {
        // Arrange
        var ids = await app.IngestAsync("reject-forum.txt", SuggestionApp.ForumText("Cohere"), SuggestionApp.AllSuggestions);
        var id = ids["rights.export"];
        var email = await app.AddUserAsync(Roles.Editor);
        using var client = await app.SignInAsync(Roles.Editor, email);
        var page = await client.GetDocumentAsync($"/Claims/{id}");
        Assert.Equal("Pending", page.GetElementById("suggestion-state")!.GetAttribute("data-state"));
        Assert.Null(page.Forms["tag-form"]);

        // Act
        using var response = await client.SubmitAsync(page.Forms["decide-form"]!, new() { ["Decision.Choice"] = "Reject", ["Decision.Note"] = "Not what the forum says." });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Claims/{id}", response.Headers.Location?.OriginalString);
        var claim = await app.ClaimAsync(id);
        Assert.Equal((SuggestionState.Rejected, 1), (claim.Suggestion, claim.Revision));
        var entry = Assert.Single(await app.HistoryAsync(id));
        Assert.Equal((email, "Pending", "Rejected", "Not what the forum says."), (entry.Actor, entry.From, entry.To, entry.Note));

        var claimPage = await client.GetDocumentAsync($"/Claims/{id}");
        Assert.Equal("Rejected", claimPage.GetElementById("suggestion-state")!.GetAttribute("data-state"));
        Assert.Contains(email, claimPage.GetElementById("suggestion-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(claimPage.Forms["decide-form"]);
        var suggestions = await client.GetDocumentAsync("/Suggestions?source=reject-forum");
        Assert.Null(suggestions.GetElementById($"suggestion-{id}"));
        var listed = await client.GetDocumentAsync("/Claims?source=reject-forum");
        Assert.Empty(ClaimLinks(listed));
        Assert.Equal("No claims", listed.GetElementById("result-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task DecidePost_Anonymous_SentToSignInAndNothingChanges()
    {
        // Arrange: a visitor sees the list without forms, so it forges one with an antiforgery token of its own.
        var ids = await app.IngestAsync("anonymous-forum.txt", SuggestionApp.ForumText("Perplexity"), SuggestionApp.AllSuggestions);
        var id = ids["training.default"];
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Suggestions?source=anonymous-forum");
        Assert.NotNull(page.GetElementById($"suggestion-{id}"));
        Assert.Empty(page.QuerySelectorAll("form.decide-form"));
        Assert.Null((await client.GetDocumentAsync($"/Claims/{id}")).Forms["decide-form"]);
        var signIn = await client.GetDocumentAsync("/Account/SignIn");

        // Act
        using var list = await client.Http.PostAsync("/Suggestions?handler=Decide", Decide(signIn, id, "Accept"));
        using var claimPage = await client.Http.PostAsync($"/Claims/{id}?handler=Decide", Decide(signIn, id, "Reject"));

        // Assert
        Assert.All([list, claimPage], r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/Account/SignIn", r.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        });
        Assert.Equal((SuggestionState.Pending, 0), Decided(await app.ClaimAsync(id)));
        Assert.Empty(await app.HistoryAsync(id));
    }

    [Fact]
    public async Task DecidePost_Reader_ForbiddenAndNothingChanges()
    {
        // Arrange: a reader's pages carry a valid token (the sign-out form) but no decision forms.
        var ids = await app.IngestAsync("reader-forum.txt", SuggestionApp.ForumText("DeepSeek"), SuggestionApp.AllSuggestions);
        var id = ids["training.default"];
        using var client = await app.SignInAsync(Roles.Reader);
        var page = await client.GetDocumentAsync("/Suggestions");
        Assert.Empty(page.QuerySelectorAll("form.decide-form"));

        // Act
        using var list = await client.Http.PostAsync("/Suggestions?handler=Decide", Decide(page, id, "Accept"));
        using var claimPage = await client.Http.PostAsync($"/Claims/{id}?handler=Decide", Decide(page, id, "Reject"));

        // Assert
        Assert.All([list, claimPage], r => Assert.StartsWith("/Account/AccessDenied", r.Headers.Location!.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal((SuggestionState.Pending, 0), Decided(await app.ClaimAsync(id)));
        Assert.Empty(await app.HistoryAsync(id));
    }

    [Fact]
    public async Task DecidePost_EditorWithoutAntiforgeryToken_Refused()
    {
        // Arrange
        var ids = await app.IngestAsync("token-forum.txt", SuggestionApp.ForumText("xAI"), SuggestionApp.AllSuggestions);
        var id = ids.Values.First();
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{id}");

        // Act
        using var response = await client.SubmitAsync(page.Forms["decide-form"]!, new() { ["__RequestVerificationToken"] = null, ["Decision.Choice"] = "Accept" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((SuggestionState.Pending, 0), Decided(await app.ClaimAsync(id)));
    }

    [Fact]
    public async Task DecidePost_StaleRevision_RefusedWithTheOtherDecisionShown()
    {
        // Arrange: two editors open the list; the first accepts.
        var ids = await app.IngestAsync("stale-forum.txt", SuggestionApp.ForumText("Amazon"), SuggestionApp.AllSuggestions);
        var id = ids["retention.deleted_chats"];
        var first = await app.AddUserAsync(Roles.Editor);
        using var alice = await app.SignInAsync(Roles.Editor, first);
        using var bob = await app.SignInAsync(Roles.Editor);
        var alicePage = await alice.GetDocumentAsync("/Suggestions?source=stale-forum");
        var bobPage = await bob.GetDocumentAsync("/Suggestions?source=stale-forum");
        var bobClaimPage = await bob.GetDocumentAsync($"/Claims/{id}");
        using var accepted = await alice.SubmitAsync(Form(alicePage, id), new() { ["Decision.Choice"] = "Accept" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // Act: the second, on pages loaded before that, rejects.
        using var fromList = await bob.SubmitAsync(Form(bobPage, id), new() { ["Decision.Choice"] = "Reject" });
        using var fromClaim = await bob.SubmitAsync(bobClaimPage.Forms["decide-form"]!, new() { ["Decision.Choice"] = "Reject" });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, fromList.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fromClaim.StatusCode);
        var shown = await FormClient.ParseAsync(fromList);
        Assert.Contains(first, shown.GetElementById("decide-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Accepted", shown.GetElementById("decide-problem")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await FormClient.ParseAsync(fromClaim)).GetElementById("decide-stale"));
        Assert.Equal((SuggestionState.Accepted, 1), Decided(await app.ClaimAsync(id)));
        Assert.Equal(["Accepted"], (await app.HistoryAsync(id)).Select(a => a.To));
    }

    [Fact]
    public async Task DecidePost_NoChoiceOrAlreadyDecided_RefusedWithReason()
    {
        // Arrange
        var ids = await app.IngestAsync("invalid-forum.txt", SuggestionApp.ForumText("Apple"), SuggestionApp.AllSuggestions);
        var id = ids["rights.export"];
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync("/Suggestions?source=invalid-forum");

        // Act
        using var noChoice = await client.SubmitAsync(Form(page, id));
        using var tooLong = await client.SubmitAsync(Form(page, id), new() { ["Decision.Choice"] = "Reject", ["Decision.Note"] = new string('n', ReviewLimits.NoteLength + 1) });
        var beforeTwice = Decided(await app.ClaimAsync(id));
        using var reject = await client.SubmitAsync(Form(page, id), new() { ["Decision.Choice"] = "Reject" });
        using var again = await client.SubmitAsync(Form(page, id), new() { ["Decision.Choice"] = "Accept", ["Decision.Revision"] = "1" });

        // Assert
        Assert.Equal((SuggestionState.Pending, 0), beforeTwice);
        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        Assert.Contains("accept or reject", (await FormClient.ParseAsync(noChoice)).GetElementById("decide-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("rejected already", (await FormClient.ParseAsync(again)).GetElementById("decide-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((SuggestionState.Rejected, 1), Decided(await app.ClaimAsync(id)));
    }

    [Fact]
    public async Task Overview_CountsSuggestionsWaiting()
    {
        // Arrange
        using var client = app.Anonymous();
        var overview = await client.GetDocumentAsync("/");
        var before = int.Parse(overview.GetElementById("suggestion-count")!.TextContent, CultureInfo.InvariantCulture);
        var claimsBefore = overview.GetElementById("claim-count")!.TextContent;

        // Act
        await app.IngestAsync("count-forum.txt", SuggestionApp.ForumText("Google"), SuggestionApp.AllSuggestions);

        // Assert
        var after = await client.GetDocumentAsync("/");
        Assert.Equal(before + 3, int.Parse(after.GetElementById("suggestion-count")!.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(claimsBefore, after.GetElementById("claim-count")!.TextContent);
        Assert.NotNull(after.QuerySelector("nav a[href='/Suggestions']"));
    }

    private static IHtmlFormElement Form(IHtmlDocument page, long id) =>
        page.Forms[$"decide-{id}"] ?? throw new InvalidOperationException($"no decision form for suggestion {id}");

    private static (SuggestionState, int) Decided(Claim claim) => (claim.Suggestion, claim.Revision);

    private static List<string> ClaimLinks(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.claims td.quote-cell a").Select(a => a.GetAttribute("href")!["/Claims/".Length..])];

    private static FormUrlEncodedContent Decide(IHtmlDocument page, long id, string choice) => new(
    [
        new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        new("Decision.ClaimId", id.ToString(CultureInfo.InvariantCulture)),
        new("Decision.Revision", "0"),
        new("Decision.Choice", choice),
    ]);
}
