using System.Net;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Tests.Watching;

/// <summary>The classifier on address literals alone: nothing here connects anywhere.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.0.0.2", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("100.64.0.1", "shared address space")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("2001:db8::1", "documentation")]
    public void Refusal_NonPublicAddress_NamesWhy(string literal, string expected)
    {
        // Act
        var why = AddressGuard.Refusal(IPAddress.Parse(literal));

        // Assert
        Assert.NotNull(why);
        Assert.Contains(expected, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Refusal_PublicAddress_Null(string literal) => Assert.Null(AddressGuard.Refusal(IPAddress.Parse(literal)));

    [Theory]
    [InlineData("file:///etc/passwd", "scheme 'file'")]
    [InlineData("ftp://example.com/policy.txt", "scheme 'ftp'")]
    [InlineData("gopher://example.com/", "scheme 'gopher'")]
    [InlineData("http://user:secret@example.com/privacy", "credentials")]
    [InlineData("https://user@example.com/privacy", "credentials")]
    [InlineData("/privacy", "not an absolute address")]
    public void Parse_SchemeOrCredentialsOrRelative_Refused(string text, string expected)
    {
        // Act
        var (url, problem) = WatchUrl.Parse(text);

        // Assert
        Assert.Null(url);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 4, 6)]
    [InlineData(2, 8, 12)]
    [InlineData(3, 16, 24)]
    [InlineData(30, 60 * 24 * 0.8, 60 * 24 * 1.2)]
    public void Backoff_AfterFailures_DoublesJitteredAndCappedAtTheInterval(int failures, double minMinutes, double maxMinutes)
    {
        // Arrange
        var random = new Random(7);

        // Act
        var delays = Enumerable.Range(0, 200).Select(_ => FetchBackoff.After(failures, TimeSpan.FromDays(1), random).TotalMinutes).ToList();

        // Assert
        Assert.All(delays, d => Assert.InRange(d, minMinutes, maxMinutes));
        Assert.True(delays.Distinct().Count() > 1, "the delays are jittered");
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("12h", 720)]
    [InlineData("1d", 1440)]
    [InlineData("2w", 20160)]
    public void Interval_ParseAndFormat_RoundTrip(string text, double minutes)
    {
        var (interval, problem) = WatchInterval.Parse(text);

        Assert.Null(problem);
        Assert.Equal(minutes, interval.TotalMinutes);
        Assert.Equal(text, WatchInterval.Format(interval));
    }

    [Theory]
    [InlineData("5m")]
    [InlineData("1y")]
    [InlineData("daily")]
    [InlineData("400d")]
    public void Interval_TooShortTooLongOrNoInterval_Refused(string text) => Assert.NotNull(WatchInterval.Parse(text).Problem);
}
