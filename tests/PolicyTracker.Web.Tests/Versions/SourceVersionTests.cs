using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Versions;

/// <summary>Versions of one source: every one kept, ordered by date, the latest current, typed changes between them.</summary>
public sealed class SourceVersionTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Policy(string company, string updated, string training, string deletion = "Deleted chats are removed within 30 days.") =>
        $"{company} privacy policy\n\nLast updated: {updated}\n\n{training}\n\n{deletion}\n";

    private static string OptIn(string company) => $"{company} does not use your conversations to train its models unless you explicitly opt in.";

    private static string OptOut(string company) => $"{company} may use your conversations to train its models unless you opt out.";

    [Fact]
    public async Task Ingest_TwoVersionsWithSourceAndObserved_KeepsBothAndListsTheTypedChange()
    {
        // Arrange
        var first = app.WriteFile("v1/policy.md", Policy("Initech", "March 3, 2025", OptIn("Initech")));
        var second = app.WriteFile("v2/policy-new.md", Policy("Initech", "September 28, 2025", OptOut("Initech")));

        // Act
        var one = await app.RunCliAsync("ingest", first, "--source", "initech-privacy", "--observed", "2025-03-10");
        var two = await app.RunCliAsync("ingest", second, "--source", "initech-privacy", "--observed", "2025-10-01");

        // Assert
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        Assert.StartsWith("new version of initech-privacy: version 2 of 2, ", Assert.Single(two.Lines), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "initech-privacy");
        Assert.Equal(2, source.Version);
        var versions = await db.SourceVersions.Where(v => v.SourceId == source.Id).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal(["policy.md", "policy-new.md"], versions.Select(v => v.FileName));
        Assert.Equal([new DateOnly(2025, 3, 10), new DateOnly(2025, 10, 1)], versions.Select(v => DateOnly.FromDateTime(v.ObservedAt.UtcDateTime)));
        Assert.Equal([new DateOnly(2025, 3, 3), new DateOnly(2025, 9, 28)], versions.Select(v => v.StatedDate));
        Assert.All(versions, v => Assert.NotNull(v.Text));
        Assert.Contains("explicitly opt in", versions[0].Text, StringComparison.Ordinal);

        // The claims compared are the current version's only: the old opt-in is history, not a contradiction.
        var claims = await db.Claims.Where(c => c.SourceId == source.Id && c.Topic == "training.default").ToListAsync();
        Assert.Equal(["opt-out"], claims.Select(c => c.Value));

        var change = await db.SourceChanges.SingleAsync(c => c.SourceId == source.Id && c.Topic == "training.default");
        Assert.Equal((ChangeKind.Changed, "opt-in", "opt-out", 1, 2), (change.Kind, change.FromValue, change.ToValue, change.FromVersion, change.ToVersion));
        Assert.Equal(OptIn("Initech").TrimEnd('.'), change.FromQuote);
        Assert.Equal(OptOut("Initech").TrimEnd('.'), change.ToQuote);
        Assert.False(await db.SourceChanges.AnyAsync(c => c.SourceId == source.Id && c.Topic == "retention.deleted_chats"));
    }

    [Fact]
    public async Task Ingest_OlderVersionArrivesLate_GoesFirstAndLeavesTheCurrentClaims()
    {
        // Arrange
        var ingestor = Ingestor(out var scope);
        await using var _ = scope;
        await ingestor.IngestAsync("late-new.md", Bytes(Policy("Hooli", "June 1, 2025", OptOut("Hooli"))), new IngestAs("hooli", new DateOnly(2025, 6, 2)), default);

        // Act
        var outcome = await ingestor.IngestAsync("late-old.md", Bytes(Policy("Hooli", "January 5, 2025", OptIn("Hooli"))), new IngestAs("hooli", new DateOnly(2025, 1, 6)), default);

        // Assert
        var version = Assert.IsType<IngestOutcome.NewVersion>(outcome);
        Assert.Equal((1, 2, false), (version.Version, version.Versions, version.IsCurrent));
        Assert.Contains("older than the current one", version.Line, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "hooli");
        Assert.Equal(2, source.Version);
        Assert.Contains("opt out", source.Text, StringComparison.Ordinal);
        var byNumber = await db.SourceVersions.Where(v => v.SourceId == source.Id).ToDictionaryAsync(v => v.Version, v => v.FileName);
        Assert.Equal("late-old.md", byNumber[1]);
        Assert.Equal("late-new.md", byNumber[2]);
        Assert.Equal(["opt-out"], await db.Claims.Where(c => c.SourceId == source.Id && c.Topic == "training.default").Select(c => c.Value).ToListAsync());
        var change = await db.SourceChanges.SingleAsync(c => c.SourceId == source.Id && c.Topic == "training.default");
        Assert.Equal(("opt-in", "opt-out", 2), (change.FromValue, change.ToValue, change.ToVersion));
    }

    [Fact]
    public async Task Ingest_SameBytesAsTheNeighbour_IsUnchanged_ButAReturnToOlderWordingIsKept()
    {
        // Arrange
        var ingestor = Ingestor(out var scope);
        await using var _ = scope;
        var a = Bytes(Policy("Vandelay", "May 1, 2025", OptIn("Vandelay")));
        var b = Bytes(Policy("Vandelay", "May 2, 2025", OptOut("Vandelay")));
        await ingestor.IngestAsync("a.md", a, new IngestAs("vandelay", new DateOnly(2025, 5, 1)), default);
        await ingestor.IngestAsync("b.md", b, new IngestAs("vandelay", new DateOnly(2025, 5, 2)), default);

        // Act
        var again = await ingestor.IngestAsync("b-again.md", b, new IngestAs("vandelay", new DateOnly(2025, 5, 9)), default);
        var back = await ingestor.IngestAsync("a-again.md", a, new IngestAs("vandelay", new DateOnly(2025, 5, 10)), default);

        // Assert
        Assert.Equal(2, Assert.IsType<IngestOutcome.Unchanged>(again).Version);
        Assert.Equal("unchanged vandelay: same bytes as version 2", again.Line);
        Assert.Equal(3, Assert.IsType<IngestOutcome.NewVersion>(back).Version);
        await using var db = app.CreateDbContext();
        var changes = await db.SourceChanges.Where(c => c.Source!.FileName == "vandelay" && c.Topic == "training.default")
            .OrderBy(c => c.ToVersion).Select(c => new { c.FromValue, c.ToValue }).ToListAsync();
        Assert.Equal([("opt-in", "opt-out"), ("opt-out", "opt-in")], changes.Select(c => (c.FromValue, c.ToValue)));
    }

    [Fact]
    public async Task Ingest_ReviewedClaimWhoseQuoteOnlyMoved_KeepsItsReview()
    {
        // Arrange
        var ingestor = Ingestor(out var scope);
        await using var _ = scope;
        var text = Policy("Pied Piper", "April 1, 2025", OptIn("Pied Piper"));
        await ingestor.IngestAsync("pp.md", Bytes(text), new IngestAs("pied-piper", new DateOnly(2025, 4, 1)), default);
        var reviewed = await ReviewAsync("pied-piper", "retention.deleted_chats");

        // Act: a new section before it moves every offset.
        var moved = text.Replace("Last updated", "Who we are\n\nPied Piper makes compression software.\n\nLast updated", StringComparison.Ordinal);
        await ingestor.IngestAsync("pp2.md", Bytes(moved), new IngestAs("pied-piper", new DateOnly(2025, 5, 1)), default);

        // Assert
        await using var db = app.CreateDbContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == reviewed.Id);
        Assert.Equal((ClaimStatus.Verified, "checked against the settings page"), (claim.Status, claim.ReviewNote));
        Assert.True(claim.Start > reviewed.Start);
        Assert.Null(claim.PreviousQuote);
    }

    [Fact]
    public async Task Ingest_ReviewedClaimWhoseQuoteWasReworded_KeepsItsReviewFlaggedToReviewAgain()
    {
        // Arrange
        var ingestor = Ingestor(out var scope);
        await using var _ = scope;
        await ingestor.IngestAsync("ra.md", Bytes(Policy("Raviga", "April 1, 2025", OptIn("Raviga"))), new IngestAs("raviga", new DateOnly(2025, 4, 1)), default);
        var reviewed = await ReviewAsync("raviga", "retention.deleted_chats");

        // Act
        var reworded = Policy("Raviga", "July 1, 2025", OptIn("Raviga"), "Deleted chats are permanently removed from our systems within 30 days.");
        await ingestor.IngestAsync("ra2.md", Bytes(reworded), new IngestAs("raviga", new DateOnly(2025, 7, 2)), default);

        // Assert
        await using var db = app.CreateDbContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == reviewed.Id);
        Assert.Equal(ClaimStatus.Verified, claim.Status);
        Assert.Equal("Deleted chats are removed within 30 days", claim.PreviousQuote);
        Assert.Contains("permanently removed", claim.Quote, StringComparison.Ordinal);
        Assert.Equal(claim.Quote, reworded[claim.Start..claim.End]);
    }

    [Theory]
    [InlineData("--source", " padded ", "--source: the source name starts or ends with a space")]
    [InlineData("--observed", "2025-13-01", "--observed: '2025-13-01' is not a date written YYYY-MM-DD")]
    [InlineData("--observed", "yesterday", "--observed: 'yesterday' is not a date written YYYY-MM-DD")]
    public async Task Ingest_BadSourceOrDate_RefusedBeforeAnythingIsStored(string option, string value, string message)
    {
        // Arrange
        _ = app.Factory.Services;
        var path = app.WriteFile("refused-version.md", Policy("Globex", "May 1, 2025", OptIn("Globex")));
        var before = await app.SnapshotAsync();

        // Act
        var result = await app.RunCliAsync("ingest", path, option, value);

        // Assert
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    private SourceIngestor Ingestor(out AsyncServiceScope scope)
    {
        scope = app.Factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<SourceIngestor>();
    }

    /// <summary>Marks the source's claim on <paramref name="topic"/> verified, as an editor would, and returns it as it was.</summary>
    private async Task<Claim> ReviewAsync(string source, string topic)
    {
        await using var db = app.CreateDbContext();
        var claim = await db.Claims.SingleAsync(c => c.Source!.FileName == source && c.Topic == topic);
        claim.Status = ClaimStatus.Verified;
        claim.ReviewNote = "checked against the settings page";
        claim.ReviewedBy = "editor@example.org";
        claim.ReviewedAt = DateTimeOffset.UtcNow;
        claim.Revision++;
        await db.SaveChangesAsync();
        return claim;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
