namespace PolicyTracker.Web.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Placeholder_IsReplaced() => Assert.True(true);
}
