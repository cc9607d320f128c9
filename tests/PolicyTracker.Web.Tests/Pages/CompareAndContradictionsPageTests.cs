using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class CompareAndContradictionsPageTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task Compare_Subject_GridOfTopicsBySourcesOfficialPolicyFirst()
    {
        // Act
        var page = await app.GetDocumentAsync("/Compare?subject=acme");

        // Assert
        var headers = page.QuerySelectorAll(".compare-grid thead th").Skip(2).ToList();
        Assert.Equal(3, headers.Count);
        Assert.Contains("Acme privacy policy", headers[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Official policy", headers[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("col-official", headers[0].ClassList);
        Assert.DoesNotContain("Official policy", headers[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_DisagreeingCells_MarkedInTextNotOnlyColour()
    {
        // Act
        var page = await app.GetDocumentAsync("/Compare?subject=acme");

        // Assert
        var row = page.GetElementById("topic-training.default")!;
        Assert.Contains("row-disputed", row.ClassList);
        Assert.Contains("Disputed", row.QuerySelector("td.summary")!.TextContent, StringComparison.Ordinal);
        var disputed = row.QuerySelectorAll("td.cell-disputed").ToList();
        Assert.Equal(2, disputed.Count);
        Assert.All(disputed, c => Assert.Contains("disputed:", c.QuerySelector("summary")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_AgreeingSources_AreCountedAndCellOpensItsQuotes()
    {
        // Act
        var page = await app.GetDocumentAsync("/Compare?subject=acme");

        // Assert
        var row = page.GetElementById("topic-retention.deleted_chats")!;
        var policyCell = row.QuerySelectorAll("td")[1];
        Assert.Contains("3 sources agree", policyCell.TextContent, StringComparison.Ordinal);
        var details = policyCell.QuerySelector("details")!;
        Assert.Equal("Deleted chats are removed within 30 days.", details.QuerySelector("blockquote")!.TextContent);
        Assert.Equal($"/Claims/{app.Claims["policy-deleted"]}", details.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("P30D: 3 sources", row.QuerySelector("td.summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_UnknownSubject_HelpfulEmptyState()
    {
        // Act
        var page = await app.GetDocumentAsync("/Compare?subject=nobody");

        // Assert
        Assert.Contains("No source makes a claim about", page.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_NoSubject_OffersTheSubjects()
    {
        // Act
        var page = await app.GetDocumentAsync("/Compare");

        // Assert
        Assert.NotNull(page.QuerySelector("a[href='/Compare?subject=acme']"));
        Assert.NotNull(page.QuerySelector("a[href='/Compare?subject=globex']"));
    }

    [Fact]
    public async Task Contradictions_Get_ShowsEachDisputeWithClaimsSideBySide()
    {
        // Act
        var page = await app.GetDocumentAsync("/Contradictions");

        // Assert
        var findings = page.QuerySelectorAll("article.finding").ToList();
        Assert.Equal(2, findings.Count);
        var training = page.GetElementById("c-acme--training.default")!;
        var sides = training.QuerySelectorAll("section.side").ToList();
        Assert.Equal(["opt-in", "opt-out"], sides.Select(s => s.QuerySelector("h3")!.TextContent.Trim()).Order(StringComparer.Ordinal));
        var optIn = sides.Single(s => s.QuerySelector("h3")!.TextContent.Trim() == "opt-in");
        Assert.Equal("Acme does not train on your chats unless you opt in.", optIn.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("Scope: consumer", optIn.TextContent, StringComparison.Ordinal);
        Assert.Contains("Official policy", optIn.TextContent, StringComparison.Ordinal);
        Assert.NotNull(optIn.QuerySelector($"a[href='/Sources/{app.PolicyId}#claim-{app.Claims["policy-training"]}']"));
        Assert.Null(training.QuerySelector(".badge-self"));
    }

    [Fact]
    public async Task Contradictions_SourceDisagreeingWithItself_MarkedAsSelfContradiction()
    {
        // Act
        var page = await app.GetDocumentAsync("/Contradictions?subject=acme&topic=retention.deleted_chats");

        // Assert
        var finding = Assert.Single(page.QuerySelectorAll("article.finding"));
        Assert.Contains("Self-contradiction", finding.QuerySelector(".finding-meta")!.TextContent, StringComparison.Ordinal);
        var marked = finding.QuerySelectorAll(".quote-meta")
            .Where(m => m.TextContent.Contains("Contradicts itself", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, marked.Count);
        Assert.All(marked, m => Assert.Contains("script-article.txt", m.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Contradictions_FilterWithNoMatch_HelpfulEmptyState()
    {
        // Act
        var page = await app.GetDocumentAsync("/Contradictions?subject=globex");

        // Assert
        Assert.Empty(page.QuerySelectorAll("article.finding"));
        Assert.Contains("Show all contradictions", page.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
    }
}
