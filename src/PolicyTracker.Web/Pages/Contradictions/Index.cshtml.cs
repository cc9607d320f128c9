using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages.Contradictions;

public sealed class IndexModel(PolicyDbContext db, ContradictionQueries comparisons) : PageModel
{
    private const int FindingsPerPage = 20;
    private const int QuotesPerSide = 4;

    public string? Subject { get; private set; }

    public string? Topic { get; private set; }

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public IReadOnlyList<SubjectCount> Subjects { get; private set; } = [];

    public async Task OnGetAsync(string? subject, string? topic, int page, CancellationToken ct)
    {
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim().ToLowerInvariant();
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();

        var snapshot = await comparisons.SnapshotAsync(ct);
        Subjects = snapshot.Subjects;
        var matching = snapshot.Result.Contradictions
            .Where(f => (Subject is null || f.Subject == Subject) && (Topic is null || f.Topic == Topic))
            .ToList();
        Total = matching.Count;
        PageCount = Math.Max(1, (Total + FindingsPerPage - 1) / FindingsPerPage);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var shown = matching.Skip((PageNumber - 1) * FindingsPerPage).Take(FindingsPerPage).ToList();

        // Each side shows a few quotes, one per source first, so every voice is heard before any repeats.
        var sides = shown.ToDictionary(f => f, f => Sides(f, snapshot));
        var exampleIds = sides.Values.SelectMany(s => s).SelectMany(s => s.ExampleIds).ToList();
        var examples = await db.Claims.AsNoTracking()
            .Where(c => exampleIds.Contains(c.Id))
            .Select(c => new Quote(c.Id, c.Scope, c.Quote, c.SourceId, c.Source!.FileName, c.Source.Title, c.Source.Kind))
            .ToDictionaryAsync(c => c.Id, ct);

        Findings = [.. shown.Select(f => new Finding(
            f.Subject,
            f.Topic,
            f.SameSource,
            f.Sources.Count,
            f.ClaimIds.Count,
            SelfContradicting(f, snapshot),
            [.. sides[f].Select(s => new Side(
                s.Value, s.ClaimCount, s.SourceCount, [.. s.ExampleIds.Where(examples.ContainsKey).Select(id => examples[id])]))]))];
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["subject"] = Subject, ["topic"] = Topic };
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Contradictions", query.Where(p => p.Value is not null));
    }

    private static List<SidePlan> Sides(ClaimFinding finding, ComparisonSnapshot snapshot) =>
        [.. finding.ClaimIds.Select(id => snapshot.ById[id])
            .GroupBy(c => c.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(c => c.SourceId).Distinct().Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SidePlan(
                g.Key,
                g.Count(),
                g.Select(c => c.SourceId).Distinct().Count(),
                [.. g.OrderBy(c => c.Id).GroupBy(c => c.SourceId).SelectMany(s => s.Select((c, i) => (c, i)))
                    .OrderBy(x => x.i).ThenBy(x => x.c.Id).Take(QuotesPerSide).Select(x => x.c.Id)]))];

    /// <summary>The sources that disagree with themselves in this finding: two of their claims differ on overlapping scopes.</summary>
    private static HashSet<long> SelfContradicting(ClaimFinding finding, ComparisonSnapshot snapshot)
    {
        var result = new HashSet<long>();
        if (!finding.SameSource)
        {
            return result;
        }

        foreach (var source in finding.ClaimIds.Select(id => snapshot.ById[id]).GroupBy(c => c.SourceId))
        {
            var pairs = source.Select(c => (c.Scope, c.Value)).Distinct().ToList();
            if (pairs.Any(a => pairs.Any(b => a.Value != b.Value && Scopes.Overlap(a.Scope, b.Scope))))
            {
                result.Add(source.Key);
            }
        }

        return result;
    }

    private sealed record SidePlan(string Value, int ClaimCount, int SourceCount, IReadOnlyList<long> ExampleIds);

    public sealed record Finding(
        string Subject,
        string Topic,
        bool SelfContradiction,
        int SourceCount,
        int ClaimCount,
        IReadOnlySet<long> SelfContradictingSources,
        IReadOnlyList<Side> Sides);

    public sealed record Side(string Value, int ClaimCount, int SourceCount, IReadOnlyList<Quote> Quotes);

    public sealed record Quote(long Id, string Scope, string Text, long SourceId, string FileName, string? Title, SourceKind Kind);
}
