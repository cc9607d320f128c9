using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Sources;

public sealed class HtmlReaderTests
{
    private static ExtractedDocument ReadBody(string body) =>
        SourceAssert.Read("a.html", $"<!doctype html><html><head><title>Page</title></head><body>{body}</body></html>");

    [Fact]
    public void Read_NonTextElements_AreSkipped()
    {
        // Arrange
        const string body = """
            <p>Kept.</p>
            <script>var s = "script";</script><style>p { color: red }</style>
            <noscript>Enable JavaScript</noscript><svg><text>svg text</text></svg>
            <template><p>template</p></template>
            <p hidden>hidden attr</p><div aria-hidden="true">aria hidden</div>
            <p style="display: none">display none</p><span style="visibility:hidden">invisible</span>
            """;

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Kept.", document.Text);
    }

    [Fact]
    public void Read_CollapsedAccordionPanel_IsReadButOtherHiddenTextIsNot()
    {
        // Arrange: an FAQ whose answer a button opens, beside a hidden element nothing opens.
        const string body = """
            <button aria-expanded="false" aria-controls="answer-1"><h3>Do you sell data?</h3></button>
            <div id="answer-1" aria-hidden="true" hidden><p>We do not sell your data.</p></div>
            <div id="other" aria-hidden="true"><p>Decorative copy.</p></div>
            """;

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("We do not sell your data.", document.Text);
    }

