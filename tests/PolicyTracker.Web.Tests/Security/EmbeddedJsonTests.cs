using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Security;

/// <summary>
/// A source whose title, file name, quotes, values and editor's note try to close a script element and start markup;
/// two of its claims contradict each other, so the payload reaches every JSON output.
/// </summary>
public sealed class HostileJsonApp : TestApp, IAsyncLifetime
{
    public const string Payload = "</script><img src=x onerror=alert(1)><script>alert(2)</script>&amp;";

    public const string Quote = "Initech sells your data " + Payload + " to anyone.";

    public const string OtherQuote = "Initech never sells your data.";

    public long ClaimId { get; private set; }

    public async Task InitializeAsync()
    {
        _ = Factory.Services;
        await using var db = CreateDbContext();
        var text = Quote + "\n" + OtherQuote + "\n";
        var source = new Source
        {
            FileName = Payload + ".txt",
            Title = "Title " + Payload,
            Kind = SourceKind.Article,
            Format = SourceFormat.Text,
            Sha256 = new string('b', 64),
            ByteCount = Encoding.UTF8.GetByteCount(text),
            Text = text,
            Version = 1,
            IngestedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        var hostile = new Claim
        {
            SourceId = source.Id, Subject = "initech", Topic = "sharing.sale", Scope = "consumer", Value = Payload,
            Quote = Quote, Start = 0, End = Quote.Length,
            Status = ClaimStatus.Disputed, ReviewNote = "Note " + Payload, ReviewedBy = "editor@example.org", ReviewedAt = DateTimeOffset.UtcNow,
        };
        var other = new Claim
        {
            SourceId = source.Id, Subject = "initech", Topic = "sharing.sale", Scope = "consumer", Value = "no",
            Quote = OtherQuote, Start = Quote.Length + 1, End = Quote.Length + 1 + OtherQuote.Length,
        };
        db.Claims.AddRange(hostile, other);
        await db.SaveChangesAsync();
        ClaimId = hostile.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Every JSON the app writes can be pasted into a page's script element as it is: the ClaimReview export (written to
/// be embedded as JSON-LD), the JSON export and the API. The text stays data, and reads back exactly.
/// </summary>
public sealed class EmbeddedJsonTests(HostileJsonApp app) : IClassFixture<HostileJsonApp>
{
    [Theory]
    [InlineData("/Export/Download?format=claimreview")]
    [InlineData("/Export/Download?format=json")]
    [InlineData("/api/claims?subject=initech")]
    [InlineData("/api/claims/{id}")]
    [InlineData("/api/sources")]
    [InlineData("/api/contradictions")]
    public async Task Json_EmbeddedInScriptElement_StaysDataAndRoundTrips(string url)
    {
        // Arrange
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync(url.Replace("{id}", app.ClaimId.ToString(), StringComparison.Ordinal));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        var json = await response.Content.ReadAsStringAsync();

        // Act: the way the README says to publish ClaimReview, and the way anyone would inline any JSON.
        var page = AnalystApp.Parse(
            $"<!DOCTYPE html><html><head><title>t</title><script type=\"application/ld+json\">{json}</script></head><body><p id=\"after\">after</p></body></html>");

        // Assert: the script element holds the whole JSON, and nothing in it became an element.
        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal(json, script.TextContent);
        Assert.Equal(["HTML", "HEAD", "TITLE", "SCRIPT", "BODY", "P"], page.All.Select(e => e.TagName).ToArray());
        Assert.Empty(page.QuerySelectorAll("img"));

        using var parsed = JsonDocument.Parse(script.TextContent);
        Assert.Contains(Strings(parsed.RootElement), s => s.Contains(HostileJsonApp.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClaimReview_HostileQuoteAndNote_ReadBackExactly()
    {
        // Act
        using var client = app.Factory.CreateClient();
        var json = await client.GetStringAsync("/Export/Download?format=claimreview");

        // Assert
        using var parsed = JsonDocument.Parse(json);
        var review = Assert.Single(parsed.RootElement.GetProperty("@graph").EnumerateArray());
        Assert.Equal(HostileJsonApp.Quote, review.GetProperty("claimReviewed").GetString());
        Assert.Equal("Note " + HostileJsonApp.Payload, review.GetProperty("reviewBody").GetString());
        Assert.Equal("Title " + HostileJsonApp.Payload, review.GetProperty("itemReviewed").GetProperty("appearance").GetProperty("name").GetString());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        _ => [],
    };
}
