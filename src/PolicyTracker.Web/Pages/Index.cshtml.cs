using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PolicyTracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Querying;
using PolicyTracker.Web.Reviews;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Pages;

[OutputCache(PolicyName = ReadPageCache.PolicyName)]
[ReadPageQuery]
public sealed class IndexModel(
    PolicyDbContext db, ContradictionQueries comparisons, ContradictionReviewer reviewer, ClaimQueries claims, ChangeQueries changes, TimeProvider time) : PageModel
{
    private const int DisputedShown = 10;
    private const int RecentShown = 8;

    /// <summary>How far back "recent changes" reaches.</summary>
    public const int RecentChangeDays = 30;

    public int SourceCount { get; private set; }

    public int ClaimCount { get; private set; }

    public int ContradictionCount { get; private set; }

    /// <summary>Suggestions waiting for an editor to accept or reject them.</summary>
    public int SuggestionCount { get; private set; }

    /// <summary>Contradictions no editor has confirmed or dismissed yet.</summary>
    public int OpenCount { get; private set; }

    /// <summary>Changes between versions observed in the last <see cref="RecentChangeDays"/> days.</summary>
    public int RecentChangeCount { get; private set; }

    public IReadOnlyList<DisputedTopic> Disputed { get; private set; } = [];

    public IReadOnlyList<RecentSource> Recent { get; private set; } = [];

    public IReadOnlyList<SubjectCount> Subjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SourceCount = await db.Sources.CountAsync(ct);
        ClaimCount = await claims.CountClaimsAsync(ct);
        SuggestionCount = await claims.CountSuggestionsAsync(ct);
        RecentChangeCount = await changes.CountSinceAsync(time.GetUtcNow().AddDays(-RecentChangeDays), ct);

        var comparison = await comparisons.CompareAsync(ct);
        ContradictionCount = comparison.Contradictions.Count;
        Subjects = comparison.Subjects;
        var reviews = await reviewer.LoadAllAsync(ct);
        ContradictionState StateOf(string subject, string topic) =>
            reviews.TryGetValue((subject, topic), out var review) ? review.State : ContradictionState.Open;
        OpenCount = comparison.Contradictions.Count(f => StateOf(f.Subject, f.Topic) == ContradictionState.Open);

        // Most disputed: the findings that the most sources take part in, then the most claims.
        Disputed = [.. comparison.Contradictions
            .OrderByDescending(f => f.Involved.Sources.Count)
            .ThenByDescending(f => f.Involved.ClaimIds.Count)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => f.Topic, StringComparer.Ordinal)
            .Take(DisputedShown)
            .Select(f => new DisputedTopic(f.Subject, f.Topic, f.Involved.Values, f.Involved.Sources.Count, f.Involved.ClaimIds.Count, f.SelfContradiction, StateOf(f.Subject, f.Topic)))];

        // Ids autoincrement, so the highest are the most recently added sources.
        Recent = await db.Sources.AsNoTracking()
            .OrderByDescending(s => s.Id)
            .Take(RecentShown)
            .Select(s => new RecentSource(s.Id, s.FileName, s.Title, s.Kind, s.IngestedAt, s.Claims.Count))
            .ToListAsync(ct);
    }

    public sealed record DisputedTopic(
        string Subject, string Topic, IReadOnlyList<string> Values, int SourceCount, int ClaimCount, bool SelfContradiction, ContradictionState Review);

    public sealed record RecentSource(long Id, string FileName, string? Title, SourceKind Kind, DateTimeOffset IngestedAt, int ClaimCount);
}
