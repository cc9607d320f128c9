using PolicyTracker.Core.Comparison;

namespace PolicyTracker.Core.Tests.Gold;

public sealed class SeedContradictionTests
{
    private static readonly Lazy<IReadOnlyList<ComparableClaim>> SeedClaims = new(() =>
        [.. GoldCorpus.Seeds
            .SelectMany((d, source) => d.Claims.Select(c => (SourceId: source, d.FileName, Claim: c)))
            .Select((x, i) => new ComparableClaim(i, x.SourceId, x.FileName, x.Claim.Subject, x.Claim.Topic, x.Claim.Scope, x.Claim.Value))]);

    // The seeds disagree on these: 000 and 003 say opt-in where 001 says opt-out, 000 says "no exceptions"
    // where 001 describes one, and 000 says past and future chats where 002 says future ones only.
    [Theory]
    [InlineData("anthropic", "training.default")]
    [InlineData("anthropic", "training.safety_exception")]
    [InlineData("anthropic", "training.setting_timing")]
    public void Compare_SeedClaims_FindsContradiction(string subject, string topic)
    {
        // Arrange
        var claims = SeedClaims.Value;

        // Act
        var result = ClaimComparer.Compare(claims);

        // Assert
        Assert.Contains((subject, topic), result.Contradictions.Select(c => (c.Subject, c.Topic)));
    }

    [Fact]
    public void Compare_SeedClaimsOnEncryptionAtRest_AgreeWithoutContradiction()
    {
        // Arrange: 000 and 003 both say AES-256.
        var claims = SeedClaims.Value;

        // Act
        var result = ClaimComparer.Compare(claims);

        // Assert
        Assert.DoesNotContain(result.Contradictions, c => (c.Subject, c.Topic) == ("anthropic", "security.encryption_at_rest"));
        Assert.Contains(result.Corroborations, c => (c.Subject, c.Topic) == ("anthropic", "security.encryption_at_rest"));
    }

    [Fact]
    public void Compare_SeedClaims_EveryContradictionStaysWithinOneSubjectAndTopic()
    {
        // Arrange
        var claims = SeedClaims.Value;
        var byId = claims.ToDictionary(c => c.Id);

        // Act
        var result = ClaimComparer.Compare(claims);

        // Assert
        Assert.NotEmpty(result.Contradictions);
        Assert.All(result.Contradictions, finding =>
        {
            Assert.True(finding.ClaimIds.Count >= 2, $"{finding.Subject} {finding.Topic} has fewer than two claims");
            Assert.All(finding.ClaimIds, id => Assert.Equal((finding.Subject, finding.Topic), (byId[id].Subject, byId[id].Topic)));
            Assert.True(finding.Values.Count >= 2, $"{finding.Subject} {finding.Topic} has one value only");
        });
    }

    // CLAIMS.md: "all" overlaps every scope; "consumer" overlaps "free" and "pro"; "commercial" and "api" overlap
    // only themselves and "all".
    [Theory]
    [InlineData("all", "consumer", true)]
    [InlineData("all", "free", true)]
    [InlineData("all", "commercial", true)]
    [InlineData("all", "api", true)]
    [InlineData("all", "government", true)]
    [InlineData("consumer", "free", true)]
    [InlineData("consumer", "pro", true)]
    [InlineData("free", "free", true)]
    [InlineData("commercial", "commercial", true)]
    [InlineData("api", "api", true)]
    [InlineData("free", "pro", false)]
    [InlineData("commercial", "consumer", false)]
    [InlineData("commercial", "pro", false)]
    [InlineData("commercial", "api", false)]
    [InlineData("api", "consumer", false)]
    [InlineData("api", "free", false)]
    public void Compare_DifferentValuesInScopes_ContradictOnlyWhenScopesOverlap(string scopeA, string scopeB, bool contradicts)
    {
        // Arrange: listed both ways round, as the order of the claims must not matter.
        ComparableClaim[] claims =
        [
            new(1, 1, "a.txt", "anthropic", "training.default", scopeA, "opt-in"),
            new(2, 2, "b.txt", "anthropic", "training.default", scopeB, "opt-out"),
        ];

        // Act
        var forward = ClaimComparer.Compare(claims);
        var backward = ClaimComparer.Compare(claims.Reverse());

        // Assert
        Assert.Equal(contradicts ? 1 : 0, forward.Contradictions.Count);
        Assert.Equal(contradicts ? 1 : 0, backward.Contradictions.Count);
    }

    [Fact]
    public void Compare_EqualValuesInTwoSources_Corroborate()
    {
        // Arrange
        ComparableClaim[] claims =
        [
            new(1, 1, "a.txt", "anthropic", "security.encryption_at_rest", "consumer", "AES-256"),
            new(2, 2, "b.txt", "anthropic", "security.encryption_at_rest", "all", "AES-256"),
        ];

        // Act
        var result = ClaimComparer.Compare(claims);

        // Assert
        Assert.Empty(result.Contradictions);
        var corroboration = Assert.Single(result.Corroborations);
        Assert.Equal([1L, 2L], corroboration.ClaimIds);
        Assert.Equal(["AES-256"], corroboration.Values);
        Assert.False(corroboration.SameSource);
    }

    [Fact]
    public void Compare_DifferentSubjects_NeverContradict()
    {
        // Arrange
        ComparableClaim[] claims =
        [
            new(1, 1, "a.txt", "anthropic", "training.default", "consumer", "opt-in"),
            new(2, 1, "a.txt", "openai", "training.default", "consumer", "opt-out"),
            new(3, 2, "b.txt", "google", "training.default", "all", "opt-out"),
        ];

        // Act
        var result = ClaimComparer.Compare(claims);

        // Assert
        Assert.Empty(result.Contradictions);
    }

    [Fact]
    public void Compare_DisagreementWithinOneSource_IsSelfContradiction()
    {
        // Arrange
        ComparableClaim[] claims =
        [
            new(1, 1, "a.txt", "anthropic", "training.setting_timing", "consumer", "past-and-future"),
            new(2, 1, "a.txt", "anthropic", "training.setting_timing", "consumer", "future-only"),
        ];

        // Act
        var result = ClaimComparer.Compare(claims);

        // Assert
        var contradiction = Assert.Single(result.Contradictions);
        Assert.True(contradiction.SameSource);
        Assert.Equal([1L, 2L], contradiction.ClaimIds);
        Assert.Equal(["a.txt"], contradiction.Sources);
    }

    [Fact]
    public void Compare_DisagreementAcrossSources_IsNotSelfContradiction()
    {
        // Arrange
        ComparableClaim[] claims =
        [
            new(1, 1, "a.txt", "anthropic", "training.setting_timing", "consumer", "past-and-future"),
            new(2, 2, "b.txt", "anthropic", "training.setting_timing", "consumer", "future-only"),
        ];

        // Act
        var result = ClaimComparer.Compare(claims);

        // Assert
        var contradiction = Assert.Single(result.Contradictions);
        Assert.False(contradiction.SameSource);
        Assert.Equal(["a.txt", "b.txt"], contradiction.Sources);
    }
}
