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
}
