using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Tests.Versions;

public sealed class ChangeDetectorTests
{
    private static readonly DateTimeOffset March = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static VersionClaim Claim(string topic, string value, int start, string scope = "consumer", string subject = "acme") =>
        new(subject, topic, scope, value, $"{topic} is {value} at {start}", start, start + 10);

    private static IReadOnlyList<ClaimChange> Between(IReadOnlyList<VersionClaim> older, IReadOnlyList<VersionClaim> newer) =>
        ChangeDetector.Between("policy.md", 1, March, older, 2, June, newer);

    [Fact]
    public void Between_SameValuesQuotedElsewhere_FindsNothing()
    {
        var changes = Between(
            [Claim("retention.deleted_chats", "P30D", 10), Claim("sharing.sale", "no", 50)],
            [Claim("sharing.sale", "no", 5), Claim("retention.deleted_chats", "P30D", 900), Claim("retention.deleted_chats", "P30D", 20)]);

        Assert.Empty(changes);
    }

    [Fact]
    public void Between_OneValueReplaced_IsOneChangeWithBothQuotes()
    {
        var change = Assert.Single(Between([Claim("retention.deleted_chats", "P30D", 10)], [Claim("retention.deleted_chats", "P90D", 40)]));

        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Equal(("P30D", 1, March, 10), (change.From!.Value, change.From.Version, change.From.Observed, change.From.Start));
        Assert.Equal(("P90D", 2, June, 40), (change.To!.Value, change.To.Version, change.To.Observed, change.To.Start));
        Assert.Equal("retention.deleted_chats is P90D at 40", change.To.Quote);
        Assert.Equal((2, June), (change.ToVersion, change.ToObserved));
    }

    [Fact]
    public void Between_ClaimOnlyInNewer_IsAdded_AndOnlyInOlder_IsRemoved()
    {
        var changes = Between([Claim("sharing.sale", "no", 10)], [Claim("training.default", "opt-in", 10)]);

        Assert.Collection(
            changes,
            c => Assert.Equal((ChangeKind.Removed, "sharing.sale", "no"), (c.Kind, c.Topic, c.From!.Value)),
            c => Assert.Equal((ChangeKind.Added, "training.default", "opt-in"), (c.Kind, c.Topic, c.To!.Value)));
        Assert.Null(changes[0].To);
        Assert.Null(changes[1].From);
        Assert.Equal(2, changes[0].ToVersion);
    }

    [Fact]
    public void Between_TwoValuesGoneOneNew_ToldValueByValue()
    {
        var changes = Between(
            [Claim("retention.active", "P30D", 1), Claim("retention.active", "P90D", 2)],
            [Claim("retention.active", "P365D", 3)]);

        Assert.Equal(
            [(ChangeKind.Added, null, "P365D"), (ChangeKind.Removed, "P30D", null), (ChangeKind.Removed, "P90D", null)],
            changes.Select(c => (c.Kind, c.From?.Value, c.To?.Value)));
    }

    [Fact]
    public void Between_ValueKeptAndAnotherAdded_IsOnlyAnAddition()
    {
        var change = Assert.Single(Between(
            [Claim("training.default", "opt-in", 1)],
            [Claim("training.default", "opt-in", 1), Claim("training.default", "opt-out", 2)]));

        Assert.Equal((ChangeKind.Added, "opt-out"), (change.Kind, change.To!.Value));
    }

    [Fact]
    public void Between_DifferentScopes_AreComparedApart()
    {
        var changes = Between(
            [Claim("training.default", "opt-in", 1, scope: "commercial")],
            [Claim("training.default", "opt-out", 1, scope: "consumer")]);

        Assert.Equal([ChangeKind.Removed, ChangeKind.Added], changes.OrderBy(c => c.Scope, StringComparer.Ordinal).Select(c => c.Kind));
    }

    [Fact]
    public void Between_ValueQuotedTwice_TakesFirstQuoteByOffset()
    {
        var change = Assert.Single(Between([], [Claim("sharing.sale", "no", 300), Claim("sharing.sale", "no", 12)]));

        Assert.Equal(12, change.To!.Start);
    }

    [Fact]
    public void Between_ManyChanges_OrderedBySubjectTopicScopeKindValue()
    {
        var changes = Between(
            [Claim("sharing.sale", "no", 1, subject: "zeta"), Claim("retention.active", "P30D", 2), Claim("retention.active", "P60D", 3)],
            [Claim("training.default", "opt-in", 1), Claim("retention.active", "P90D", 2), Claim("retention.active", "P10D", 3), Claim("sharing.sale", "no", 4, subject: "alpha")]);

        Assert.Equal(
            [
                "acme retention.active Added -> P10D",
                "acme retention.active Added -> P90D",
                "acme retention.active Removed P30D ->",
                "acme retention.active Removed P60D ->",
                "acme training.default Added -> opt-in",
                "alpha sharing.sale Added -> no",
                "zeta sharing.sale Removed no ->",
            ],
            changes.Select(c => $"{c.Subject} {c.Topic} {c.Kind} {c.From?.Value} -> {c.To?.Value}".Replace("  ", " ", StringComparison.Ordinal).TrimEnd()));
    }

    [Fact]
    public void Across_History_ComparesConsecutiveVersionsOldestFirst()
    {
        var april = March.AddMonths(1);
        var changes = ChangeDetector.Across("policy.md",
        [
            (3, June, [Claim("retention.active", "P90D", 1)]),
            (1, March, [Claim("retention.active", "P30D", 1)]),
            (2, april, [Claim("retention.active", "P60D", 1)]),
        ]);

        Assert.Equal(
            [(2, april, "P30D", "P60D"), (3, June, "P60D", "P90D")],
            changes.Select(c => (c.ToVersion, c.ToObserved, c.From!.Value, c.To!.Value)));
    }

    [Fact]
    public void Across_SingleVersion_HasNoChanges()
    {
        Assert.Empty(ChangeDetector.Across("policy.md", [(1, March, (IReadOnlyList<VersionClaim>)[Claim("sharing.sale", "no", 1)])]));
    }
}
