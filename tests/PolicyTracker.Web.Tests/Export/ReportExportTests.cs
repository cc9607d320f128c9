using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Export;

public sealed class ReportExportTests(ReportApp app) : IClassFixture<ReportApp>
{
    [Fact]
    public async Task Csv_HostileQuotes_RoundTripThroughStrictParser()
    {
        // Act
        var (response, bytes) = await GetAsync("/Export/Download?format=csv");

        // Assert
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var rows = StrictCsv.Parse(text[..^2]);
        Assert.Equal(CsvClaimWriter.Columns, rows[0]);

        await using var db = app.CreateDbContext();
        var claims = await db.Claims.Include(c => c.Source).ToDictionaryAsync(c => c.Id);
        var records = rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(claims.Count, records.Count);
        foreach (var record in records)
        {
            var claim = claims[long.Parse(record["id"], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(Spreadsheet(claim.Quote), record["quote"]);
            Assert.Equal(Spreadsheet(claim.Source!.FileName), record["source"]);
            Assert.Equal(Spreadsheet(claim.Source.Title ?? ""), record["sourceTitle"]);
            Assert.Equal(claim.Status.ToString(), record["status"]);
            Assert.Equal(Spreadsheet(claim.ReviewNote ?? ""), record["reviewNote"]);
            Assert.Equal(claim.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), record["start"]);
        }

        // The hostile quote keeps its commas, doubled quotes and line breaks, behind the one apostrophe.
        var formula = records.Single(r => r["id"] == app.Claims["hostile-formula"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("'=HYPERLINK(\"http://evil.example\",\"click\")", formula["quote"], StringComparison.Ordinal);
        Assert.Contains("\r\nSecond line\nthird line.", formula["quote"], StringComparison.Ordinal);
        Assert.StartsWith("'=cmd|", formula["reviewNote"], StringComparison.Ordinal);
        Assert.Equal("'=Hostile \"title\", with commas", formula["sourceTitle"]);
        Assert.All(records, r => Assert.All(r.Values, v => Assert.False(v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r', v)));
    }

    [Fact]
    public async Task Csv_Filtered_HoldsOnlyClaimsInScope()
    {
        // Act
        var (_, bytes) = await GetAsync("/Export/Download?format=csv&subject=acme&status=Verified,Contradicted&status=NotApplicable");

        // Assert
        var rows = StrictCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\n').TrimEnd('\r'));
        var ids = rows.Skip(1).Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(new[] { app.Claims["policy-training"], app.Claims["policy-export"], app.Claims["article-training"] }.Order(), ids);
    }

    [Fact]
    public async Task Html_Report_HasEveryContradictionInScopeWithItsReviewState()
    {
        // Arrange
        var expected = await ContradictionKeysAsync(ReportFilter.All);

        // Act
        var (response, bytes) = await GetAsync("/Export/Download?format=html");
        var html = Encoding.UTF8.GetString(bytes);
        var doc = AnalystApp.Parse(html);

        // Assert
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(3, expected.Count);
        var articles = doc.QuerySelectorAll("article.contradiction");
        Assert.Equal(expected.Order(), articles.Select(a => $"{a.GetAttribute("data-subject")}/{a.GetAttribute("data-topic")}").Order());
        Assert.Equal("Confirmed", Article(doc, "acme", "training.default").GetAttribute("data-state"));
        Assert.Equal("Dismissed", Article(doc, "acme", "retention.deleted_chats").GetAttribute("data-state"));
        Assert.Equal("Open", Article(doc, "initech", "retention.active").GetAttribute("data-state"));
        Assert.Contains(ReportApp.ContradictionNote, Article(doc, "acme", "training.default").TextContent, StringComparison.Ordinal);
        Assert.Contains("different times", Article(doc, "acme", "retention.deleted_chats").TextContent, StringComparison.Ordinal);

        // The quotes of both sides, side by side.
        var training = Article(doc, "acme", "training.default");
        Assert.Equal(["opt-in", "opt-out"], training.QuerySelectorAll(".side").Select(s => s.GetAttribute("data-value")!).Order());
        Assert.Contains(AnalystApp.PolicyText[..52], training.TextContent, StringComparison.Ordinal);
        Assert.Contains("Acme trains on your chats unless you opt out.", training.TextContent, StringComparison.Ordinal);

        // Verdicts and notes.
        var verdicts = doc.QuerySelectorAll(".verdict").ToDictionary(v => v.Id!);
        Assert.Equal(5, verdicts.Count);
        Assert.Equal("Verified", verdicts[$"claim-{app.Claims["policy-training"]}"].GetAttribute("data-status"));
        Assert.Contains(ReportApp.VerifiedNote, verdicts[$"claim-{app.Claims["policy-training"]}"].TextContent, StringComparison.Ordinal);
        Assert.Contains("unless you opt in", verdicts[$"claim-{app.Claims["policy-training"]}"].QuerySelector(".evidence")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Disputed — needs more evidence", verdicts[$"claim-{app.Claims["script-html"]}"].TextContent, StringComparison.Ordinal);
        Assert.Contains("Not applicable", verdicts[$"claim-{app.Claims["policy-export"]}"].TextContent, StringComparison.Ordinal);

        // Summary, tables, sources and the generated line.
        Assert.NotNull(doc.QuerySelector("#summary"));
        Assert.Equal(["acme", "globex", "initech"], doc.QuerySelectorAll("section.subject h2").Select(h => h.TextContent));
        Assert.All(doc.QuerySelectorAll("section.subject"), s => Assert.NotNull(s.QuerySelector("table.comparison")));
        await using var db = app.CreateDbContext();
        var sources = await db.Sources.ToListAsync();
        var listed = doc.QuerySelectorAll("table.source-list tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(sources.Count, listed.Count);
        Assert.All(sources, s => Assert.Contains(listed, row => row.Contains(s.Sha256, StringComparison.Ordinal) && row.Contains(s.FileName, StringComparison.Ordinal)));
        Assert.Contains("none (every claim)", doc.QuerySelector("#generated")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(ReportApp.Organization, doc.QuerySelector("#generated")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_Report_IsSelfContainedAndRunsNothing()
    {
        // Act
        var (response, bytes) = await GetAsync("/Export/Download?format=html");
        var doc = AnalystApp.Parse(Encoding.UTF8.GetString(bytes));

        // Assert
        Assert.Empty(doc.QuerySelectorAll("script, link, img, iframe, object, embed, form"));
        Assert.All(doc.QuerySelectorAll("[src]"), e => Assert.Fail($"{e.TagName} loads {e.GetAttribute("src")}"));
        Assert.All(doc.QuerySelectorAll("a[href]"), a => Assert.StartsWith("#", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.All(doc.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => Assert.False(a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), a.Name));
        var style = Assert.Single(doc.QuerySelectorAll("style")).TextContent;
        Assert.DoesNotContain("url(", style, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", style, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", style, StringComparison.Ordinal);
        Assert.Contains("break-before: page", style, StringComparison.Ordinal);

        // The source's markup is text in the report, never elements.
        Assert.Contains("<script>alert(1)</script>", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_Filtered_HoldsOnlyContradictionsInScope()
    {
        // Arrange
        var filter = ReportFilter.Of(subjects: ["acme"], topics: ["training.default", "retention.deleted_chats"]);
        var expected = await ContradictionKeysAsync(filter);

        // Act
        var (_, bytes) = await GetAsync("/Export/Download?format=html&subject=ACME&topic=training.default,retention.deleted_chats");
        var doc = AnalystApp.Parse(Encoding.UTF8.GetString(bytes));

        // Assert
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected.Order(), doc.QuerySelectorAll("article.contradiction").Select(a => $"{a.GetAttribute("data-subject")}/{a.GetAttribute("data-topic")}").Order());
        Assert.Equal(["acme"], doc.QuerySelectorAll("section.subject h2").Select(h => h.TextContent));
        Assert.DoesNotContain("initech", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("subjects: acme; topics: retention.deleted_chats, training.default", doc.QuerySelector("#filters")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, doc.QuerySelectorAll("table.source-list tbody tr").Length);
    }

    [Fact]
    public async Task Html_FilteredByKind_ComparesOnlyThoseSources()
    {
        // Act: the official policy alone contradicts nobody.
        var (_, bytes) = await GetAsync("/Export/Download?format=html&kind=official-policy");
        var doc = AnalystApp.Parse(Encoding.UTF8.GetString(bytes));

        // Assert
        Assert.Empty(doc.QuerySelectorAll("article.contradiction"));
        Assert.Equal(["acme-policy.md"], doc.QuerySelectorAll("table.source-list tbody tr td:nth-child(3) code").Select(c => c.TextContent));
    }

    [Fact]
    public async Task Markdown_Report_HasTheHtmlReportsSections()
    {
        // Act
        var (response, bytes) = await GetAsync("/Export/Download?format=md");
        var md = Encoding.UTF8.GetString(bytes);
        var lines = md.Split('\n');

        // Assert
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("# Comparison report", lines[0]);
        string[] headings =
        [
            "## Summary", "### Disputed topics", "## acme", "## globex", "## initech", "### Comparison", "### Contradictions",
            "### Editors' verdicts", "## What changed", "## Sources", "#### acme · `training.default`", "#### acme · `retention.deleted_chats`",
            "#### initech · `retention.active`",
        ];
        Assert.All(headings, h => Assert.Contains(h, lines));
        Assert.Equal(3, lines.Count(l => l.StartsWith("#### ", StringComparison.Ordinal)));
        Assert.Contains("**Confirmed by an editor**", md, StringComparison.Ordinal);
        Assert.Contains("Checked against the policy of 2025-09-28; the article is older.", md, StringComparison.Ordinal);
        Assert.Contains("**Disputed — needs more evidence**", md, StringComparison.Ordinal);

        // Untrusted text cannot become markup: the script is an entity, the formula quote cannot open a block.
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", md, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("=HYPERLINK", StringComparison.Ordinal));
        Assert.DoesNotContain("# not a heading", lines);
        var change = Assert.Single(lines, l => l.StartsWith("| 2025-09-28 |", StringComparison.Ordinal));
        Assert.Contains("| changed | P30D → P90D |", change, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiChanges_SameShapeAsTheJsonExport()
    {
        // Act
        var (_, api) = await GetAsync("/api/changes");
        var (_, export) = await GetAsync("/Export/Download?format=json");

        // Assert: one shape per resource, whichever door it leaves by.
        using var fromApi = System.Text.Json.JsonDocument.Parse(api);
        using var fromExport = System.Text.Json.JsonDocument.Parse(export);
        var change = Assert.Single(fromApi.RootElement.EnumerateArray());
        Assert.Equal(
            ["subject", "topic", "scope", "kind", "from", "to", "source", "fromDate", "toDate", "fromQuote", "toQuote", "fromVersion", "toVersion"],
            change.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("changed", "P30D", "P90D", "2025-03-01", "2025-09-28"), (
            change.GetProperty("kind").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString(),
            change.GetProperty("fromDate").GetString(), change.GetProperty("toDate").GetString()));
        Assert.Equal(ReportApp.ChangeFromQuote, change.GetProperty("fromQuote").GetString());
        var exported = Assert.Single(fromExport.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal(
            change.EnumerateObject().Select(p => (p.Name, p.Value.ToString())),
            exported.EnumerateObject().Select(p => (p.Name, p.Value.ToString())));
    }

    [Fact]
    public async Task Html_Report_WhatChangedListsEachChangeWithBothQuotesEscaped()
    {
        // Act
        var (_, bytes) = await GetAsync("/Export/Download?format=html");
        var doc = AnalystApp.Parse(Encoding.UTF8.GetString(bytes));

        // Assert
        var section = doc.QuerySelector("section#changes")!;
        Assert.Equal("What changed", section.QuerySelector("h2")!.TextContent);
        var row = Assert.Single(section.QuerySelectorAll("tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("2025-09-28", cells[0]);
        Assert.Equal(["initech", "retention.active", "consumer", "changed", "P30D → P90D"], cells.Skip(2).Take(5));
        Assert.Equal([ReportApp.ChangeFromQuote, ReportApp.ChangeToQuote], row.QuerySelectorAll("q").Select(q => q.TextContent));
        Assert.Empty(section.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task ClaimReview_EveryVerdict_CarriesRequiredFields()
    {
        // Act
        var (response, bytes) = await GetAsync("/Export/Download?format=claimreview");
        using var json = JsonDocument.Parse(bytes);

        // Assert
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        var reviews = root.GetProperty("@graph").EnumerateArray().ToList();
        await using var db = app.CreateDbContext();
        var reviewed = await db.Claims.Include(c => c.Source).Where(c => c.Status != ClaimStatus.Unreviewed).ToDictionaryAsync(c => c.Quote);
        Assert.Equal(5, reviewed.Count);
        Assert.Equal(reviewed.Keys.Order(), reviews.Select(r => r.GetProperty("claimReviewed").GetString()!).Order());
        foreach (var review in reviews)
        {
            var claim = reviewed[review.GetProperty("claimReviewed").GetString()!];
            Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
            var rating = review.GetProperty("reviewRating");
            Assert.Equal("Rating", rating.GetProperty("@type").GetString());
            Assert.Equal(ReportText.Status(claim.Status), rating.GetProperty("alternateName").GetString());
            var item = review.GetProperty("itemReviewed");
            Assert.Equal("Claim", item.GetProperty("@type").GetString());
            var appearance = item.GetProperty("appearance");
            Assert.Equal("CreativeWork", appearance.GetProperty("@type").GetString());
            Assert.Equal(claim.Source!.Title ?? claim.Source.FileName, appearance.GetProperty("name").GetString());
            Assert.Equal(claim.Source.FileName, appearance.GetProperty("identifier").GetString());
            var author = review.GetProperty("author");
            Assert.Equal("Organization", author.GetProperty("@type").GetString());
            Assert.Equal(ReportApp.Organization, author.GetProperty("name").GetString());
            Assert.Equal(ReportApp.OrganizationUrl, author.GetProperty("url").GetString());
            Assert.Equal("2026-11-20", review.GetProperty("datePublished").GetString());
        }

        var verified = reviews.Single(r => r.GetProperty("reviewRating").GetProperty("alternateName").GetString() == "Verified");
        Assert.Equal(5, verified.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        Assert.Equal("acme", verified.GetProperty("itemReviewed").GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(ReportApp.VerifiedNote, verified.GetProperty("reviewBody").GetString());
        var contradicted = reviews.Single(r => r.GetProperty("reviewRating").GetProperty("alternateName").GetString() == "Contradicted");
        Assert.Equal(1, contradicted.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        Assert.False(contradicted.GetProperty("itemReviewed").TryGetProperty("author", out _));
        var notApplicable = reviews.Single(r => r.GetProperty("reviewRating").GetProperty("alternateName").GetString() == "Not applicable");
        Assert.False(notApplicable.GetProperty("reviewRating").TryGetProperty("ratingValue", out _));
    }

    [Fact]
    public async Task Json_Filtered_SaysSoAndHoldsOnlyClaimsInScope()
    {
        // Act
        var (_, bytes) = await GetAsync("/Export/Download?format=json&subject=initech");
        using var json = JsonDocument.Parse(bytes);

        // Assert
        var root = json.RootElement;
        Assert.Equal(["initech"], root.GetProperty("filter").GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(4, root.GetProperty("claims").GetArrayLength());
        Assert.Equal(["hostile,\"name\".txt"], root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("fileName").GetString()));
        var contradiction = Assert.Single(root.GetProperty("contradictions").EnumerateArray());
        Assert.Equal("retention.active", contradiction.GetProperty("topic").GetString());
    }

    [Theory]
    [InlineData("/Export/Download?format=xml", "Unknown format 'xml'")]
    [InlineData("/Export/Download?format=csv&status=Maybe", "unknown status 'Maybe'")]
    [InlineData("/Export/Download?format=csv&kind=Blog", "unknown source kind 'Blog'")]
    public async Task Download_BadChoice_BadRequestWithReason(string url, string reason)
    {
        // Act
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static IHtmlElement Article(IHtmlDocument doc, string subject, string topic) =>
        (IHtmlElement)doc.QuerySelectorAll("article.contradiction").Single(a => a.GetAttribute("data-subject") == subject && a.GetAttribute("data-topic") == topic);

    /// <summary>What a spreadsheet-safe field holds: the text, behind an apostrophe when it would start a formula.</summary>
    private static string Spreadsheet(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private async Task<List<string>> ContradictionKeysAsync(ReportFilter filter)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var comparison = await scope.ServiceProvider.GetRequiredService<ContradictionQueries>().CompareAsync(filter, CancellationToken.None);
        return [.. comparison.Contradictions.Select(f => $"{f.Subject}/{f.Topic}")];
    }

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> GetAsync(string url)
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (response, await response.Content.ReadAsByteArrayAsync());
    }
}
