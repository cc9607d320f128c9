using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Sources;

public sealed class PlainTextReaderTests
{
    [Fact]
    public void Read_Text_KeepsFileAsIs()
    {
        // Arrange
        const string content = "Title line\r\n\r\n  • Deleted chats: Removed within 30 days\r\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        Assert.Equal(content, document.Text);
        Assert.Equal(SourceFormat.Text, document.Format);
    }

    [Theory]
    [InlineData("  • Deleted chats: Removed within 30 days", "Deleted chats: Removed within 30 days")]
    [InlineData("- This setting applies to all future conversations", "This setting applies to all future conversations")]
    [InlineData("\t* Starred item", "Starred item")]
    [InlineData("•\tTab after bullet", "Tab after bullet")]
    [InlineData(" ◦ Hollow bullet", "Hollow bullet")]
    [InlineData("▪ Square bullet", "Square bullet")]
    [InlineData("– En dash bullet", "En dash bullet")]
    [InlineData("12. Numbered item", "Numbered item")]
    [InlineData("3) Parenthesised number", "Parenthesised number")]
    [InlineData("b. Lettered item", "Lettered item")]
    public void Read_BulletLine_SpanExcludesMarker(string line, string expected)
    {
        // Arrange
        var content = "Our retention rules:\n" + line + "\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        var item = Assert.Single(document.Blocks, b => b.Kind == BlockKind.ListItem);
        Assert.Equal(expected, SourceAssert.Slice(document, item));
    }

    [Fact]
    public void Read_ListAfterParagraph_ContextIsLastSentence()
    {
        // Arrange
        const string content = "We keep data briefly. Here is how long:\n\n- Deleted chats: 30 days\n- Flagged chats: 2 years\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        var items = document.Blocks.Where(b => b.Kind == BlockKind.ListItem).ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Here is how long:", SourceAssert.ContextOf(document, i)));
    }

    [Fact]
    public void Read_ItemEndingInColon_IntroducesFollowingSubList()
    {
        // Arrange
        const string content = "Steps:\n1. Open the tabs at the top:\n- General\n- Privacy\n2. Click Privacy\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        Assert.Equal("Open the tabs at the top:", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Privacy")));
        Assert.Equal("Steps:", SourceAssert.ContextOf(document, SourceAssert.Single(document, "Click Privacy")));
    }

    [Fact]
    public void Read_ShortIsolatedLine_IsHeading()
    {
        // Arrange
        const string content = "Data Retention\n\nWe keep deleted chats for 30 days.\n\nEstimated Time: 2-3 minutes\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        Assert.Equal(BlockKind.Heading, SourceAssert.Single(document, "Data Retention").Kind);
        Assert.Equal(BlockKind.Paragraph, SourceAssert.Single(document, "We keep deleted chats for 30 days.").Kind);
        Assert.Equal(BlockKind.Paragraph, SourceAssert.Single(document, "Estimated Time: 2-3 minutes").Kind);
        Assert.Equal("Data Retention", document.Title);
    }

    [Fact]
    public void Read_RunOfShortLines_IsNotHeadings()
    {
        // Arrange
        const string content = "Mode Training Retention\nDefault No 30 days\nOpt-in Yes Five years\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        Assert.Equal(3, document.Blocks.Count);
        Assert.All(document.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
    }

    [Fact]
    public void Read_TabSeparatedLines_AreTableRowsWithHeaderContext()
    {
        // Arrange
        const string content = "History\n\nVersion\tDate\n1.0\tNovember 8, 2025\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        var rows = document.Blocks.Where(b => b.Kind == BlockKind.TableRow).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Context);
        Assert.Equal("Version\tDate", SourceAssert.ContextOf(document, rows[1]));
        Assert.Equal("1.0\tNovember 8, 2025", SourceAssert.Slice(document, rows[1]));
    }

    [Fact]
    public void Read_LongFirstLine_HasNoTitle()
    {
        // Arrange
        const string content = "By default, everything you type to Claude and every response you receive can be used to train models.\n";

        // Act
        var document = SourceAssert.Read("a.txt", content);

        // Assert
        Assert.Null(document.Title);
        Assert.Equal(BlockKind.Paragraph, Assert.Single(document.Blocks).Kind);
    }

    [Fact]
    public void Read_SeedGuide_SettingTimingItemExcludesDash()
    {
        // Arrange
        var path = SourceAssert.SeedPath("002");

        // Act
        var document = SourceReader.Read(path, File.ReadAllBytes(path));

        // Assert
        SourceAssert.BlocksAreWellFormed(document);
        var item = SourceAssert.Single(document, "This setting applies to all future conversations from the moment you disable it");
        Assert.Equal(BlockKind.ListItem, item.Kind);
        Assert.Equal("When you turn OFF the \"Help improve Claude\" toggle:", SourceAssert.ContextOf(document, item));
        Assert.DoesNotContain(document.Blocks, b => SourceAssert.Slice(document, b).StartsWith("- ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000", "Deleted chats: Removed within 30 days")]
    [InlineData("000", "OpenAI (ChatGPT): Uses conversations for training unless you opt out")]
    [InlineData("003", "We retain contributed content in de-identified form for up to five years to support model updates and long-term improvements.")]
    public void Read_SeedArticles_ListItemsAreWholeBlocks(string seed, string itemText)
    {
        // Arrange
        var path = SourceAssert.SeedPath(seed);

        // Act
        var document = SourceReader.Read(path, File.ReadAllBytes(path));

        // Assert
        SourceAssert.BlocksAreWellFormed(document);
        Assert.Equal(File.ReadAllText(path), document.Text);
        var item = SourceAssert.Single(document, itemText);
        Assert.Equal(BlockKind.ListItem, item.Kind);
        Assert.NotNull(item.Context);
    }
}
