using PolicyTracker.Core.Text;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Tests;

public sealed class IngestOutcomeTests
{
    [Theory]
    [InlineData(0, 0, "0 claims")]
    [InlineData(1, 0, "1 claim")]
    [InlineData(1, 1, "1 claim, a suggestion for editors")]
    [InlineData(12, 1, "12 claims, 1 of them a suggestion for editors")]
    [InlineData(12, 3, "12 claims, 3 of them suggestions for editors")]
    public void Claims_Counts_ReadAsEnglish(int claims, int suggestions, string expected)
    {
        // Act
        var text = IngestOutcome.Claims(claims, suggestions);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void NewVersionLine_OlderThanCurrentWithOneChange_SaysBoth()
    {
        // Act
        var line = new IngestOutcome.NewVersion("policy", 7, 1, 3, 1, 0, 1).Line;

        // Assert
        Assert.Equal("new version of policy: version 1 of 3, older than the current one, 1 claim, 1 change in its history", line);
    }

    [Fact]
    public void Lines_TextInALanguageNotRead_SayWhyAfterTheCounts()
    {
        // Arrange
        var chinese = new UnreadLanguage("Chinese");

        // Act
        var added = new IngestOutcome.Added("kimi.md", 7, 0, 0, chinese).Line;
        var version = new IngestOutcome.NewVersion("kimi.md", 7, 2, 2, 0, 0, 3, chinese).Line;

        // Assert
        Assert.Equal("added kimi.md: 0 claims — its text is mostly Chinese; claims are read from English text only", added);
        Assert.Equal(
            "new version of kimi.md: version 2 of 2, 0 claims, 3 changes in its history — its text is mostly Chinese; claims are read from English text only",
            version);
    }

    [Fact]
    public void Lines_TextInEnglish_SayNothingMore()
    {
        // Act
        var line = new IngestOutcome.Added("policy.md", 7, 2).Line;

        // Assert
        Assert.Equal("added policy.md: 2 claims", line);
    }
}