    [Fact]
    public void Read_PageWithMain_SkipsChromeOutsideIt()
    {
        // Arrange
        const string body = "<header>Site banner</header><nav><a href='/'>Home</a></nav>"
            + "<main><h1>Privacy Policy</h1><p>We keep chats for 30 days.</p></main><footer>© 2025</footer>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Privacy Policy\n\nWe keep chats for 30 days.", document.Text);
    }

    [Fact]
    public void Read_PageWithoutMain_SkipsNavAndPageHeaderFooter()
    {
        // Arrange
        const string body = "<header>Site banner</header><nav>Home | Blog</nav>"
            + "<section><header><h2>Retention</h2></header><p>Thirty days.</p></section><footer>Footer links</footer>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Retention\n\nThirty days.", document.Text);
        Assert.Equal(BlockKind.Heading, document.Blocks[0].Kind);
    }

    [Fact]
    public void Read_ZeroWidthCharacters_AreRemoved()
    {
        // Arrange
        const string body = "<p>De\u00ADleted\u200B chats\u200C are re\u200Dmoved\u2060 within\uFEFF 30 days.</p>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Deleted chats are removed within 30 days.", document.Text);
    }

    [Fact]
    public void Read_HeadingBeforeParagraph_DoesNotRunIntoIt()
    {
        // Arrange
        const string body = "<div><h2>Data Retention</h2>We keep chats<br>for <b>30</b>\n   days.</div>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Data Retention\n\nWe keep chats\nfor 30 days.", document.Text);
        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph], document.Blocks.Select(b => b.Kind));
    }

    [Fact]
    public void Read_UnclosedTags_ReadAsBrowserWould()
    {
        // Arrange
        const string html = "<html><body><p>First <b>bold<p>Second<li>Item one<li>Item two<div>tail";

        // Act
        var document = SourceAssert.Read("a.html", html);

        // Assert
        Assert.Contains("First bold", document.Text, StringComparison.Ordinal);
        Assert.Equal(BlockKind.ListItem, SourceAssert.Single(document, "Item one").Kind);
        Assert.Contains(document.Blocks, b => SourceAssert.Slice(document, b) == "tail");
    }

    [Fact]
    public void Read_Table_RowsReferToHeaderRow()
    {
        // Arrange
        const string body = "<table><thead><tr><th>Plan</th><th>Retention</th></tr></thead>"
            + "<tbody><tr><td>Free</td><td><p>30</p> days</td></tr><tr><td></td><td>2 years</td></tr></tbody></table>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Plan | Retention\n\nFree | 30 days\n\n| 2 years", document.Text);
        Assert.All(document.Blocks, b => Assert.Equal(BlockKind.TableRow, b.Kind));
        Assert.Null(document.Blocks[0].Context);
        Assert.Equal("Plan | Retention", SourceAssert.ContextOf(document, document.Blocks[1]));
        Assert.Equal("Plan | Retention", SourceAssert.ContextOf(document, document.Blocks[2]));
    }

    [Fact]
    public void Read_TableWithoutThead_FirstThRowIsHeader()
    {
        // Arrange
        const string body = "<table><tr><th>Mode</th><th>Training</th></tr><tr><td>Default</td><td>No</td></tr></table>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Mode | Training", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Default | No")));
    }

    [Fact]
    public void Read_ListAfterParagraph_ItemsGetLeadIn()
    {
        // Arrange
        const string body = "<p>We care. We keep:</p><ul><li><p>Deleted chats: 30 days</p></li><li>Logs: <em>90</em> days<ul><li>Security logs</li></ul></li></ul>";

        // Act
        var document = ReadBody(body);

        // Assert
        var deleted = SourceAssert.Single(document, "Deleted chats: 30 days");
        Assert.Equal(BlockKind.ListItem, deleted.Kind);
        Assert.Equal("We keep:", SourceAssert.ContextOf(document, deleted));
        Assert.Equal("Logs: 90 days", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Security logs")));
    }

    [Fact]
    public void Read_EscapedMarkupAndPre_KeptAsText()
    {
        // Arrange
        const string body = "<p>Never paste &lt;script&gt; tags.</p><pre>&lt;script&gt;alert(1)&lt;/script&gt;\n  indented</pre>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("Never paste <script> tags.\n\n<script>alert(1)</script>\n  indented", document.Text);
    }

    [Fact]
    public void Read_Title_FromTitleElementElseFirstH1()
    {
        // Arrange
        const string withoutTitle = "<html><body><h1>Terms of\n Service</h1><p>Text.</p></body></html>";

        // Act
        var titled = ReadBody("<p>Text.</p>");
        var untitled = SourceAssert.Read("a.htm", withoutTitle);

        // Assert
        Assert.Equal("Page", titled.Title);
        Assert.Equal("Terms of Service", untitled.Title);
        Assert.Equal(SourceFormat.Html, untitled.Format);
    }

    [Fact]
    public void Read_OnlyScripts_RefusedAsNoReadableText()
    {
        // Arrange
        const string html = "<html><body><script>render()</script></body></html>";

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceAssert.Read("a.html", html));

        // Assert
        Assert.Equal("no readable text", error.Message);
    }

    [Fact]
    public void Read_DoubleLineBreak_SplitsParagraphs()
    {
        // Arrange
        const string body = "<div>We keep chats for 30 days.<br><br>We never sell data.</div>";

        // Act
        var document = ReadBody(body);

        // Assert
        Assert.Equal("We keep chats for 30 days.\n\nWe never sell data.", document.Text);
        Assert.Equal(2, document.Blocks.Count);
    }

    [Fact]
    public void Read_RealisticPolicyPage_BlocksAreTrimmedSlices()
    {
        // Arrange
        const string html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Privacy Policy | Example AI</title>
            <style>.x{}</style><script>window.dataLayer=[]</script></head>
            <body>
              <div class="cookie-banner" style="display:none">We use cookies</div>
              <header><nav><ul><li><a href="/">Home</a></li><li><a href="/p">Pricing</a></li></ul></nav></header>
              <div role="main">
                <h1>  Privacy&nbsp;Policy </h1>
                <p>Effective <time>October 29, 2025</time>.</p>
                <h2 id="retention">How long we keep data</h2>
                <p>
                  We keep your data only as long as needed. In particular:
                </p>
                <ol>
                  <li> <strong>Deleted chats:</strong> removed within 30 days. </li>
                  <li>Flagged content: up to 2 years.
                    <ul><li>Classifier scores: 7 years</li></ul>
                  </li>
                </ol>
                <table>
                  <caption>Retention by plan</caption>
                  <tr><th>Plan</th><th>Period</th></tr>
                  <tr><td>Free</td><td>30&nbsp;days</td></tr>
                </table>
              </div>
              <footer><p>© Example</p></footer>
            </body></html>
            """;

        // Act
        var document = SourceAssert.Read("policy.html", html);

        // Assert
        Assert.Equal("Privacy Policy | Example AI", document.Title);
        Assert.Equal(BlockKind.Heading, SourceAssert.Single(document, "Privacy Policy").Kind);
        var deleted = SourceAssert.Single(document, "Deleted chats: removed within 30 days.");
        Assert.Equal("In particular:", SourceAssert.ContextOf(document, deleted));
        Assert.Equal("Flagged content: up to 2 years.", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Classifier scores: 7 years")));
        Assert.Equal("Plan | Period", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Free | 30 days")));
        Assert.DoesNotContain("Home", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cookies", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("©", document.Text, StringComparison.Ordinal);
    }
}
