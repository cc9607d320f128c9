using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// The app with sources ingested by the real <c>ingest</c> command, so the claims and suggestions are what the
/// extractor and the ingest store. The extractor gives every claim confidence 1 today, so a source ingested with
/// <see cref="AllSuggestions"/> as <c>Extraction:SuggestionThreshold</c> stores every claim of it as a suggestion,
/// and one ingested with the default threshold stores claims.
/// </summary>
public sealed class SuggestionApp : TestApp, IAsyncLifetime
{
    /// <summary>A threshold above every confidence: each claim of the ingest is a suggestion.</summary>
    public const double AllSuggestions = 1.5;

    public Task InitializeAsync()
    {
        _ = Factory.Services;
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The provider's policy: training is opt-in, deleted chats go within 30 days.</summary>
    public static string PolicyText(string provider) =>
        $"{provider} privacy policy\n\n{provider} does not use your conversations to train its models unless you explicitly opt in.\n\n"
        + "Deleted chats are removed within 30 days.\n";

    /// <summary>A forum post: training is opt-out (disagrees with the policy), deleted chats 30 days (agrees), export.</summary>
    public static string ForumText(string provider) =>
        $"What people say about {provider}\n\n{provider} uses your conversations for training unless you opt out.\n\n"
        + $"{provider} removes deleted chats within 30 days.\n\nYou can export your data from {provider} at any time.\n";

    /// <summary>
    /// Ingests <paramref name="text"/> as <paramref name="fileName"/> with the <c>ingest</c> command, with the given
    /// threshold or the default one, and returns the stored claims and suggestions of that source by topic.
    /// </summary>
    public async Task<Dictionary<string, long>> IngestAsync(string fileName, string text, double? threshold = null)
    {
        var path = WriteFile(fileName, text);
        var result = threshold is { } t
            ? await RunCliAsync("ingest", path, $"--Extraction:SuggestionThreshold={t.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            : await RunCliAsync("ingest", path);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        await using var db = CreateDbContext();
        return await db.Claims.IgnoreQueryFilters()
            .Where(c => c.Source!.FileName == fileName)
            .ToDictionaryAsync(c => c.Topic, c => c.Id);
    }

    public async Task<Claim> ClaimAsync(long id)
    {
        await using var db = CreateDbContext();
        return await db.Claims.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public async Task<List<AuditEntry>> HistoryAsync(long id)
    {
        await using var db = CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.ClaimId == id).OrderBy(a => a.Id).ToListAsync();
    }
}
