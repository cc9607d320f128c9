using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Tests.Infrastructure;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Tests.Watching;

/// <summary>
/// Watched sources against real local servers: the allow-listed one on 127.0.0.1, and 127.0.0.2 as the address the
/// guard must keep every request from. Scheduler passes run when a test says, on a clock the test moves.
/// </summary>
public sealed class WatchTests(WatchApp app) : IClassFixture<WatchApp>
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static string Policy(string training) =>
        $"# Initech privacy policy\n\n{training}\n\nDeleted chats are removed within 30 days.\n";

    private const string OptIn = "Initech does not use your conversations to train its models unless you explicitly opt in.";

    private const string OptOut = "Initech may use your conversations to train its models unless you opt out.";

    [Fact]
    public async Task Scheduler_PageChangedWhenDue_NewVersionWithItsChangesListed()
    {
        // Arrange
        app.Pages.ServeText("/changing", Policy(OptIn));
        var added = await app.WatchAsync(app.Pages.Url("/changing"), "changing-policy");
        Assert.True(added.Watched, added.Line);
        await app.RunDueAsync();
        Assert.Equal(1, app.Pages.Requests("/changing"));
        app.Pages.ServeText("/changing", Policy(OptOut));

        // Act
        app.Clock.Advance(Day);
        var reports = await app.RunDueAsync();

        // Assert
        Assert.Equal(2, app.Pages.Requests("/changing"));
        var report = Assert.Single(reports, r => r.Name == "changing-policy");
        Assert.StartsWith("new version of changing-policy: version 2 of 2", report.Line, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "changing-policy");
        Assert.Equal(2, source.Version);
        var change = await db.SourceChanges.SingleAsync(c => c.SourceId == source.Id && c.Topic == "training.default");
        Assert.Equal((ChangeKind.Changed, "opt-in", "opt-out"), (change.Kind, change.FromValue, change.ToValue));
        var watched = await db.WatchedSources.SingleAsync(w => w.Name == "changing-policy");
        Assert.Equal(FetchStatus.NewVersion, watched.LastStatus);
        Assert.Equal(app.Clock.GetUtcNow(), watched.LastFetchAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(app.Clock.GetUtcNow() + Day, watched.NextFetchAt, TimeSpan.FromMilliseconds(1));
        Assert.Null(watched.LeaseUntil);
    }

    [Fact]
    public async Task Scheduler_NotModifiedOrSameBytes_AddsNothing()
    {
        // Arrange: one server honours the ETag (304), the other sends the same bytes again.
        app.Pages.ServeText("/etag", Policy(OptIn), etag: "\"v1\"");
        app.Pages.ServeText("/same", Policy(OptIn), contentType: "text/plain");
        Assert.True((await app.WatchAsync(app.Pages.Url("/etag"), "etag-policy")).Watched);
        Assert.True((await app.WatchAsync(app.Pages.Url("/same"), "same-policy")).Watched);
        var before = await app.SnapshotAsync();

        // Act
        app.Clock.Advance(Day);
        var reports = await app.RunDueAsync();

        // Assert
        Assert.Equal(2, app.Pages.Requests("/etag"));
        Assert.Equal("\"v1\"", app.Pages.LastRequestHeaders("/etag")!.IfNoneMatch.ToString());
        Assert.Equal("unchanged etag-policy: not modified since the last fetch", Assert.Single(reports, r => r.Name == "etag-policy").Line);
        Assert.Equal("unchanged same-policy: same bytes as version 1", Assert.Single(reports, r => r.Name == "same-policy").Line);
        Assert.Equal(before, await app.SnapshotAsync());
        await using var db = app.CreateDbContext();
        var states = await db.WatchedSources.Where(w => w.Name == "etag-policy" || w.Name == "same-policy")
            .OrderBy(w => w.Name).Select(w => w.LastStatus).ToListAsync();
        Assert.Equal([FetchStatus.NotModified, FetchStatus.Unchanged], states);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "server error", "HTTP 500" },
        { "wrong content type", "content type 'application/pdf' is not HTML, Markdown or plain text" },
        { "too big, announced", $"file too big: {WatchApp.MaxFileBytes + 1} bytes, the limit is {WatchApp.MaxFileBytes}" },
        { "too big, streamed", "file too big: " },
        { "no answer in time", "no complete answer within 3 s (Fetch:TimeoutSeconds)" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Scheduler_FailingPage_KeepsTheLastVersionAndRecordsTheError(string failure, string expected)
    {
        // Arrange
        var path = "/failing-" + failure.Replace(' ', '-').Replace(",", "", StringComparison.Ordinal);
        var name = "failing " + failure;
        app.Pages.ServeText(path, Policy(OptIn));
        Assert.True((await app.WatchAsync(app.Pages.Url(path), name)).Watched);
        var before = await app.SnapshotAsync();
        app.Pages.Serve(path, Failing(failure));

        // Act
        app.Clock.Advance(Day);
        var report = Assert.Single(await app.RunDueAsync(), r => r.Name == name);

        // Assert
        Assert.Equal($"failed {name}: {expected}", report.Line[..Math.Min(report.Line.Length, $"failed {name}: {expected}".Length)]);
        Assert.Equal(before, await app.SnapshotAsync());
        await using var db = app.CreateDbContext();
        var watched = await db.WatchedSources.SingleAsync(w => w.Name == name);
        Assert.Equal(FetchStatus.Failed, watched.LastStatus);
        Assert.Contains(expected, watched.LastError, StringComparison.Ordinal);
        Assert.Equal(1, watched.Failures);

        // Backed off: tried again after the first back-off, jittered, not a whole interval later.
        var wait = watched.NextFetchAt - app.Clock.GetUtcNow();
        Assert.InRange(wait, FetchBackoff.First * (1 - FetchBackoff.Jitter), FetchBackoff.First * (1 + FetchBackoff.Jitter));
        Assert.Equal(OptIn, (await db.Claims.SingleAsync(c => c.Source!.FileName == name && c.Topic == "training.default")).Quote + ".");
    }

    private static RequestDelegate Failing(string failure) => failure switch
    {
        "server error" => context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        },
        "wrong content type" => async context =>
        {
            context.Response.ContentType = "application/pdf";
            await context.Response.WriteAsync("%PDF-1.7");
        },
        "too big, announced" => async context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = WatchApp.MaxFileBytes + 1;
            await context.Response.Body.WriteAsync(new byte[WatchApp.MaxFileBytes + 1].Select(_ => (byte)'a').ToArray());
        },
        "too big, streamed" => async context =>
        {
            // No length announced: the limit has to be kept while reading.
            context.Response.ContentType = "text/plain";
            for (var i = 0; i < 30; i++)
            {
                await context.Response.WriteAsync(new string('a', 10_000));
            }
        },
        _ => async context =>
        {
            // Holds the answer back until the fetcher gives up and closes the connection.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        },
    };

    [Theory]
    [InlineData("direct")]
    [InlineData("redirect")]
    public async Task Watch_LoopbackAddressNotAllowListed_RefusedBeforeAnyRequestReachesIt(string how)
    {
        // Arrange
        var forbidden = app.Forbidden.Url("/secret");
        app.Forbidden.ServeText("/secret", "Initech may use your conversations to train its models unless you opt out.");
        app.Pages.Redirect("/leads-out", forbidden);
        var url = how == "direct" ? forbidden : app.Pages.Url("/leads-out");

        // Act
        var result = await app.WatchAsync(url, "refused-" + how);

        // Assert
        Assert.False(result.Watched);
        Assert.StartsWith($"failed refused-{how}: refused: 127.0.0.2 is 127.0.0.2, loopback", result.Line, StringComparison.Ordinal);
        Assert.Equal(0, app.Forbidden.TotalRequests);
        Assert.Equal(how == "redirect" ? 1 : 0, app.Pages.Requests("/leads-out"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.WatchedSources.AnyAsync(w => w.Name == "refused-" + how));
        Assert.False(await db.Sources.AnyAsync(s => s.FileName == "refused-" + how));
    }

    [Theory]
    [InlineData(FetchOptions.MaxRedirects, true)]
    [InlineData(FetchOptions.MaxRedirects + 1, false)]
    public async Task Watch_RedirectChain_FollowedUpToTheLimit(int redirects, bool watched)
    {
        // Arrange
        var prefix = $"/chain{redirects}-";
        for (var i = 0; i < redirects; i++)
        {
            app.Pages.Redirect($"{prefix}{i}", app.Pages.Url($"{prefix}{i + 1}"));
        }

        app.Pages.ServeText($"{prefix}{redirects}", Policy(OptIn), contentType: "text/html");

        // Act
        var result = await app.WatchAsync(app.Pages.Url($"{prefix}0"), $"chain-{redirects}");

        // Assert
        Assert.Equal(watched, result.Watched);
        Assert.Equal(watched ? $"added chain-{redirects}: " : $"failed chain-{redirects}: more than {FetchOptions.MaxRedirects} redirects",
            result.Line[..(watched ? $"added chain-{redirects}: ".Length : result.Line.Length)]);
        Assert.Equal(watched ? 1 : 0, app.Pages.Requests($"{prefix}{redirects}"));
    }

    [Fact]
    public async Task WatchCommand_AddListRefreshUnwatch_OneLineEachInTheIngestWording()
    {
        // Arrange
        app.Pages.ServeText("/cli", Policy(OptIn), contentType: "text/plain; charset=utf-8");
        var url = app.Pages.Url("/cli");

        // Act
        var watch = await app.RunCliAsync("watch", url, "--every", "12h", "--source", "cli-policy");
        var list = await app.RunCliAsync("watch", "--list");
        var refresh = await app.RunCliAsync("refresh", "cli-policy");
        var unwatch = await app.RunCliAsync("unwatch", "cli-policy");
        var again = await app.RunCliAsync("unwatch", "cli-policy");
        var refused = await app.RunCliAsync("watch", "http://user:secret@127.0.0.1/");

        // Assert
        Assert.Equal(0, watch.ExitCode);
        Assert.Matches(@"^added cli-policy: \d+ claims; watched every 12h$", Assert.Single(watch.Lines));
        var row = Assert.Single(list.Lines, l => l.StartsWith("cli-policy\t", StringComparison.Ordinal));
        Assert.Contains($"\t{url}\tevery 12h\tlast fetch ", row, StringComparison.Ordinal);
        Assert.Contains(" added\tnext fetch ", row, StringComparison.Ordinal);
        Assert.Equal((0, "unchanged cli-policy: same bytes as version 1"), (refresh.ExitCode, Assert.Single(refresh.Lines)));
        Assert.Equal(2, app.Pages.Requests("/cli"));
        Assert.Equal((0, "unwatched cli-policy: its versions stay"), (unwatch.ExitCode, Assert.Single(unwatch.Lines)));
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("credentials in addresses are refused", refused.Output, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.WatchedSources.AnyAsync(w => w.Name == "cli-policy"));
        Assert.True(await db.Sources.AnyAsync(s => s.FileName == "cli-policy"));
    }

    [PostgresFact]
    public async Task TwoInstances_OnePostgresDatabase_EachDueSourceFetchedOnce()
    {
        // Arrange
        var paths = Enumerable.Range(0, 8).Select(i => $"/shared-{i}").ToList();
        foreach (var path in paths)
        {
            app.Pages.ServeText(path, Policy(OptIn));
            Assert.True((await app.WatchAsync(app.Pages.Url(path), "shared" + path)).Watched);
        }

        await using var second = app.CreateInstance();
        var runners = new[] { app.Factory.Services, second.Services }.Select(s => s.GetRequiredService<WatchRunner>()).ToList();
        app.Clock.Advance(Day);

        // Act: both instances pass over the same due sources at once, then once more.
        var first = await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunDueAsync(default))));
        var then = await Task.WhenAll(runners.Select(r => r.RunDueAsync(default)));

        // Assert: one fetch when added and exactly one scheduled fetch, whichever instance made it.
        Assert.All(paths, path => Assert.Equal(2, app.Pages.Requests(path)));
        var fetched = first.Concat(then).SelectMany(r => r).Where(r => r.Name.StartsWith("shared/", StringComparison.Ordinal) && !r.Line.StartsWith("skipped", StringComparison.Ordinal));
        Assert.Equal(paths.Count, fetched.Count());
    }
}

/// <summary>A test that needs several app instances on one database, which only PostgreSQL supports.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.Provider != Web.Options.DatabaseProvider.Postgres)
        {
            Skip = "several instances on one database need PostgreSQL; on SQLite one instance is the documented limit. "
                + "Runs in the PostgreSQL pass (scripts/postgres-test-server.sh with POLICYTRACKER_TEST_DATABASE=Postgres)";
        }
    }
}
