using PolicyTracker.Core.Comparison;

namespace PolicyTracker.Core.Tests.Comparison;

public sealed class ScopesTests
{
    [Theory]
    [InlineData("all", "commercial", true)]
    [InlineData("consumer", "free", true)]
    [InlineData("pro", "consumer", true)]
    [InlineData("free", "pro", false)]
    [InlineData("commercial", "api", false)]
    [InlineData("api", "api", true)]
    [InlineData("consumer", "government", false)]
    public void Overlap_ScopePairs_FollowClaimsRules(string a, string b, bool expected)
    {
        Assert.Equal(expected, Scopes.Overlap(a, b));
        Assert.Equal(expected, Scopes.Overlap(b, a));
    }
}
