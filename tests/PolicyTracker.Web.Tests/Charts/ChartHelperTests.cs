using System.Xml.Linq;
using PolicyTracker.Web.Charts;

namespace PolicyTracker.Web.Tests.Charts;

public sealed class ChartHelperTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    [Fact]
    public void LogScale_Ends_MapToTheEndsOfTheRange()
    {
        // Arrange
        var scale = new LogScale(72, 43800, 100, 600);

        // Act, Assert
        Assert.Equal(100, scale.Map(72), 6);
        Assert.Equal(600, scale.Map(43800), 6);
    }

    [Fact]
    public void LogScale_EqualRatios_EqualDistances()
    {
        // Arrange
        var scale = new LogScale(1, 1000, 0, 300);

        // Act
        var tenfold = scale.Map(10) - scale.Map(1);
        var againTenfold = scale.Map(100) - scale.Map(10);

        // Assert: three decades over 300 pixels, 100 each.
        Assert.Equal(100, tenfold, 6);
        Assert.Equal(100, againTenfold, 6);
        Assert.Equal(150, scale.Map(Math.Sqrt(1000)), 6);
    }

    [Fact]
    public void LogScale_OutsideTheDomain_HeldAtTheEndsAndSaysSo()
    {
        // Arrange
        var scale = RetentionChart.Scale;

        // Act, Assert
        Assert.Equal(scale.Map(RetentionChart.AxisMinHours), scale.Map(0));
        Assert.Equal(scale.Map(RetentionChart.AxisMaxHours), scale.Map(1e9));
        Assert.True(scale.Clamps(24));
        Assert.False(scale.Clamps(720));
    }

    [Fact]
    public void LogScale_NotAboveZero_Refused()
    {
        // Arrange
        var scale = new LogScale(0, 10, 0, 100);

        // Act, Assert
        Assert.Throws<InvalidOperationException>(() => scale.Map(5));
    }

    [Theory]
    [InlineData("P30D", 720)]
    [InlineData("PT72H", 72)]
    [InlineData("P1825D", 43800)]
    [InlineData("P1Y", 8760)]
    [InlineData("P1M", 720)]
    [InlineData("P2W", 336)]
    [InlineData("P1DT12H", 36)]
    [InlineData("P0D", 0)]
    public void RetentionPeriod_IsoDuration_Hours(string value, double hours)
    {
        // Act
        var read = RetentionPeriod.TryHours(value, out var actual);

        // Assert
        Assert.True(read);
        Assert.Equal(hours, actual, 6);
    }

    [Theory]
    [InlineData("account-lifetime")]
    [InlineData("indefinite")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("30 days")]
    public void RetentionPeriod_NotADuration_False(string value) => Assert.False(RetentionPeriod.TryHours(value, out _));

    [Theory]
    [InlineData(72, "3 days")]
    [InlineData(24, "24 hours")]
    [InlineData(720, "30 days")]
    [InlineData(43800, "5 years")]
    [InlineData(1, "1 hour")]
    public void RetentionPeriod_Words_ReadAtAGlance(double hours, string words) => Assert.Equal(words, RetentionPeriod.Words(hours));

    [Fact]
    public void Svg_Render_WellFormedImageLabelledByItsTitleAndDescription()
    {
        // Arrange
        var svg = new Svg("test-chart", 200, 100, "A <title>", "Says \"what\" & why", "chart");
        svg.Open("g", ("class", "point"), ("data-skip", null)).Element("text", "<script>x</script>", ("x", 1.005)).Close();
        svg.Empty("circle", ("cx", 10.0), ("cy", 2), ("r", 3.333));

        // Act
        var root = XElement.Parse(svg.ToHtml().Value!);

        // Assert
        Assert.Equal(SvgNs + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("0 0 200 100", (string?)root.Attribute("viewBox"));
        var children = root.Elements().ToList();
        Assert.Equal([SvgNs + "title", SvgNs + "desc", SvgNs + "g", SvgNs + "circle"], children.Select(e => e.Name));
        Assert.Equal("A <title>", children[0].Value);
        Assert.Equal("Says \"what\" & why", children[1].Value);
        Assert.Equal(
            ((string?)children[0].Attribute("id")) + " " + ((string?)children[1].Attribute("id")),
            (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("<script>x</script>", children[2].Value);
        Assert.Null(children[2].Attribute("data-skip"));
        Assert.Equal("1", (string?)children[2].Element(SvgNs + "text")!.Attribute("x"));
        Assert.Equal("3.33", (string?)children[3].Attribute("r"));
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void TimeScale_MonthTicks_FirstOfEachMonthInside()
    {
        // Arrange
        var scale = new TimeScale(new(2025, 1, 15, 0, 0, 0, TimeSpan.Zero), new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero), 0, 100);

        // Act
        var ticks = scale.MonthTicks(2).Select(t => t.Month).ToList();

        // Assert
        Assert.Equal([2, 4, 6], ticks);
        Assert.Equal(0, scale.Map(scale.Start));
        Assert.Equal(100, scale.Map(scale.End));
    }
}
