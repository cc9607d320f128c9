using PolicyTracker.Core.Versions;
using static PolicyTracker.Core.Tests.Versions.VersionHistories;

namespace PolicyTracker.Core.Tests.Versions;

/// <summary>
/// Change detection over real document histories: the data-practice changes labelled by hand in
/// <c>tests/versions/CHANGES.md</c> appear, and pairs whose edits touch no data practice yield none.
/// </summary>
public sealed class RealHistoryTests
{
    [Theory]
    // cursor, the 2025-06-14 rewrite (version 7)
    [InlineData(Cursor, 7, "cursor", "retention.active", ChangeKind.Removed, "account-lifetime", null)]
    [InlineData(Cursor, 7, "cursor", "retention.zero_retention_available", ChangeKind.Removed, "yes", null)]
    [InlineData(Cursor, 7, "cursor", "sharing.third_party_training", ChangeKind.Removed, "no", null)]
    [InlineData(Cursor, 7, "cursor", "training.default", ChangeKind.Added, null, "opt-in")]
    [InlineData(Cursor, 7, "cursor", "training.safety_exception", ChangeKind.Added, null, "yes")]
    [InlineData(Cursor, 7, "cursor", "sharing.sale", ChangeKind.Added, null, "no")]
    [InlineData(Cursor, 7, "cursor", "sharing.advertising", ChangeKind.Added, null, "no")]
    // github-copilot, the 2024-02-03 rewrite (version 4)
    [InlineData(GitHubCopilot, 4, "github", "retention.active", ChangeKind.Changed, "P90D", "account-lifetime")]
    [InlineData(GitHubCopilot, 4, "github", "sharing.advertising", ChangeKind.Removed, "no", null)]
    [InlineData(GitHubCopilot, 4, "github", "rights.export", ChangeKind.Removed, "yes", null)]
    // lovable, 2025-09-30 (version 2)
    [InlineData(Lovable, 2, "lovable", "training.default", ChangeKind.Added, null, "opt-out")]
    [InlineData(Lovable, 2, "lovable", "training.user_control", ChangeKind.Added, null, "yes")]
    [InlineData(Lovable, 2, "lovable", "retention.closed_account", ChangeKind.Added, null, "P30D")]
    public void Across_RealHistory_FindsLabelledChange(
        string history, int toVersion, string subject, string topic, ChangeKind kind, string? from, string? to)
    {
        var changes = Changes(history).Where(c => c.ToVersion == toVersion && c.Subject == subject && c.Topic == topic);

        var change = Assert.Single(changes, c => c.Kind == kind && c.From?.Value == from && c.To?.Value == to);
        var newer = History(history)[toVersion - 1];
        Assert.Equal(newer.Observed, change.ToObserved);
        if (change.To is { } side)
        {
            Assert.Equal(side.Quote, newer.Document.Text[side.Start..side.End]);
        }

        if (change.From is { } old)
        {
            Assert.Equal(old.Quote, History(history)[toVersion - 2].Document.Text[old.Start..old.End]);
        }
    }

    [Theory]
    [InlineData(ChatGptBusiness, 2)] // Team renamed Business
    [InlineData(ChatGptBusiness, 3)] // Teachers added with the values business data already had
    [InlineData(Cursor, 2)]
    [InlineData(Cursor, 3)]
    [InlineData(Cursor, 4)]
    [InlineData(Cursor, 5)]
    [InlineData(Cursor, 8)] // contact address only
    [InlineData(GitHubCopilot, 5)]
    [InlineData(GitHubCopilot, 6)]
    [InlineData(GitHubCopilot, 7)]
    [InlineData(GitHubCopilot, 8)]
    [InlineData(GitHubCopilot, 9)]
    [InlineData(GitHubCopilot, 10)]
    [InlineData(GitHubCopilot, 11)]
    [InlineData(GitHubCopilot, 12)]
    [InlineData(GitHubCopilot, 13)]
    [InlineData(GitHubCopilot, 14)]
    public void Across_VersionChangingNoDataPractice_FindsNoChange(string history, int toVersion)
    {
        var previous = History(history)[toVersion - 2];
        var version = History(history)[toVersion - 1];

        Assert.NotEqual(previous.Markdown, version.Markdown);
        Assert.NotEmpty(version.VersionClaims);
        Assert.DoesNotContain(Changes(history), c => c.ToVersion == toVersion);
    }

    [Fact]
    public void Across_FailedCaptureBetweenTwoFullVersions_RemovesEveryClaimThenAddsEachBack()
    {
        var changes = Changes(GitHubCopilot);
        var before = History(GitHubCopilot)[0].VersionClaims;

        var removed = changes.Where(c => c.ToVersion == 2).ToList();
        var added = changes.Where(c => c.ToVersion == 3).ToList();

        Assert.All(removed, c => Assert.Equal(ChangeKind.Removed, c.Kind));
        Assert.All(added, c => Assert.Equal(ChangeKind.Added, c.Kind));
        var distinctValues = before.Select(c => (c.Subject, c.Topic, c.Scope, c.Value)).Distinct().Count();
        Assert.Equal(distinctValues, removed.Count);
        Assert.Equal(
            removed.Select(c => (c.Subject, c.Topic, c.Scope, c.From!.Value)),
            added.Select(c => (c.Subject, c.Topic, c.Scope, c.To!.Value)));
    }

    [Theory]
    [InlineData(ChatGptBusiness, "2025-07-31-061e31b.md", "2025-06-04")]
    [InlineData(ChatGptBusiness, "2025-11-20-d8563a6.md", "2025-06-04")]
    [InlineData(Cursor, "2025-02-18-6862ea6.md", "2024-11-08")]
    [InlineData(Cursor, "2025-06-12-1b4c04e.md", "2024-11-08")]
    [InlineData(Cursor, "2025-06-14-e99b3dc.md", "2025-06-13")]
    [InlineData(Cursor, "2025-06-30-4106142.md", "2025-06-13")]
    [InlineData(GitHubCopilot, "2023-10-24-256afb6.md", "2023-10-10")]
    [InlineData(GitHubCopilot, "2023-12-15-a3a58cd.md", "2023-10-10")]
    [InlineData(GitHubCopilot, "2024-02-03-b55cd21.md", "2024-02-01")]
    [InlineData(GitHubCopilot, "2025-09-16-1f9f956.md", "2024-02-01")]
    [InlineData(Lovable, "2025-08-01-731d9dc.md", "2025-07-19")]
    [InlineData(Lovable, "2025-09-30-2640233.md", "2025-09-29")]
    public void StatedDateReader_RealVersion_ReadsDateItStates(string history, string fileName, string stated)
    {
        var version = Version(history, fileName);

        Assert.Equal(DateOnly.Parse(stated, System.Globalization.CultureInfo.InvariantCulture), StatedDateReader.Read(version.Document.Text));
    }

    [Fact]
    public void StatedDateReader_EveryRealVersion_ReadsADateUnlessTheCaptureFailed()
    {
        foreach (var history in new[] { ChatGptBusiness, Cursor, GitHubCopilot, Lovable })
        {
            foreach (var version in History(history))
            {
                var date = StatedDateReader.Read(version.Document.Text);
                Assert.True(
                    (date is null) == (version.FileName == "2023-11-13-90321b2.md"),
                    $"{history}/{version.FileName}: {date}");
            }
        }
    }
}
