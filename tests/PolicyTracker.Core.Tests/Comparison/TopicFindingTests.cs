using PolicyTracker.Core.Comparison;
using static PolicyTracker.Core.Tests.Comparison.Claims;

namespace PolicyTracker.Core.Tests.Comparison;

public sealed class TopicFindingTests
{
    private static TopicFinding FindingOf(params ComparableClaim[] claims) =>
        ComparisonModel.Build(claims, []).Find(Subject, Topic)!;

    [Fact]
    public void Verdict_OverlappingScopesDifferentValues_Disagree()
    {
        // Arrange, Act
        var finding = FindingOf(Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "free", "P60D"));

        // Assert
        Assert.Equal(Verdict.Disagree, finding.Verdict);
        Assert.Equal([1L, 2L], finding.Disputed.Order());
        Assert.False(finding.SelfContradiction);
    }

    [Fact]
    public void Verdict_OverlappingScopesSameValue_Agree()
    {
        // Arrange, Act
        var finding = FindingOf(Claim(1, 1, "all", "P30D"), Claim(2, 2, "pro", "P30D"));

        // Assert
        Assert.Equal(Verdict.Agree, finding.Verdict);
        var side = Assert.Single(finding.Sides);
        Assert.Equal(("P30D", 2, 2), (side.Value, side.ClaimCount, side.SourceCount));
        Assert.Empty(finding.Disputed);
    }

    [Fact]
    public void Verdict_ScopesThatDoNotOverlap_OtherScopeNeitherAgreeingNorDisagreeing()
    {
        // Arrange, Act: business plans and the API are different people's data.
        var model = ComparisonModel.Build([Claim(1, 1, "commercial", "P30D"), Claim(2, 2, "api", "P0D")], []);
        var finding = model.Find(Subject, Topic)!;

        // Assert
        Assert.Equal(Verdict.OtherScope, finding.Verdict);
        Assert.Empty(model.Contradictions);
        Assert.Empty(model.Corroborations);
        Assert.Equal(["P0D", "P30D"], finding.Sides.Select(s => s.Value));
    }

    [Fact]
    public void Verdict_OneClaim_Alone()
    {
        // Arrange, Act
        var finding = FindingOf(Claim(1, 1, "consumer", "P30D"));

        // Assert
        Assert.Equal(Verdict.Alone, finding.Verdict);
        Assert.False(finding.ChangedOverTime);
    }

    [Fact]
    public void SelfContradiction_OneSourceOnBothSides_NamesThatSourceOnly()
    {
        // Arrange: source 1 says two things about consumers; source 2 agrees with one of them.
        var finding = FindingOf(Claim(1, 1, "consumer", "P30D"), Claim(2, 1, "consumer", "P60D"), Claim(3, 2, "consumer", "P30D"));

        // Act
        var self = finding.SelfContradictingSources;

        // Assert
        Assert.True(finding.SelfContradiction);
        Assert.Equal([1L], self);
        Assert.True(finding.Involved.SameSource);
    }

    [Fact]
    public void SelfContradiction_OneSourceInScopesThatDoNotOverlap_IsNone()
    {
        // Arrange: one source, two values, but for free and for pro plans; another source disagrees about consumers.
        var finding = FindingOf(Claim(1, 1, "free", "P30D"), Claim(2, 1, "pro", "P60D"), Claim(3, 2, "consumer", "P90D"));

        // Act, Assert
        Assert.Equal(Verdict.Disagree, finding.Verdict);
        Assert.Empty(finding.SelfContradictingSources);
    }

    [Fact]
    public void Sides_Disagreement_HoldOnlyTheDisputedClaimsWhileAllSidesHoldEveryClaim()
    {
        // Arrange: the API claim speaks of other people's data than the two that disagree.
        var finding = FindingOf(Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "consumer", "P60D"), Claim(3, 3, "api", "P0D"));

        // Act
        var sides = finding.Sides.Select(s => s.Value).ToList();
        var all = finding.AllSides.Select(s => s.Value).ToList();

        // Assert
        Assert.Equal(["P30D", "P60D"], sides);
        Assert.Equal(["P0D", "P30D", "P60D"], all);
        Assert.Equal([1L, 2L], finding.Involved.ClaimIds);
    }

    [Fact]
    public void Corroborations_DisputedTopic_StillListTheValueTwoSourcesAgreeOn()
    {
        // Arrange, Act
        var finding = FindingOf(Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "consumer", "P30D"), Claim(3, 3, "consumer", "P60D"));

        // Assert
        Assert.Equal(Verdict.Disagree, finding.Verdict);
        var corroboration = Assert.Single(finding.Corroborations);
        Assert.Equal(["P30D"], corroboration.Values);
        Assert.Equal([1L, 2L], corroboration.ClaimIds);
    }

    [Fact]
    public void RelationsTo_EveryOtherClaim_DisagreementFirstThenById()
    {
        // Arrange
        var finding = FindingOf(
            Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "all", "P30D"), Claim(3, 3, "commercial", "P60D"), Claim(4, 4, "free", "P90D"));

        // Act: a suggestion, not among the claims, is compared with them all.
        var relations = finding.RelationsTo(Claim(9, 5, "consumer", "P30D"));

        // Assert
        Assert.Equal(
            [(4L, ClaimRelation.Disagrees), (1L, ClaimRelation.Agrees), (2L, ClaimRelation.Agrees), (3L, ClaimRelation.OtherScope)],
            relations.Select(r => (r.Claim.Id, r.Relation)));
    }

    [Fact]
    public void RelationsTo_AClaimOfTheFinding_LeavesItselfOut()
    {
        // Arrange
        var finding = FindingOf(Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "consumer", "P60D"));

        // Act
        var relations = finding.RelationsTo(finding.Claims[0]);

        // Assert
        var only = Assert.Single(relations);
        Assert.Equal((2L, ClaimRelation.Disagrees), (only.Claim.Id, only.Relation));
    }
}
