using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Tests.Extraction;

/// <summary>A document's fewer and weaker answers to a question it answers otherwise are kept as suggestions.</summary>
public sealed class DocumentConsistencyTests
{
    private static ExtractedClaim Claim(string value, double confidence, int at, string scope = "consumer") =>
        new("acme", "training.default", scope, value, $"statement {at}", new TextSpan(at, at + 10)) { Confidence = confidence };

    [Fact]
    public void Settle_FewerAndWeakerAnswer_BecomesASuggestionSayingWhy()
    {
        List<ExtractedClaim> claims = [Claim("opt-out", 0.9, 0), Claim("opt-out", 0.85, 20), Claim("opt-in", 0.75, 40)];

        DocumentConsistency.Settle(claims);

        Assert.Equal([0.9, 0.85], claims.Where(c => c.Value == "opt-out").Select(c => c.Confidence));
        var outvoted = Assert.Single(claims, c => c.Value == "opt-in");
        Assert.True(outvoted.IsSuggestion(Confidence.DefaultThreshold));
        Assert.Contains(outvoted.Cues, c => c.Kind == CueKind.Doubt && c.Text == DocumentConsistency.Doubt);
    }

    [Theory]
    [InlineData(0.9)] // as sure as the other answer: a real change of mind or exception stays a claim
    [InlineData(0.95)]
    public void Settle_FewerButAsSureAnswer_Stands(double confidence)
    {
        List<ExtractedClaim> claims = [Claim("opt-out", 0.9, 0), Claim("opt-out", 0.85, 20), Claim("opt-in", confidence, 40)];

        DocumentConsistency.Settle(claims);

        Assert.All(claims, c => Assert.False(c.IsSuggestion(Confidence.DefaultThreshold)));
    }

    [Fact]
    public void Settle_AnswersForDifferentPlansOrAsOftenGiven_Stand()
    {
        List<ExtractedClaim> plans = [Claim("opt-out", 0.9, 0), Claim("opt-out", 0.9, 20), Claim("opt-in", 0.75, 40, scope: "commercial")];
        List<ExtractedClaim> even = [Claim("opt-out", 0.9, 0), Claim("opt-in", 0.75, 40)];

        DocumentConsistency.Settle(plans);
        DocumentConsistency.Settle(even);

        Assert.All(plans.Concat(even), c => Assert.False(c.IsSuggestion(Confidence.DefaultThreshold)));
    }
}
