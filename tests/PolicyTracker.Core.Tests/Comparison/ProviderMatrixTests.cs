using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Versions;
using static PolicyTracker.Core.Tests.Comparison.Claims;

namespace PolicyTracker.Core.Tests.Comparison;

public sealed class ProviderMatrixTests
{
    private const string Training = "training.default";
    private const string Deleted = "retention.deleted_chats";
    private const string Sale = "sharing.sale";
    private const string Export = "rights.export";

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // Source 1 is acme's policy, 2 and 3 articles, 4 globex's policy, 5 an article about globex.
    private static readonly Dictionary<long, SourceKind> Kinds = new()
    {
        [1] = SourceKind.OfficialPolicy, [2] = SourceKind.Article, [3] = SourceKind.Guide,
        [4] = SourceKind.OfficialPolicy, [5] = SourceKind.Article,
    };

    // acme: the policy says opt-in on training, two articles say opt-out (disputed, the policy still shown);
    // deletion agreed by policy and an article; sale stated by an article alone. globex: training agreed; its
    // deletion was changed recently and its sale long ago; its policy speaks of commercial and consumer deletion apart.
    private static readonly ComparableClaim[] Claimed =
    [
        Claim(1, 1, "consumer", "opt-in", Training), Claim(2, 2, "consumer", "opt-out", Training), Claim(3, 3, "consumer", "opt-out", Training),
        Claim(4, 1, "consumer", "P30D", Deleted), Claim(5, 2, "consumer", "P30D", Deleted),
        Claim(6, 3, "all", "no", Sale),
        Claim(7, 4, "consumer", "opt-out", Training, "globex"), Claim(8, 5, "consumer", "opt-out", Training, "globex"),
        Claim(9, 4, "consumer", "P90D", Deleted, "globex"), Claim(10, 4, "commercial", "P0D", Deleted, "globex"),
    ];

    private static readonly ClaimChange RecentChange = Change("globex", Deleted, "P30D", "P90D", Now.AddDays(-10));
    private static readonly ClaimChange OldChange = Change("globex", Sale, "no", null, Now.AddDays(-400));

    private static readonly ComparisonModel Model = ComparisonModel.Build(Claimed, [RecentChange, OldChange]);

    private static readonly string[] Catalog = [Training, "training.user_control", Deleted, Sale, Export];

