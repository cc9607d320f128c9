using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Tests.Versions;

public sealed class StatedDateReaderTests
{
    [Theory]
    [InlineData("Privacy Policy\nLast updated: March 3, 2025\nWe collect data.", "2025-03-03")]
    [InlineData("Effective date: 1 January 2024\nText.", "2024-01-01")]
    [InlineData("Last modified 2024-02-03\nText.", "2024-02-03")]
    [InlineData("Effective as of June 12, 2025\nText.", "2025-06-12")]
    [InlineData("Updated: 12/17/2024\nText.", "2024-12-17")]
    [InlineData("Updated: 17/12/2024\nText.", "2024-12-17")]
    [InlineData("**Last Updated:** _September 29, 2025_\nText.", "2025-09-29")]
    [InlineData("# Terms\n\nThis policy was last updated on Oct. 5, 2023. Read it carefully.", "2023-10-05")]
    public void Read_StatedDate_ReadsIt(string text, string expected)
    {
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StatedDateReader.Read(text));
    }

    [Theory]
    [InlineData("Data from January 20, 2020 is retained for analytics.\nWe review it yearly.")]
    [InlineData("Privacy Policy\nWe updated our practices on March 3, 2025 to add new controls.")]
    [InlineData("Updated: 03/04/2025\nText.")] // March 4 or 3 April: ambiguous
    [InlineData("Last updated: March 2025\nText.")] // no day
    [InlineData("Last updated: February 30, 2025\nText.")] // no such day
    [InlineData("")]
    public void Read_NoUnambiguousStatedDate_ReturnsNull(string text)
    {
        Assert.Null(StatedDateReader.Read(text));
    }

    [Fact]
    public void Read_SeveralDates_PrefersEffectiveOrLastUpdatedNearTheStart()
    {
        const string text = "Updated: May 1, 2025\nLast updated: April 2, 2025\nBody text.\nEffective date: March 1, 2025\n"
            + "This policy was last updated on June 9, 2025.";

        Assert.Equal(new DateOnly(2025, 4, 2), StatedDateReader.Read(text));
    }

    [Fact]
    public void Read_DateInSentenceAboveTheLabel_TakesTheLabel()
    {
        const string text = "Since January 5, 2021 we have offered exports.\nLast updated: July 19, 2025";

        Assert.Equal(new DateOnly(2025, 7, 19), StatedDateReader.Read(text));
    }
}
