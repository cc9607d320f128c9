using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using static PolicyTracker.Core.Tests.Comparison.Claims;

namespace PolicyTracker.Core.Tests.Comparison;

public sealed class SubjectGridTests
{
    private const string Training = "training.default";

    // Source 1 (an article) disagrees with itself on deletion; source 2 (the policy) agrees with one of its values;
    // source 3 (an article) speaks about training only; another subject's claim never shows.
    private static readonly ComparisonModel Model = ComparisonModel.Build(
        [
            Claim(1, 1, "consumer", "P30D"), Claim(2, 1, "consumer", "P60D"), Claim(3, 2, "consumer", "P30D"),
            Claim(4, 1, "consumer", "opt-in", Training), Claim(5, 3, "consumer", "opt-in", Training),
            Claim(6, 3, "commercial", "opt-out", Training), Claim(7, 3, "consumer", "opt-out", Training, subject: "globex"),
        ],
        []);

    [Fact]
    public void Columns_KindsGiven_PolicyFirstThenMostClaimsThenNameAndUnknownSourcesLeftOut()
    {
        // Arrange
        var grid = Model.Grid(Subject);
        var kinds = new Dictionary<long, SourceKind> { [1] = SourceKind.Article, [2] = SourceKind.OfficialPolicy, [3] = SourceKind.Article };

        // Act
        var all = grid.Columns(kinds);
        var withoutTwo = grid.Columns(kinds.Where(k => k.Key != 2).ToDictionary());

        // Assert: source 1 has three claims, source 3 two.
        Assert.Equal([2L, 1L, 3L], all);
        Assert.Equal([1L, 3L], withoutTwo);
    }

    [Fact]
    public void Cell_SourceThatContradictsItself_IsDisputedAndSaysSo()
    {
        // Arrange
        var grid = Model.Grid(Subject);

        // Act
        var cell = grid.Cell(Topic, 1);

        // Assert
        Assert.True(cell.Disputed);
        Assert.True(cell.SelfContradiction);
        Assert.Equal([("P30D", 2), ("P60D", 1)], cell.Values.Select(v => (v.Value, v.SourceCount)));
        Assert.Equal([1L, 2L], cell.Claims.Select(c => c.Id));
    }

    [Fact]
    public void Cell_SourceAgreeingWithPartOfADispute_IsDisputedButNotSelfContradicting()
    {
        // Arrange, Act
        var cell = Model.Grid(Subject).Cell(Topic, 2);

        // Assert
        Assert.True(cell.Disputed);
        Assert.False(cell.SelfContradiction);
    }

    [Fact]
    public void Cell_TopicWithOtherScopeOnly_IsNotDisputed()
    {
        // Arrange: consumers opted in by both sources, business plans opted out: no overlap, no dispute.
        var grid = Model.Grid(Subject);

        // Act
        var cell = grid.Cell(Training, 3);

        // Assert
        Assert.False(cell.Disputed);
        Assert.Equal(Verdict.Agree, grid.Finding(Training)!.Verdict);
        Assert.Equal([("opt-in", 2), ("opt-out", 1)], cell.Values.Select(v => (v.Value, v.SourceCount)));
    }

    [Fact]
    public void Cell_SourceSilentOnTopic_IsEmpty()
    {
        // Arrange, Act
        var cell = Model.Grid(Subject).Cell(Topic, 3);

        // Assert
        Assert.Same(GridCell.Empty, cell);
        Assert.Empty(cell.Claims);
    }

    [Fact]
    public void Grid_Subject_CountsOnlyItsOwnClaimsAndTopics()
    {
        // Arrange, Act
        var grid = Model.Grid(Subject);

        // Assert
        Assert.Equal(6, grid.ClaimCount);
        Assert.Equal([Topic, Training], grid.Topics);
        Assert.Equal(new Dictionary<long, int> { [1] = 3, [2] = 1, [3] = 2 }, grid.ClaimsPerSource.OrderBy(p => p.Key).ToDictionary());
        Assert.Same(grid, Model.Grid(Subject));
    }
}
