using PolicyTracker.Core.Extraction.Values;

namespace PolicyTracker.Core.Tests.Extraction;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("kept for five years", 1825)]
    [InlineData("within thirty (30) days", 30)]
    [InlineData("1 year maximum", 365)]
    [InlineData("up to 18 months", 540)]
    [InlineData("for 72 hours", 3)]
    [InlineData("for twenty-four months", 720)]
    [InlineData("after 2 weeks", 14)]
    [InlineData("for a year", 365)]
    [InlineData("between 30 and 90 days", 90)]
    [InlineData("30-day retention period", 30)]
    [InlineData("within 30 to 60 days", 60)]
    public void FindAll_WrittenDuration_NormalisesToDays(string text, int days)
    {
        var found = Assert.Single(DurationParser.FindAll(text));

        Assert.Equal(days, found.Days);
        Assert.Equal($"P{days}D", found.Iso);
    }

    [Theory]
    [InlineData("We care about your privacy.")]
    [InlineData("several days")]
    [InlineData("version 2.0 of the app")]
    public void FindAll_NoDuration_FindsNone(string text) => Assert.Empty(DurationParser.FindAll(text));

    [Theory]
    [InlineData("on October 29, 2025 we", "2025-10-29")]
    [InlineData("since 29 October 2025", "2025-10-29")]
    [InlineData("effective Oct. 29, 2025", "2025-10-29")]
    [InlineData("from 2025-10-29 on", "2025-10-29")]
    [InlineData("dated 10/29/2025", "2025-10-29")]
    [InlineData("in September 2025", "2025-09")]
    [InlineData("the 1st of March, 2024", "2024-03-01")]
    public void FindAll_WrittenDate_NormalisesToIso(string text, string iso)
    {
        var found = Assert.Single(DateParser.FindAll(text));

        Assert.Equal(iso, found.Value);
    }

    [Fact]
    public void FindAll_ImpossibleDate_IsIgnored() => Assert.Empty(DateParser.FindAll("February 30, 2025"));

    [Fact]
    public void FindAll_DurationSpan_CoversTheWrittenForm()
    {
        const string text = "Deleted chats: Removed within 30 days";

        var found = Assert.Single(DurationParser.FindAll(text));

        Assert.Equal("30 days", text[found.Span.Start..found.Span.End]);
    }
}
