using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Text;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Suggestions;

/// <summary>
/// "Why this claim" on the claim page, and confidence and cues in the JSON export and the API. The ingested suggestion
/// is given a known confidence and known cues in its row, so the presentation is tested on values chosen for it (a
/// heading with markup, a doubt); the extractor's own cues are tested in the Core tests.
/// </summary>
public sealed class ConfidenceAndCuesTests(SuggestionApp app) : IClassFixture<SuggestionApp>, IAsyncLifetime
{
    private const string Heading = "Anthropic <img src=x onerror=alert(1)> notes";

    private const string Text = Heading + "\n\nAnthropic does not use your conversations to train its models unless you explicitly opt in.\n";

    private long id;

    public async Task InitializeAsync()
    {
        id = (await app.IngestAsync("cues.txt", Text, SuggestionApp.AllSuggestions))["training.default"];
        await using var db = app.CreateDbContext();
        var claim = await db.Claims.IgnoreQueryFilters().SingleAsync(c => c.Id == id);
        claim.Confidence = 0.42;
        claim.Cues = StoredCue.Serialize(
        [
            CueOf(CueKind.Actor, "Anthropic", claim.Start),
            CueOf(CueKind.Action, "does not use", Text.IndexOf("does not use", StringComparison.Ordinal)),
            CueOf(CueKind.Negation, "not", Text.IndexOf("not use", StringComparison.Ordinal)),
            CueOf(CueKind.DataObject, "your conversations", Text.IndexOf("your conversations", StringComparison.Ordinal)),
            CueOf(CueKind.Condition, "unless you explicitly opt in", Text.IndexOf("unless", StringComparison.Ordinal)),
            CueOf(CueKind.Heading, Heading, 0),
            new Cue(CueKind.Doubt, "the section names no data practice"),
        ]);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ClaimPage_WhyThisClaim_ConfidenceInWordsAndCueWordsMarkedInTheQuote()
    {
        // Act
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync($"/Claims/{id}");

        // Assert
        var confidence = page.GetElementById("confidence")!.TextContent;
        Assert.Contains("42%", confidence, StringComparison.Ordinal);
        Assert.Contains("low", confidence, StringComparison.Ordinal);
        Assert.Contains("Below 60%", confidence, StringComparison.Ordinal);

        var quote = page.GetElementById("why-quote")!;
        var marks = quote.QuerySelectorAll("mark.cue").ToList();
        Assert.Equal(
            ["Anthropic", "does ", "not", " use", "your conversations", "unless you explicitly opt in"],
            marks.Select(Words));
        var not = marks.Single(m => Words(m) == "not");
        Assert.True(not.ClassList.Contains("cue-action") && not.ClassList.Contains("cue-negation"), not.ClassName);
        var claim = await app.ClaimAsync(id);
        Assert.Equal(claim.Quote, string.Concat(quote.ChildNodes.Select(n => n is IElement e ? Words(e) : n.TextContent)));

        var cues = page.GetElementById("cues")!.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(7, cues.Count);
        var heading = Assert.Single(cues, c => c.Contains("Heading", StringComparison.Ordinal));
        Assert.Contains(Heading, heading, StringComparison.Ordinal);
        Assert.Contains("before the quote", heading, StringComparison.Ordinal);
        Assert.Contains(cues, c => c.Contains("Doubt", StringComparison.Ordinal) && c.Contains("the section names no data practice", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("#why img, #cues img, #suggestion-state img"));
    }

    [Fact]
    public async Task SuggestionsPage_Row_ShowsQuoteTopicValueConfidenceAndCues()
    {
        // Act
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Suggestions?subject=anthropic&topic=training.default&source=cues.txt");

        // Assert
        var row = Assert.Single(page.QuerySelectorAll("#suggestions tbody tr"));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-claim"));
        var text = row.TextContent;
        Assert.Contains("training.", text, StringComparison.Ordinal);
        Assert.Contains("opt-in", text, StringComparison.Ordinal);
        Assert.Contains("42%", text, StringComparison.Ordinal);
        Assert.Contains("your conversations", row.QuerySelector(".cue-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, row.QuerySelectorAll("td.quote-cell mark.cue").Length);
        Assert.Empty(row.QuerySelectorAll("img"));
        var other = await client.GetDocumentAsync("/Suggestions?topic=rights.export&source=cues.txt");
        Assert.Empty(other.QuerySelectorAll("#suggestions tbody tr"));
    }

    [Fact]
    public async Task JsonExportAndApi_ConfidenceCuesAndSuggestionsApart()
    {
        // Act
        var export = JsonDocument.Parse((await app.RunCliAsync("export", "--format", "json")).Output).RootElement;
        using var client = app.Anonymous();
        using var response = await client.Http.GetAsync($"/api/claims/{id}");
        var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // Assert
        Assert.DoesNotContain(export.GetProperty("claims").EnumerateArray(), c => c.GetProperty("suggestion").GetString() is not ("None" or "Accepted"));
        var suggestion = Assert.Single(export.GetProperty("suggestions").EnumerateArray(), s => s.GetProperty("id").GetInt64() == id);
        Assert.All(export.GetProperty("suggestions").EnumerateArray(), s => Assert.Equal("Pending", s.GetProperty("suggestion").GetString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var shown in new[] { suggestion, api })
        {
            Assert.Equal(0.42, shown.GetProperty("confidence").GetDouble());
            Assert.Equal("Pending", shown.GetProperty("suggestion").GetString());
            var cues = shown.GetProperty("cues").EnumerateArray().ToList();
            Assert.Equal(7, cues.Count);
            Assert.All(cues, c => Assert.Equal(["kind", "text", "start", "end"], c.EnumerateObject().Select(p => p.Name)));
            var heading = cues.Single(c => c.GetProperty("kind").GetString() == "heading");
            Assert.Equal(Heading, heading.GetProperty("text").GetString());
            Assert.Equal(Heading, Text[heading.GetProperty("start").GetInt32()..heading.GetProperty("end").GetInt32()]);
            var doubt = cues.Single(c => c.GetProperty("kind").GetString() == "doubt");
            Assert.Equal(JsonValueKind.Null, doubt.GetProperty("start").ValueKind);
        }
    }

    [Fact]
    public async Task JsonExport_RejectedSuggestion_InNeitherList()
    {
        // Arrange
        var rejected = (await app.IngestAsync("cues-forum.txt", SuggestionApp.ForumText("Anthropic"), SuggestionApp.AllSuggestions))["rights.export"];

        using var editor = await app.SignInAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync($"/Claims/{rejected}");
        using var response = await editor.SubmitAsync(page.Forms["decide-form"]!, new() { ["Decision.Choice"] = "Reject" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Act
        var export = JsonDocument.Parse((await app.RunCliAsync("export", "--format", "json")).Output).RootElement;
        using var api = await editor.Http.GetAsync($"/api/claims/{rejected}");

        // Assert
        Assert.DoesNotContain(export.GetProperty("claims").EnumerateArray(), c => c.GetProperty("id").GetInt64() == rejected);
        Assert.DoesNotContain(export.GetProperty("suggestions").EnumerateArray(), c => c.GetProperty("id").GetInt64() == rejected);
        Assert.Contains(export.GetProperty("suggestions").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        Assert.Equal("Rejected", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("suggestion").GetString());
    }

    private static Cue CueOf(string kind, string words, int start)
    {
        Assert.True(start >= 0 && Text.AsSpan(start).StartsWith(words, StringComparison.Ordinal), $"'{words}' at {start}");
        return new Cue(kind, words, new TextSpan(start, start + words.Length));
    }

    /// <summary>A mark's words, without the kind spelled out for screen readers.</summary>
    private static string Words(IElement mark) => string.Concat(mark.ChildNodes.Where(n => n is not IElement).Select(n => n.TextContent));
}
