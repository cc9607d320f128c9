using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>
/// Every cache the reading pages sit on — the visitor page cache, the comparison, the claim totals, the provider
/// matrices kept with the comparison — shows an edit on the next request: a tag, an accepted suggestion and a new
/// version of a source, for each kind of reader. Each view is read twice before every edit, so whatever can be cached
/// is cached when the edit lands.
/// </summary>
public sealed class NeverStaleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task ReadViews_TagAcceptAndNewVersion_EachShowsOnTheNextRequest(string? role)
    {
        // Arrange: a policy's two claims, and a forum post whose three claims wait as suggestions.
        using var app = new SuggestionApp();
        await app.InitializeAsync();
        var policy = await app.IngestAsync("acme-policy.md", SuggestionApp.PolicyText("Acme"));
        var forum = await app.IngestAsync("acme-forum.txt", SuggestionApp.ForumText("Acme"), SuggestionApp.AllSuggestions);
        using var reader = role is null ? app.Anonymous() : await app.SignInAsync(role);
        using var editor = await app.SignInAsync(Roles.Editor);
        var start = await ReadTwiceAsync(reader);

        // Act 1: an editor tags the policy's training claim.
        var tagPage = await editor.GetDocumentAsync($"/Claims/{policy["training.default"]}");
        using (var tagged = await editor.SubmitAsync(tagPage.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, tagged.StatusCode);
        }

        var afterTag = await ReadAsync(reader);
        await ReadTwiceAsync(reader);

        // Act 2: an editor accepts the forum's training claim, which disagrees with the policy.
        var suggestionPage = await editor.GetDocumentAsync($"/Claims/{forum["training.default"]}");
        using (var accepted = await editor.SubmitAsync(suggestionPage.Forms["decide-form"]!, new() { ["Decision.Choice"] = "Accept" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var afterAccept = await ReadAsync(reader);
        await ReadTwiceAsync(reader);

        // Act 3: a new version of the policy keeps deleted chats for 90 days instead of 30.
        await app.IngestAsync("acme-policy.md", SuggestionApp.PolicyText("Acme").Replace("30 days", "90 days", StringComparison.Ordinal));
        var afterVersion = await ReadAsync(reader);

        // Assert
        Assert.Equal(
            new Views(
                DisputedRows: 0, DisputedTotal: 0, Claims: 2, Contradictions: 0, Suggestions: 3, NinetyDays: 0,
                MatrixTrainingDisputed: false, MatrixDeletedChats: "P30D", KindsTrainingDisputed: false),
            start);
        Assert.Equal(start with { DisputedRows = 1, DisputedTotal = 1 }, afterTag);
        Assert.Equal(
            afterTag with { Claims = 3, Contradictions = 1, Suggestions = 2, MatrixTrainingDisputed = true, KindsTrainingDisputed = true },
            afterAccept);
        Assert.Equal(afterAccept with { NinetyDays = 1, MatrixDeletedChats = "P90D" }, afterVersion);
    }

    private static async Task<Views> ReadTwiceAsync(FormClient client)
    {
        var first = await ReadAsync(client);
        var second = await ReadAsync(client);
        Assert.Equal(first, second);
        return second;
    }

    /// <summary>
    /// The Claims page and the API (totals), the overview (claim count, the comparison, suggestions), and the Providers
    /// page of every source and of articles and guides alone (a comparison of their claims on its own; neither test
    /// source reads as an official policy, so both are in it).
    /// </summary>
    private static async Task<Views> ReadAsync(FormClient client)
    {
        var disputed = await client.GetDocumentAsync("/Claims?status=Disputed");
        var overview = await client.GetDocumentAsync("/");
        var matrix = await client.GetDocumentAsync("/Providers");
        var kinds = await client.GetDocumentAsync("/Providers?kind=Article&kind=Guide");
        return new Views(
            disputed.QuerySelectorAll("table.claims tbody tr").Length,
            await TotalAsync(client, "/api/claims?status=Disputed"),
            int.Parse(overview.GetElementById("claim-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(overview.GetElementById("contradiction-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(overview.GetElementById("suggestion-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            await TotalAsync(client, "/api/claims?value=P90D"),
            Cell(matrix, "training.default")!.QuerySelector(".badge-conflict") is not null,
            Cell(matrix, "retention.deleted_chats")!.QuerySelector(".value")!.TextContent,
            Cell(kinds, "training.default")!.QuerySelector(".badge-conflict") is not null);
    }

    /// <summary>The one provider's cell (the catalog knows no "Acme", so its claims' subject is "unknown").</summary>
    private static AngleSharp.Dom.IElement? Cell(AngleSharp.Html.Dom.IHtmlDocument page, string topic) =>
        page.QuerySelector($".provider-matrix tr[data-topic='{topic}'] td[data-subject='unknown']");

    private static async Task<int> TotalAsync(FormClient client, string url) =>
        (await client.Http.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    private sealed record Views(
        int DisputedRows, int DisputedTotal, int Claims, int Contradictions, int Suggestions, int NinetyDays,
        bool MatrixTrainingDisputed, string MatrixDeletedChats, bool KindsTrainingDisputed);
}