    [Fact]
    public void Build_EveryCell_ValueAndCountsAreTheModels()
    {
        // Act
        var matrix = ProviderMatrix.Build(Model, Kinds, Now, catalogTopics: Catalog);

        // Assert: every cell against the finding for its subject and topic, and the subject's grid.
        var cells = matrix.Rows.SelectMany(r => r.Cells).ToList();
        Assert.Equal(matrix.Subjects.Count * Catalog.Length, cells.Count);
        foreach (var cell in cells)
        {
            var finding = Model.Find(cell.Subject, cell.Topic);
            var grid = Model.Grid(cell.Subject);
            var claims = finding?.Claims ?? [];
            Assert.Equal(claims.Count, cell.ClaimCount);
            Assert.Equal(claims.Select(c => c.SourceId).Distinct().Count(), cell.SourceCount);
            Assert.Equal(grid.Topics.Contains(cell.Topic), !cell.NoStatement);
            Assert.Equal(finding?.Verdict, cell.Verdict);
            Assert.Equal(Model.IsDisputed(cell.Subject, cell.Topic), cell.Disputed);
            Assert.Equal(finding?.SelfContradiction ?? false, cell.SelfContradiction);
            Assert.Equal(finding?.Changes ?? [], cell.Changes);
            var shownAndOthers = cell.Shown is null ? cell.Others : [cell.Shown, .. cell.Others];
            Assert.Equal(
                (finding?.AllSides ?? []).Select(s => (s.Value, s.SourceCount, s.ClaimCount)).OrderBy(s => s.Value, StringComparer.Ordinal),
                shownAndOthers.Select(v => (v.Value, v.Sources, v.Claims)).OrderBy(s => s.Value, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Cell_PolicyOutvotedByArticles_ShowsThePolicyMarkedOfficialAndWhatArticlesSay()
    {
        // Act
        var cell = ProviderMatrix.Build(Model, Kinds, Now).Cell(Subject, Training);

        // Assert
        Assert.Equal("opt-in", cell.Shown?.Value);
        Assert.True(cell.ShownIsOfficial);
        Assert.True(cell.Disputed);
        Assert.Equal(1, cell.Agreeing);
        Assert.Equal([("opt-out", 2)], cell.OtherSourcesSay.Select(v => (v.Value, v.OtherSources)));
    }

    [Fact]
    public void Cell_NoOfficialSource_ShowsTheMostWidelyHeldValueNotMarkedOfficial()
    {
        // Act
        var cell = ProviderMatrix.Build(Model, Kinds, Now).Cell(Subject, Sale);

        // Assert
        Assert.Equal("no", cell.Shown?.Value);
        Assert.False(cell.ShownIsOfficial);
        Assert.False(cell.Disputed);
        Assert.Equal(Verdict.Alone, cell.Verdict);
    }

    [Fact]
    public void Cell_AgreedBetweenPolicyAndArticle_CountsBothAndIsNotDisputed()
    {
        // Act
        var cell = ProviderMatrix.Build(Model, Kinds, Now).Cell(Subject, Deleted);

        // Assert
        Assert.Equal(("P30D", 2, 1), (cell.Shown?.Value, cell.Agreeing, cell.Shown?.OfficialSources));
        Assert.Equal(Verdict.Agree, cell.Verdict);
        Assert.Empty(cell.Others);
    }

    [Fact]
    public void Cell_TopicNoSourceStates_NoStatementFoundAndNotDisputed()
    {
        // Act
        var matrix = ProviderMatrix.Build(Model, Kinds, Now, catalogTopics: Catalog);
        var cell = matrix.Cell(Subject, Export);

        // Assert
        Assert.True(cell.NoStatement);
        Assert.False(cell.Disputed);
        Assert.Null(cell.Verdict);
        Assert.Equal(0, cell.Agreeing);
    }

    [Fact]
    public void Cell_ChangesInAndOutsideTheWindow_OnlyTheRecentOneMakesItChangedRecently()
    {
        // Act
        var matrix = ProviderMatrix.Build(Model, Kinds, Now);
        var deleted = matrix.Cell("globex", Deleted);
        var sale = matrix.Cell("globex", Sale);

        // Assert: the sale claim is gone, so the topic has changes but no statement.
        Assert.True(deleted.ChangedRecently);
        Assert.Equal([RecentChange], deleted.RecentChanges);
        Assert.False(sale.ChangedRecently);
        Assert.True(sale.NoStatement);
        Assert.Equal([OldChange], sale.Changes);
        Assert.Equal(Now - ProviderMatrix.RecentWindow, matrix.RecentSince);
    }

    [Fact]
    public void Cell_ScopesThatDoNotOverlap_OtherScopeNotDisputed()
    {
        // Act
        var cell = ProviderMatrix.Build(Model, Kinds, Now).Cell("globex", Deleted);

        // Assert: both values official, the first in ordinal order shown, the other kept.
        Assert.Equal(Verdict.OtherScope, cell.Verdict);
        Assert.False(cell.Disputed);
        Assert.Equal("P0D", cell.Shown?.Value);
        Assert.Equal(["P90D"], cell.Others.Select(v => v.Value));
        Assert.Empty(cell.OtherSourcesSay);
    }

    [Fact]
    public void Build_FamiliesAndCatalog_RowsGroupedInFamilyOrderThenCatalogOrder()
    {
        // Act
        var matrix = ProviderMatrix.Build(Model, Kinds, Now, catalogTopics: [Export, Deleted, "training.user_control", Training, Sale]);

        // Assert
        Assert.Equal(["training", "retention", "sharing", "rights"], matrix.Families.Select(f => f.Name));
        Assert.Equal(["training.user_control", Training], matrix.Families[0].Rows.Select(r => r.Topic));
    }

    [Fact]
    public void Build_FamilyAndSubjectFilters_OnlyThoseRowsColumnsAndChanges()
    {
        // Act
        var matrix = ProviderMatrix.Build(Model, Kinds, Now, new MatrixQuery(["retention"], ["globex"], MatrixSort.Claims), Catalog);

        // Assert
        Assert.Equal(["globex"], matrix.Subjects.Select(s => s.Subject));
        Assert.Equal([Deleted], matrix.Rows.Select(r => r.Topic));
        Assert.Equal([RecentChange], matrix.Changes);
        Assert.Throws<KeyNotFoundException>(() => matrix.Cell(Subject, Deleted));
    }

    [Theory]
    [InlineData(MatrixSort.Claims, new[] { "acme", "globex" })]
    [InlineData(MatrixSort.Name, new[] { "acme", "globex" })]
    public void Build_Sort_ColumnsInThatOrder(MatrixSort sort, string[] expected)
    {
        // Arrange: zeta has the most claims, so only the name sort puts it last.
        var model = ComparisonModel.Build(
            [.. Claimed, .. Enumerable.Range(20, 8).Select(i => Claim(i, 9, "consumer", "yes", Export, "zeta"))], []);

        // Act
        var matrix = ProviderMatrix.Build(model, Kinds, Now, new MatrixQuery([], [], sort));

        // Assert
        var names = matrix.Subjects.Select(s => s.Subject).ToList();
        Assert.Equal(sort == MatrixSort.Name ? [.. expected, "zeta"] : ["zeta", .. expected], names);
    }

    private static ClaimChange Change(string subject, string topic, string from, string? to, DateTimeOffset at) =>
        new($"source-{subject}.txt", subject, topic, "consumer",
            new ChangeSide(1, at.AddDays(-30), from, $"was {from}", 0, 5),
            to is null ? null : new ChangeSide(2, at, to, $"now {to}", 0, 5),
            2, at);
}
