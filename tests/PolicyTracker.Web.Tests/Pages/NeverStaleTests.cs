using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>
/// Every cache the reading pages sit on — the visitor page cache, the comparison, the claim totals, the provider
/// matrices kept with the comparison — shows an edit on the next request, on the instance the edit was made through and
/// on another instance of the app on the same database: each kind of edit (a tag, an accepted and a rejected
/// suggestion, a contradiction review, a new version that changes a claim and one that removes a claim), for each kind
/// of reader. Each view is read twice before every edit, so whatever can be cached is cached when the edit lands.
/// </summary>
public sealed class NeverStaleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task ReadViews_EachKindOfEdit_ShowsOnTheNextRequestOnEveryInstance(string? role)
    {
        // Arrange: a policy's two claims, and a forum post whose three claims wait as suggestions; a reader on the
        // instance the editor uses and one on a second instance.
        using var app = new SuggestionApp();
        await app.InitializeAsync();
        await using var second = app.CreateInstance();
        var policy = await app.IngestAsync("acme-policy.md", SuggestionApp.PolicyText("Acme"));
        var forum = await app.IngestAsync("acme-forum.txt", SuggestionApp.ForumText("Acme"), SuggestionApp.AllSuggestions);
        using var reader = role is null ? app.Anonymous() : await app.SignInAsync(role);
        using var other = role is null ? app.Anonymous(second) : await app.SignInAsync(role, instance: second);
        using var editor = await app.SignInAsync(Roles.Editor);
        FormClient[] readers = [reader, other];
        var start = await ReadTwiceAsync(readers);

        // Act 1: an editor tags the policy's training claim.
        var tagPage = await editor.GetDocumentAsync($"/Claims/{policy["training.default"]}");
        await SubmitAsync(editor, tagPage.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed" });
        var afterTag = await ReadAsync(readers);
        await ReadTwiceAsync(readers);

        // Act 2: an editor accepts the forum's training claim, which disagrees with the policy.
        var suggestionPage = await editor.GetDocumentAsync($"/Claims/{forum["training.default"]}");
        await SubmitAsync(editor, suggestionPage.Forms["decide-form"]!, new() { ["Decision.Choice"] = "Accept" });
        var afterAccept = await ReadAsync(readers);
        await ReadTwiceAsync(readers);

        // Act 3: a new version of the policy keeps deleted chats for 90 days instead of 30.
        var ninetyDays = SuggestionApp.PolicyText("Acme").Replace("30 days", "90 days", StringComparison.Ordinal);
        await app.IngestAsync("acme-policy.md", ninetyDays);
        var afterVersion = await ReadAsync(readers);
        await ReadTwiceAsync(readers);

        // Act 4: an editor confirms the contradiction the accepted suggestion made.
        var contradictions = await editor.GetDocumentAsync("/Contradictions");
        await SubmitAsync(editor, (IHtmlFormElement)contradictions.QuerySelector("form.review-form")!, new() { ["Input.State"] = "Confirmed" });
        var afterReview = await ReadAsync(readers);
        await ReadTwiceAsync(readers);

        // Act 5: an editor rejects another of the forum's suggestions.
        var rejected = forum.Where(f => f.Key != "training.default").OrderBy(f => f.Key, StringComparer.Ordinal).First().Value;
        var rejectPage = await editor.GetDocumentAsync($"/Claims/{rejected}");
        await SubmitAsync(editor, rejectPage.Forms["decide-form"]!, new() { ["Decision.Choice"] = "Reject" });
        var afterReject = await ReadAsync(readers);
        await ReadTwiceAsync(readers);

        // Act 6: a new version of the policy says nothing about training any more, so its training claim is deleted.
        await app.IngestAsync("acme-policy.md", ninetyDays.Replace(
            "Acme does not use your conversations to train its models unless you explicitly opt in.\n\n", "", StringComparison.Ordinal));
        var afterRemoval = await ReadAsync(readers);

        // Assert
        Assert.Equal(
            new Views(
                DisputedRows: 0, DisputedTotal: 0, Claims: 2, Contradictions: 0, Suggestions: 3, NinetyDays: 0,
                MatrixTrainingDisputed: false, MatrixDeletedChats: "P30D", KindsTrainingDisputed: false, Confirmed: 0),
            start);
        Assert.Equal(start with { DisputedRows = 1, DisputedTotal = 1 }, afterTag);
        Assert.Equal(
            afterTag with { Claims = 3, Contradictions = 1, Suggestions = 2, MatrixTrainingDisputed = true, KindsTrainingDisputed = true },
            afterAccept);
        Assert.Equal(afterAccept with { NinetyDays = 1, MatrixDeletedChats = "P90D" }, afterVersion);
        Assert.Equal(afterVersion with { Confirmed = 1 }, afterReview);
        Assert.Equal(afterReview with { Suggestions = 1 }, afterReject);
        Assert.Equal(
            afterReject with
            {
                DisputedRows = 0, DisputedTotal = 0, Claims = 2, Contradictions = 0, MatrixTrainingDisputed = false,
                KindsTrainingDisputed = false, Confirmed = 0,
            },
            afterRemoval);
    }

    private static async Task SubmitAsync(FormClient editor, IHtmlFormElement form, Dictionary<string, string?> fields)
    {
        using var response = await editor.SubmitAsync(form, fields);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<Views> ReadTwiceAsync(FormClient[] readers)
    {
        var first = await ReadAsync(readers);
        var second = await ReadAsync(readers);
        Assert.Equal(first, second);
        return second;
    }

    /// <summary>The views as every reader sees them, which must agree.</summary>
    private static async Task<Views> ReadAsync(FormClient[] readers)
    {
        var views = new List<Views>();
        foreach (var reader in readers)
        {
            views.Add(await ReadAsync(reader));
        }

        Assert.All(views, v => Assert.Equal(views[0], v));
        return views[0];
    }

    /// <summary>
    /// The Claims page and the API (totals), the overview (claim count, the comparison, suggestions), and the Providers
    /// page of every source and of articles and guides alone (a comparison of their claims on its own; neither test
    /// source reads as an official policy, so both are in it), and the confirmed contradictions.
    /// </summary>
    private static async Task<Views> ReadAsync(FormClient client)
    {
        var disputed = await client.GetDocumentAsync("/Claims?status=Disputed");
        var overview = await client.GetDocumentAsync("/");
        var matrix = await client.GetDocumentAsync("/Providers");
        var kinds = await client.GetDocumentAsync("/Providers?kind=Article&kind=Guide");
        var confirmed = await client.GetDocumentAsync("/Contradictions?state=Confirmed");
        return new Views(
            disputed.QuerySelectorAll("table.claims tbody tr").Length,
            await TotalAsync(client, "/api/claims?status=Disputed"),
            int.Parse(overview.GetElementById("claim-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(overview.GetElementById("contradiction-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(overview.GetElementById("suggestion-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            await TotalAsync(client, "/api/claims?value=P90D"),
            Cell(matrix, "training.default")!.QuerySelector(".badge-conflict") is not null,
            Cell(matrix, "retention.deleted_chats")!.QuerySelector(".value")!.TextContent,
            Cell(kinds, "training.default")!.QuerySelector(".badge-conflict") is not null,
            confirmed.QuerySelectorAll("article.finding").Length);
    }

    /// <summary>The one provider's cell (the catalog knows no "Acme", so its claims' subject is "unknown").</summary>
    private static AngleSharp.Dom.IElement? Cell(AngleSharp.Html.Dom.IHtmlDocument page, string topic) =>
        page.QuerySelector($".provider-matrix tr[data-topic='{topic}'] td[data-subject='unknown']");

    private static async Task<int> TotalAsync(FormClient client, string url) =>
        (await client.Http.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    private sealed record Views(
        int DisputedRows, int DisputedTotal, int Claims, int Contradictions, int Suggestions, int NinetyDays,
        bool MatrixTrainingDisputed, string MatrixDeletedChats, bool KindsTrainingDisputed, int Confirmed);
}
