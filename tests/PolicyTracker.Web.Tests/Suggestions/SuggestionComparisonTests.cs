using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Suggestions;

/// <summary>
/// Contradictions and corroborations come from claims only; suggestions show as possible contradictions until
/// accepted. Re-ingesting a source keeps editors' decisions. Each test speaks of a provider of its own, so the
/// comparison of one test is not touched by another's.
/// </summary>
public sealed class SuggestionComparisonTests(SuggestionApp app) : IClassFixture<SuggestionApp>
{
    [Fact]
    public async Task Comparison_SuggestionsLeftOut_ShownAsPossibleUntilAccepted()
    {
        // Arrange: the policy says opt-in; a forum post, all suggestions, says opt-out.
        var policy = await app.IngestAsync("anthropic-policy.txt", SuggestionApp.PolicyText("Anthropic"));
        var forum = await app.IngestAsync("anthropic-forum.txt", SuggestionApp.ForumText("Anthropic"), SuggestionApp.AllSuggestions);
        using var anonymous = app.Anonymous();

        // Act
        var contradictions = await GetJsonAsync(anonymous, "/api/contradictions");
        var export = JsonDocument.Parse((await app.RunCliAsync("export", "--format", "json", "--subject", "anthropic")).Output).RootElement;
        var page = await anonymous.GetDocumentAsync("/Contradictions?subject=anthropic");

        // Assert: no contradiction and no corroboration (the forum's 30 days would corroborate the policy's).
        Assert.DoesNotContain(contradictions.EnumerateArray(), f => f.GetProperty("subject").GetString() == "anthropic");
        Assert.Empty(export.GetProperty("contradictions").EnumerateArray());
        Assert.Empty(export.GetProperty("corroborations").EnumerateArray());
        Assert.Empty(page.QuerySelectorAll("article.finding"));
        var possible = page.GetElementById("possible")!;
        var finding = Assert.Single(possible.QuerySelectorAll("article.possible-finding"));
        Assert.Contains("training.default", finding.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([$"/Claims/{forum["training.default"]}"], finding.QuerySelectorAll("a[href^='/Claims/']").Select(a => a.GetAttribute("href")));
        Assert.True(IsAfterEveryFinding(page), "possible contradictions sit below the real ones");

        // Act: an editor accepts the forum's opt-out.
        using var editor = await app.SignInAsync(Roles.Editor);
        var claimPage = await editor.GetDocumentAsync($"/Claims/{forum["training.default"]}");
        using var accepted = await editor.SubmitAsync(claimPage.Forms["decide-form"]!, new() { ["Decision.Choice"] = "Accept" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // Assert: now a contradiction of two claims, and no longer a possible one.
        var after = (await GetJsonAsync(anonymous, "/api/contradictions")).EnumerateArray()
            .Single(f => f.GetProperty("subject").GetString() == "anthropic");
        Assert.Equal("training.default", after.GetProperty("topic").GetString());
        Assert.Equal(
            [policy["training.default"], forum["training.default"]],
            after.GetProperty("claimIds").EnumerateArray().Select(i => i.GetInt64()).Order());
        var pageAfter = await anonymous.GetDocumentAsync("/Contradictions?subject=anthropic");
        Assert.Single(pageAfter.QuerySelectorAll("article.finding"));
        Assert.Null(pageAfter.GetElementById("possible"));
    }

    [Fact]
    public async Task Lists_SuggestionsLeftOutOfClaimsCompareSourcesAndCsv()
    {
        // Arrange
        var policy = await app.IngestAsync("meta-policy.txt", SuggestionApp.PolicyText("Meta"));
        var forum = await app.IngestAsync("meta-forum.txt", SuggestionApp.ForumText("Meta"), SuggestionApp.AllSuggestions);
        using var client = app.Anonymous();
        await using var db = app.CreateDbContext();
        var forumSource = db.Sources.Single(s => s.FileName == "meta-forum.txt").Id;
        var policySource = db.Sources.Single(s => s.FileName == "meta-policy.txt").Id;

        // Act
        var claims = await client.GetDocumentAsync("/Claims?subject=meta");
        var api = await GetJsonAsync(client, "/api/claims?subject=meta");
        var compare = await client.GetDocumentAsync("/Compare?subject=meta");
        var source = await client.GetDocumentAsync($"/Sources/{forumSource}");
        var policyPage = await client.GetDocumentAsync($"/Sources/{policySource}");
        var csv = (await app.RunCliAsync("export", "--format", "csv", "--subject", "meta")).Output;

        // Assert
        var policyIds = policy.Values.Select(id => id.ToString(CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(policyIds, claims.QuerySelectorAll("table.claims td.quote-cell a").Select(a => a.GetAttribute("href")!["/Claims/".Length..]).Order());
        Assert.Equal(policy.Values.Order(), api.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        Assert.Equal(2, api.GetProperty("total").GetInt32());
        Assert.StartsWith("2 claims", claims.GetElementById("result-count")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("What people say about Meta", compare.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Meta privacy policy", compare.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(source.QuerySelectorAll("mark.claim[data-claim]"));
        Assert.Equal(2, policyPage.QuerySelectorAll("mark.claim[id^='claim-']").Length);
        Assert.DoesNotContain("meta-forum.txt", csv, StringComparison.Ordinal);
        Assert.Contains("meta-policy.txt", csv, StringComparison.Ordinal);
        Assert.All(forum.Values, id => Assert.DoesNotContain($"\n{id},", csv, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reingest_NewBytes_KeepsAcceptedAndRejectedDecisions()
    {
        // Arrange: three suggestions; one rejected, one accepted, one left waiting.
        var v1 = await app.IngestAsync("openai-forum.txt", SuggestionApp.ForumText("OpenAI"), SuggestionApp.AllSuggestions);
        using var editor = await app.SignInAsync(Roles.Editor);
        await DecideAsync(editor, v1["training.default"], "Reject");
        await DecideAsync(editor, v1["retention.deleted_chats"], "Accept");

        // Act: new bytes with the same statements and one more, still below the threshold.
        var v2 = await app.IngestAsync(
            "openai-forum.txt", SuggestionApp.ForumText("OpenAI") + "\nOpenAI does not sell your personal data.\n", SuggestionApp.AllSuggestions);

        // Assert: the same rows, decisions kept; the new statement is a new suggestion.
        Assert.Equal(v1["training.default"], v2["training.default"]);
        Assert.Equal(v1["retention.deleted_chats"], v2["retention.deleted_chats"]);
        Assert.Equal(v1["rights.export"], v2["rights.export"]);
        var added = Assert.Single(v2.Keys.Except(v1.Keys));
        Assert.Equal(SuggestionState.Rejected, (await app.ClaimAsync(v2["training.default"])).Suggestion);
        Assert.Equal(SuggestionState.Accepted, (await app.ClaimAsync(v2["retention.deleted_chats"])).Suggestion);
        Assert.Equal(SuggestionState.Pending, (await app.ClaimAsync(v2["rights.export"])).Suggestion);
        Assert.Equal(SuggestionState.Pending, (await app.ClaimAsync(v2[added])).Suggestion);
        var list = await editor.GetDocumentAsync("/Suggestions?source=openai-forum");
        Assert.Equal(
            [v2[added], v2["rights.export"]],
            list.QuerySelectorAll("#suggestions tbody tr").Select(r => long.Parse(r.GetAttribute("data-claim")!, CultureInfo.InvariantCulture)));

        // Act: again with the default threshold, where every claim is confident.
        var v3 = await app.IngestAsync("openai-forum.txt", SuggestionApp.ForumText("OpenAI") + "\nOpenAI does not sell your personal data.\n\n", null);

        // Assert: decisions still stand; what was waiting is now a claim.
        Assert.Equal(SuggestionState.Rejected, (await app.ClaimAsync(v3["training.default"])).Suggestion);
        Assert.Equal(SuggestionState.Accepted, (await app.ClaimAsync(v3["retention.deleted_chats"])).Suggestion);
        Assert.Equal(SuggestionState.None, (await app.ClaimAsync(v3["rights.export"])).Suggestion);
        Assert.Equal(v1["training.default"], v3["training.default"]);
        Assert.Equal(["Rejected"], (await app.HistoryAsync(v3["training.default"])).Select(a => a.To));
    }

    [Fact]
    public async Task Reingest_BelowThresholdNow_TaggedClaimStaysAClaimUntaggedOneBecomesASuggestion()
    {
        // Arrange: two claims; an editor tags one.
        var v1 = await app.IngestAsync("microsoft-policy.txt", SuggestionApp.PolicyText("Microsoft"));
        using var editor = await app.SignInAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync($"/Claims/{v1["training.default"]}");
        using var tagged = await editor.SubmitAsync(page.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed" });
        Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);

        // Act: new bytes with the same statements, every claim of them below the threshold.
        var v2 = await app.IngestAsync("microsoft-policy.txt", SuggestionApp.PolicyText("Microsoft") + "\n", SuggestionApp.AllSuggestions);

        // Assert
        var kept = await app.ClaimAsync(v2["training.default"]);
        Assert.Equal((v1["training.default"], SuggestionState.None, ClaimStatus.Disputed), (kept.Id, kept.Suggestion, kept.Status));
        var untagged = await app.ClaimAsync(v2["retention.deleted_chats"]);
        Assert.Equal((v1["retention.deleted_chats"], SuggestionState.Pending), (untagged.Id, untagged.Suggestion));
    }

    private static async Task DecideAsync(FormClient editor, long id, string choice)
    {
        var page = await editor.GetDocumentAsync($"/Claims/{id}");
        using var response = await editor.SubmitAsync(page.Forms["decide-form"]!, new() { ["Decision.Choice"] = choice });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static bool IsAfterEveryFinding(IHtmlDocument page)
    {
        var all = page.QuerySelectorAll("article.finding, #possible").ToList();
        return all.Count > 0 && all[^1].Id == "possible";
    }

    private static async Task<JsonElement> GetJsonAsync(FormClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
