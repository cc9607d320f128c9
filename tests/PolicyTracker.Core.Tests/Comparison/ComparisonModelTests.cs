using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Versions;
using static PolicyTracker.Core.Tests.Comparison.Claims;

namespace PolicyTracker.Core.Tests.Comparison;

public sealed class ComparisonModelTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static ClaimChange Changed(long source, string from, string to, DateTimeOffset observed, string topic = Topic) =>
        new($"source-{source}.txt", Subject, topic, "consumer",
            new ChangeSide(1, Earlier, from, $"kept for {from}", 0, 10),
            new ChangeSide(2, observed, to, $"kept for {to}", 0, 10),
            2,
            observed);

    [Fact]
    public void Build_SourceChangedItsValue_NotAContradictionButChangedOverTime()
    {
        // Arrange: source 1 said 30 days and now says 60, as source 2 does; only current claims are compared.
        var change = Changed(1, "P30D", "P60D", Later);

        // Act
        var model = ComparisonModel.Build([Claim(1, 1, "consumer", "P60D"), Claim(2, 2, "consumer", "P60D")], [change]);
        var finding = model.Find(Subject, Topic)!;

        // Assert
        Assert.Empty(model.Contradictions);
        Assert.Equal(Verdict.Agree, finding.Verdict);
        Assert.True(finding.ChangedOverTime);
        Assert.Equal([change], finding.Changes);
    }

    [Fact]
    public void Build_ChangesOnOneTopic_CarriedByThatFindingOnlyOldestFirst()
    {
        // Arrange
        var later = Changed(2, "P60D", "P90D", Later);
        var earlier = Changed(1, "P30D", "P60D", Earlier);
        var elsewhere = Changed(1, "opt-out", "opt-in", Later, topic: "training.default");

        // Act
        var model = ComparisonModel.Build([Claim(1, 1, "consumer", "P60D"), Claim(2, 2, "consumer", "P90D")], [later, elsewhere, earlier]);

        // Assert: the deletion topic still disagrees today, whatever it said before.
        var finding = model.Find(Subject, Topic)!;
        Assert.Equal(Verdict.Disagree, finding.Verdict);
        Assert.Equal([earlier, later], finding.Changes);
    }

    [Fact]
    public void Changes_AcrossTopics_EveryChangeNewestFirstThenBySource()
    {
        // Arrange
        var later = Changed(2, "P60D", "P90D", Later);
        var earlier = Changed(1, "P30D", "P60D", Earlier);
        var laterElsewhere = Changed(1, "opt-out", "opt-in", Later, topic: "training.default");

        // Act
        var model = ComparisonModel.Build([Claim(1, 1, "consumer", "P90D")], [earlier, laterElsewhere, later]);

        // Assert: the reports list them in this order, so it is decided here once.
        Assert.Equal([laterElsewhere, later, earlier], model.Changes);
    }

    [Fact]
    public void Build_ChangeOnTopicWithNoClaimLeft_StillAFindingThatChanged()
    {
        // Arrange: the only claim on training was removed in the newest version.
        var removed = new ClaimChange("source-1.txt", Subject, "training.default", "consumer",
            new ChangeSide(1, Earlier, "opt-in", "only if you opt in", 0, 18), null, 2, Later);

        // Act
        var model = ComparisonModel.Build([Claim(1, 1, "consumer", "P30D")], [removed]);
        var finding = model.Find(Subject, "training.default");

        // Assert
        Assert.NotNull(finding);
        Assert.Equal(Verdict.Alone, finding.Verdict);
        Assert.Empty(finding.Claims);
        Assert.Equal(ChangeKind.Removed, Assert.Single(finding.Changes).Kind);
        Assert.DoesNotContain("training.default", model.Topics);
    }

    [Fact]
    public void Build_NoChanges_NoFindingChangedOverTime()
    {
        // Arrange, Act
        var model = ComparisonModel.Build([Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "consumer", "P60D")], []);

        // Assert
        Assert.All(model.Findings, f => Assert.False(f.ChangedOverTime));
    }

    [Fact]
    public void Contradictions_SeveralSubjectsAndTopics_OnlyDisagreementsBySubjectThenTopic()
    {
        // Arrange
        ComparableClaim[] claims =
        [
            Claim(1, 1, "consumer", "opt-in", "training.default", "zeta"), Claim(2, 2, "consumer", "opt-out", "training.default", "zeta"),
            Claim(3, 1, "consumer", "P30D"), Claim(4, 2, "consumer", "P60D"),
            Claim(5, 1, "consumer", "yes", "rights.export"), Claim(6, 2, "consumer", "yes", "rights.export"),
        ];

        // Act
        var model = ComparisonModel.Build(claims, []);

        // Assert
        Assert.Equal([(Subject, Topic), ("zeta", "training.default")], model.Contradictions.Select(f => (f.Subject, f.Topic)));
        Assert.True(model.IsDisputed(Subject, Topic));
        Assert.False(model.IsDisputed(Subject, "rights.export"));
        Assert.Equal(["rights.export"], model.Corroborations.Select(c => c.Topic));
        Assert.Equal([(Subject, 4), ("zeta", 2)], model.Subjects.Select(s => (s.Subject, s.Claims)));
    }

    [Fact]
    public void PossibleContradictions_SuggestionDisagreeingWithAClaim_NamedWithItsSide()
    {
        // Arrange: two sources agree on 30 days; a suggestion waiting says 60.
        ComparableClaim[] claims = [Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "consumer", "P30D")];
        ComparableClaim[] suggestions = [Claim(9, 3, "consumer", "P60D")];

        // Act
        var model = ComparisonModel.Build(claims, [], suggestions);

        // Assert
        Assert.Empty(model.Contradictions);
        var possible = Assert.Single(model.PossibleContradictions);
        Assert.Equal([9L], possible.SuggestionIds);
        Assert.Equal(
            [("P30D", 2, Array.Empty<long>()), ("P60D", 0, [9L])],
            possible.Sides.Select(s => (s.Value, s.ClaimCount, s.SuggestionIds.ToArray())));
    }

    [Fact]
    public void PossibleContradictions_TopicAlreadyDisputed_NotListedAgain()
    {
        // Arrange
        ComparableClaim[] claims = [Claim(1, 1, "consumer", "P30D"), Claim(2, 2, "consumer", "P60D")];
        ComparableClaim[] suggestions = [Claim(9, 3, "consumer", "P90D")];

        // Act
        var model = ComparisonModel.Build(claims, [], suggestions);

        // Assert
        Assert.Single(model.Contradictions);
        Assert.Empty(model.PossibleContradictions);
    }

    [Fact]
    public void PossibleContradictions_SuggestionInAnotherScope_None()
    {
        // Arrange
        ComparableClaim[] claims = [Claim(1, 1, "consumer", "P30D")];
        ComparableClaim[] suggestions = [Claim(9, 2, "api", "P0D")];

        // Act
        var model = ComparisonModel.Build(claims, [], suggestions);

        // Assert
        Assert.Empty(model.PossibleContradictions);
        Assert.Equal(Verdict.Alone, model.Find(Subject, Topic)!.Verdict);
    }
}
