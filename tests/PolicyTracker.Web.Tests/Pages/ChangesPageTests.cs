using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>The Changes page, the Atom feeds, and the places that point to them.</summary>
public sealed class ChangesPageTests(VersionsApp app) : IClassFixture<VersionsApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    // OpenAI's two, Mistral's one, the hostile one and the bulk ones.
    private const int AllChanges = 2 + 1 + 1 + VersionsApp.BulkChanges;

    [Fact]
    public async Task Changes_Get_NewestFirstWithValuesQuotesAndDiffLinks()
    {
        // Act
        var page = await app.GetDocumentAsync("/Changes");

        // Assert
        Assert.Equal($"{AllChanges} changes, showing 1–50", page.GetElementById("result-count")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#change-list tbody tr").ToList();
        Assert.Equal(50, rows.Count);
        var dates = rows.Select(r => r.QuerySelector("time")!.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal("evilcorp", rows[0].Children[2].TextContent);

        var training = rows.Single(r => r.TextContent.Contains("openai", StringComparison.Ordinal) && r.TextContent.Contains("training.default", StringComparison.Ordinal));
        Assert.Equal("changed", training.QuerySelector(".change-kind")!.TextContent);
        Assert.Equal(["opt-in", "opt-out"], training.QuerySelectorAll(".change-values .value").Select(v => v.TextContent));
        Assert.Contains("explicitly opt in", training.QuerySelector("del.quote-old")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("unless you opt out", training.QuerySelector("ins.quote-new")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Sources/{app.OpenAiId}/Diff?from=1&to=2", training.QuerySelector("a.diff-link")!.GetAttribute("href"));
        Assert.Equal($"/Sources/{app.OpenAiId}", training.QuerySelector(".source-cell a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("subject=openai", 2)]
    [InlineData("subject=OPENAI&topic=training.default", 1)]
    [InlineData("topic=training.default", 3)]
    public async Task Changes_Filtered_OnlyMatchingRowsAndFiltersKept(string query, int expected)
    {
        // Act
        var page = await app.GetDocumentAsync($"/Changes?{query}");

        // Assert
        var rows = page.QuerySelectorAll("#change-list tbody tr").ToList();
        Assert.Equal(expected, rows.Count);
        if (query.Contains("subject", StringComparison.Ordinal))
        {
            Assert.Equal("openai", page.QuerySelector("#subject option[selected]")!.GetAttribute("value"));
            Assert.All(rows, r => Assert.Equal("openai", r.Children[2].TextContent));
        }
    }

    [Fact]
    public async Task Changes_SourceFilter_OnlyThatSourcesChanges()
    {
        // Act
        var page = await app.GetDocumentAsync($"/Changes?source={app.MistralId}");

        // Assert
        var row = Assert.Single(page.QuerySelectorAll("#change-list tbody tr"));
        Assert.Equal($"/Sources/{app.MistralId}", row.QuerySelector(".source-cell a")!.GetAttribute("href"));
        Assert.Equal(app.MistralId.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#source option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Changes_SecondAndPastTheLastPage_RestOfTheChangesWithPager()
    {
        // Act
        var second = await app.GetDocumentAsync("/Changes?page=2");
        var past = await app.GetDocumentAsync("/Changes?page=99");

        // Assert
        Assert.Equal(AllChanges - 50, second.QuerySelectorAll("#change-list tbody tr").Length);
        Assert.Contains("Page 2 of 2", second.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Changes", second.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains("Page 2 of 2", past.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        var first = await app.GetDocumentAsync("/Changes?subject=bulkco");
        Assert.Equal("/Changes?subject=bulkco&page=2", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Changes_NothingMatches_SaysSo()
    {
        // Act
        var page = await app.GetDocumentAsync("/Changes?subject=nobody");

        // Assert
        Assert.Contains("No change matches these filters", page.GetElementById("changes-empty")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("change-list"));
    }

    [Fact]
    public async Task Changes_Head_PointsToTheFeedOfWhatItLists()
    {
        // Act
        var all = await app.GetDocumentAsync("/Changes");
        var one = await app.GetDocumentAsync("/Changes?subject=openai");

        // Assert
        Assert.Equal("/feeds/changes.atom", all.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("/feeds/changes/openai.atom", one.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("page", all.QuerySelector("nav a[href='/Changes']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Feed_All_ValidAtomWithTheLatestFiftyNewestFirst()
    {
        // Act
        var (response, feed) = await GetFeedAsync("/feeds/changes.atom");

        // Assert
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("urn:policytracker:changes", root.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "title")!.Value));
        Assert.EndsWith("/feeds/changes.atom", Link(root, "self"), StringComparison.Ordinal);
        Assert.EndsWith("/Changes", Link(root, "alternate"), StringComparison.Ordinal);
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(50, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal(updated[0], DateTimeOffset.Parse(root.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        // A second reader, the framework's own Atom parser, reads the same feed.
        using var reader = XmlReader.Create(new StringReader(feed.ToString()));
        var parsed = SyndicationFeed.Load(reader);
        Assert.Equal(50, parsed.Items.Count());
        Assert.All(parsed.Items, i => Assert.False(string.IsNullOrEmpty(i.Id)));
    }

    [Fact]
    public async Task Feed_Subject_OnlyItsChangesTitledFromToWithTheDiffLink()
    {
        // Act
        var (_, feed) = await GetFeedAsync("/feeds/changes/openai.atom");

        // Assert
        var root = feed.Root!;
        Assert.EndsWith("/feeds/changes/openai.atom", Link(root, "self"), StringComparison.Ordinal);
        Assert.EndsWith("/Changes?subject=openai", Link(root, "alternate"), StringComparison.Ordinal);
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        var training = entries.Single(e => e.Element(Atom + "title")!.Value == "openai · training.default: opt-in → opt-out");
        Assert.EndsWith($"/Sources/{app.OpenAiId}/Diff?from=1&to=2", Link(training, "alternate"), StringComparison.Ordinal);
        Assert.Equal("2025-10-01T00:00:00Z", training.Element(Atom + "updated")!.Value);
        Assert.Contains("explicitly opt in", training.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_FetchedTwice_SameEntryIds()
    {
        // Act
        var (_, first) = await GetFeedAsync("/feeds/changes/openai.atom");
        var (_, second) = await GetFeedAsync("/feeds/changes/openai.atom");

        // Assert
        static IEnumerable<string> Ids(XDocument feed) => feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value);
        Assert.Equal(Ids(first), Ids(second));
        Assert.All(Ids(first), id => Assert.StartsWith($"urn:policytracker:change:{app.OpenAiId}:", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_UnknownSubject_NotFound()
    {
        // Arrange
        using var client = app.Anonymous();

        // Act
        using var response = await client.Http.GetAsync("/feeds/changes/nobody.atom");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Feed_QuotesWithMarkup_EscapedAndReadBackExactly()
    {
        // Act
        var (_, feed) = await GetFeedAsync("/feeds/changes/evilcorp.atom");

        // Assert: the XML parsed, the text reads back as it was, and the HTML content holds it as text, not markup.
        var entry = Assert.Single(feed.Root!.Elements(Atom + "entry"));
        var summary = entry.Element(Atom + "summary")!.Value;
        Assert.Contains(VersionsApp.HostileOld, summary, StringComparison.Ordinal);
        Assert.Contains(VersionsApp.HostileNew, summary, StringComparison.Ordinal);
        var content = entry.Element(Atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        var html = AnalystApp.Parse(content.Value);
        Assert.Empty(html.QuerySelectorAll("script, b"));
        Assert.Equal(VersionsApp.HostileOld, html.QuerySelector("del")!.TextContent);
        Assert.Equal(VersionsApp.HostileNew, html.QuerySelector("ins")!.TextContent);
    }

    [Fact]
    public async Task Overview_RecentChanges_CountsTheLastThirtyDaysAndLinksToChanges()
    {
        // Act
        var page = await app.GetDocumentAsync("/");

        // Assert: only the hostile change is recent; the others were observed in 2024 and 2025.
        var link = page.QuerySelector("#recent-changes a")!;
        Assert.Equal("1 change in the last 30 days", link.TextContent.Trim());
        Assert.Equal("/Changes", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Compare_TopicThatChanged_NotedAsHistoryNotDispute()
    {
        // Act
        var page = await app.GetDocumentAsync("/Compare?subject=openai");

        // Assert
        var retention = page.GetElementById("topic-retention.deleted_chats")!;
        var note = retention.QuerySelector("a.changed-over-time")!;
        Assert.Equal("/Changes?subject=openai&topic=retention.deleted_chats", note.GetAttribute("href"));
        Assert.Null(retention.QuerySelector(".badge-conflict"));
        Assert.Null(page.GetElementById("topic-rights.export")?.QuerySelector("a.changed-over-time"));
    }

    [Fact]
    public async Task Contradictions_DisputedTopicThatAlsoChanged_CarriesTheNote()
    {
        // Act: OpenAI's policy now says opt-out, the article still opt-in; the policy said opt-in before.
        var page = await app.GetDocumentAsync("/Contradictions?subject=openai");

        // Assert
        var finding = Assert.Single(page.QuerySelectorAll("article.finding"));
        Assert.Contains("training.default", finding.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Changes?subject=openai&topic=training.default", finding.QuerySelector("a.changed-over-time")!.GetAttribute("href"));
    }

    private static string Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == rel).Attribute("href")!.Value;

    // A strict reader: no DTD, no entities from elsewhere; anything not well-formed fails the test.
    private async Task<(HttpResponseMessage Response, XDocument Feed)> GetFeedAsync(string url)
    {
        using var client = app.Anonymous();
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CheckCharacters = true, Async = true });
        return (response, await XDocument.LoadAsync(reader, LoadOptions.None, default));
    }
}
