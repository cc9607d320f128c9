using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Sources;

public sealed class MarkdownReaderTests
{
    [Fact]
    public void Read_EmphasisLinksAndCode_KeepsOnlyVisibleText()
    {
        // Arrange
        const string content = "We **never** sell *your* data; see [our policy](https://example.com/privacy) and `retention_days` ![logo](logo.png)<span>now</span>.";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        Assert.Equal("We never sell your data; see our policy and retention_days now.", document.Text);
        Assert.Equal(BlockKind.Paragraph, Assert.Single(document.Blocks).Kind);
    }

    [Fact]
    public void Read_HeadingAndParagraph_SeparatedByBlankLine()
    {
        // Arrange
        const string content = "# Privacy Policy\n\nWe keep deleted chats\nfor 30 days.\n";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        Assert.Equal("Privacy Policy\n\nWe keep deleted chats for 30 days.", document.Text);
        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph], document.Blocks.Select(b => b.Kind));
        Assert.Equal("Privacy Policy", document.Title);
    }

    [Fact]
    public void Read_ListAfterParagraph_ItemsGetLeadInSentence()
    {
        // Arrange
        const string content = "We keep data briefly. Retention periods:\n\n- **Deleted chats:** 30 days\n- Flagged chats: 2 years\n";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        var item = SourceAssert.Single(document, "Deleted chats: 30 days");
        Assert.Equal(BlockKind.ListItem, item.Kind);
        Assert.Equal("Retention periods:", SourceAssert.ContextOf(document, item));
    }

    [Fact]
    public void Read_NestedList_ContextIsParentItem()
    {
        // Arrange
        const string content = "Plans:\n\n- Consumer plans:\n  - Free\n  - Pro\n- Team\n";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        Assert.Equal("Consumer plans:", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Pro")));
        Assert.Equal("Plans:", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Team")));
    }

    [Fact]
    public void Read_PipeTable_RowsJoinCellsAndReferToHeader()
    {
        // Arrange
        const string content = "| Plan | Retention |\n|------|-----------|\n| **Free** | 30 days |\n| Team | [custom](https://x) |\n";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        Assert.Equal("Plan | Retention\n\nFree | 30 days\n\nTeam | custom", document.Text);
        Assert.All(document.Blocks, b => Assert.Equal(BlockKind.TableRow, b.Kind));
        Assert.Null(document.Blocks[0].Context);
        Assert.Equal("Plan | Retention", SourceAssert.ContextOf(document, document.Blocks[2]));
    }

    [Fact]
    public void Read_FrontMatter_IsSkipped()
    {
        // Arrange
        const string content = "---\ntitle: Secret\nlayout: post\n---\n\nVisible text.\n";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        Assert.Equal("Visible text.", document.Text);
    }

    [Fact]
    public void Read_CodeBlock_KeptAsParagraphWithLines()
    {
        // Arrange
        const string content = "Set this:\n\n```\nretention: 30d\ntraining: off\n```\n";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        var code = SourceAssert.Single(document, "retention: 30d\ntraining: off");
        Assert.Equal(BlockKind.Paragraph, code.Kind);
    }

    [Fact]
    public void Read_HtmlBlock_ReadAsHtml()
    {
        // Arrange
        const string content = "Intro.\n\n<div>\n<p>We retain logs for 30 days.</p><script>track()</script>\n</div>\n";

        // Act
        var document = SourceAssert.Read("a.md", content);

        // Assert
        Assert.Equal("Intro.\n\nWe retain logs for 30 days.", document.Text);
    }

    [Fact]
    public void Read_AbsurdlyDeepNesting_RefusedWithReason()
    {
        // Arrange
        var content = string.Concat(Enumerable.Repeat("> ", 100_000)) + "text";

        // Act
        var error = Assert.Throws<SourceRejectedException>(() => SourceAssert.Read("a.md", content));

        // Assert
        Assert.Equal("markup nested too deeply to read", error.Message);
    }
}
