using PolicyTracker.Core.Comparison;
using static PolicyTracker.Core.Tests.Comparison.Claims;

namespace PolicyTracker.Core.Tests.Comparison;

public sealed class SideTests
{
    [Fact]
    public void Sides_MostSourcesFirst_ThenByValue()
    {
        // Arrange: P90D has the most claims but from one source; P30D and P60D have two sources each.
        ComparableClaim[] claims =
        [
            Claim(1, 1, "consumer", "P90D"), Claim(2, 1, "consumer", "P90D"), Claim(3, 1, "consumer", "P90D"),
            Claim(4, 2, "consumer", "P60D"), Claim(5, 3, "consumer", "P60D"),
            Claim(6, 4, "consumer", "P30D"), Claim(7, 5, "consumer", "P30D"),
        ];

        // Act
        var sides = ComparisonModel.Build(claims, []).Find(Subject, Topic)!.Sides;

        // Assert
        Assert.Equal([("P30D", 2, 2), ("P60D", 2, 2), ("P90D", 3, 1)], sides.Select(s => (s.Value, s.ClaimCount, s.SourceCount)));
    }

    [Fact]
    public void Examples_ManyClaimsFromFewSources_OnePerSourceBeforeAnySecondAndAtMostFour()
    {
        // Arrange: source 1 gives the value five times (ids 1-5), sources 2 and 3 once each (ids 6, 7).
        ComparableClaim[] claims =
        [
            Claim(1, 1, "consumer", "P30D"), Claim(2, 1, "consumer", "P30D"), Claim(3, 1, "consumer", "P30D"),
            Claim(4, 1, "consumer", "P30D"), Claim(5, 1, "consumer", "P30D"),
            Claim(6, 2, "consumer", "P30D"), Claim(7, 3, "consumer", "P30D"), Claim(8, 4, "consumer", "P60D"),
        ];

        // Act
        var side = ComparisonModel.Build(claims, []).Find(Subject, Topic)!.Sides.Single(s => s.Value == "P30D");

        // Assert
        Assert.Equal(Side.ExampleCount, side.Examples.Count);
        Assert.Equal([1L, 6L, 7L, 2L], side.Examples.Select(c => c.Id));
        Assert.Equal(7, side.ClaimCount);
    }
}
