using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages.Contradictions;

public sealed class IndexModel(PolicyDbContext db, ContradictionQueries comparisons) : PageModel
{
    private const int FindingsPerPage = 20;

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

        var summaries = shown.ToDictionary(f => f, snapshot.Summarize);
        var exampleIds = summaries.Values.SelectMany(s => s.Sides).SelectMany(s => s.ExampleIds).ToList();
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
            summaries[f].SelfContradictingSources,
            [.. summaries[f].Sides.Select(s => new Side(
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
